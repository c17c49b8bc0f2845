package org.recsregistry.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;

/** The registry's revision, which moves on every write (database triggers bump it). */
@ApplicationScoped
public class RegistryState {

    @Inject
    AgroalDataSource dataSource;

    /** One revision of the registry and when it was made. */
    public record Revision(long number, Instant modifiedAt) {

        public EntityTag etag() {
            return new EntityTag(Long.toString(number), true);
        }

        /** HTTP dates have whole seconds. */
        public Date lastModified() {
            return Date.from(Instant.ofEpochSecond(modifiedAt.getEpochSecond()));
        }
    }

    public Revision current() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select revision, modified_at from registry_state")) {
            row.next();
            return new Revision(row.getLong(1), row.getObject(2, java.time.OffsetDateTime.class).toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registry revision", e);
        }
    }
}
