package org.recsregistry.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready while PostgreSQL answers. Replaces the datasource's own check, whose public body names
 * the database host and port and repeats the driver's message; the reason goes to the log instead
 * (once per outage, by {@link DatabaseAvailability}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    private static final int VALIDATION_SECONDS = 1;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(!availability.down() && answers()).build();
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            if (DatabaseAvailability.isConnectionFailure(e)) {
                availability.unreachable(e);
            }
            return false;
        }
    }
}
