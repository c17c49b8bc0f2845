package org.recsregistry.recommendation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.RegistryState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The addressee, source and theme codes a filter may name, kept for the registry revision they were
 * read at, so that checking a filter costs no database round trip while the revision stands.
 */
@ApplicationScoped
public class KnownCodes {

    private static final String SQL = "select revision, (select array_agg(code) from addressee),"
            + " (select array_agg(id) from source), (select array_agg(code) from theme) from registry_state";

    private record Codes(long revision, Set<String> addressees, Set<String> sources, Set<String> themes) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegistryState state;

    private volatile Codes codes;

    /** Rejects into {@code params} every code of the filter that names nothing. */
    public void check(RecommendationFilter filter, QueryParams params) {
        if (filter.addressees().isEmpty() && filter.sources().isEmpty() && filter.themes().isEmpty()) {
            return;
        }
        Codes known = current();
        reject(params, "addressee", filter.addressees(), known.addressees());
        reject(params, "source", filter.sources(), known.sources());
        reject(params, "theme", filter.themes(), known.themes());
    }

    private Codes current() {
        Codes kept = codes;
        Optional<RegistryState.Revision> revision = state.known();
        if (kept != null && revision.isPresent() && revision.get().number() == kept.revision()) {
            return kept;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(SQL)) {
            row.next();
            Codes read = new Codes(row.getLong(1), set(row.getArray(2)), set(row.getArray(3)), set(row.getArray(4)));
            codes = read;
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the known codes", e);
        }
    }

    private static void reject(QueryParams params, String name, List<String> given, Set<String> known) {
        given.stream().filter(code -> !known.contains(code)).distinct()
                .forEach(code -> params.reject(name, "unknown " + name + " '" + code + "'"));
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }
}
