package org.recsregistry.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.WireEnum;
import org.recsregistry.recommendation.FilterParams;
import org.recsregistry.recommendation.KnownCodes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Validates export requests and owns their transaction: one REPEATABLE READ, read-only
 * transaction per export, in which the feed head and the records are read, so that the export
 * is exactly the registry as of its cursor.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    /** How much of the export is gathered before it is written to the response (see writer). */
    private static final int EXPORT_WRITE_BYTES = 32 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    KnownCodes codes;

    /** Rows held in memory at a time while streaming; bounds the export's memory whatever its size. */
    @ConfigProperty(name = "registry.export.fetch-size", defaultValue = "500")
    int fetchSize;

    int fetchSize() {
        return fetchSize;
    }

    /** Reads the parameters into {@code params}; call {@link QueryParams#check()} before using the query. */
    public ExportQuery query(QueryParams params, List<String> format, List<String> bom, FilterParams filter) {
        ExportFormat chosen = params.single("format", format).map(value -> WireEnum.parse(ExportFormat.class, value)
                .orElseGet(() -> {
                    params.reject("format", "unknown format '" + value + "'; allowed: "
                            + WireEnum.allowed(ExportFormat.class));
                    return null;
                })).orElse(ExportFormat.JSON);
        boolean withBom = params.single("bom", bom).map(value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                params.reject("bom", "must be true or false");
                yield false;
            }
        }).orElse(false);
        if (withBom && chosen != null && chosen != ExportFormat.CSV) {
            // JSON must not start with a BOM (RFC 8259 section 8.1).
            params.reject("bom", "applies to format=csv only");
        }
        return new ExportQuery(filter.filter(params), chosen, withBom);
    }

    /**
     * Begins the snapshot: rejects unknown codes (400) and reads the feed head, inside the
     * transaction the records will later be streamed from. The caller must close it.
     */
    public ExportSnapshot open(ExportQuery query) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Scoped to this transaction, so the pooled connection keeps its own settings.
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            QueryParams unknown = new QueryParams();
            codes.check(query.filter(), unknown);
            unknown.check();
            return new ExportSnapshot(connection, query, head(connection), fetchSize);
        } catch (SQLException e) {
            ExportSnapshot.release(connection);
            throw new IllegalStateException("Cannot begin an export", e);
        } catch (RuntimeException e) {
            ExportSnapshot.release(connection);
            throw e;
        }
    }

    /** The response body: streams the snapshot in its format and closes it, however the writing ends. */
    public StreamingOutput body(ExportSnapshot snapshot) {
        return out -> {
            try (snapshot) {
                ExportWriter writer = writer(snapshot.query(), out);
                writer.begin(snapshot.head());
                snapshot.stream(writer::record);
                writer.end();
            } catch (IOException e) {
                if (!snapshot.abandoned()) {
                    throw e;
                }
                // The client went away: nobody to answer, nothing to report.
                LOG.debugf("Export at cursor %d abandoned: %s", snapshot.head(), e.getMessage());
            }
        };
    }

    private ExportWriter writer(ExportQuery query, OutputStream response) {
        // Flushing after every record would send one HTTP chunk per record.
        ObjectWriter records = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        // A record is a few hundred bytes and goes out in two writes; the response's stream takes a pooled
        // buffer for each write, so records are gathered here and reach it in writes of this size.
        OutputStream out = new BufferedOutputStream(response, EXPORT_WRITE_BYTES);
        return switch (query.format()) {
            case JSON -> new JsonExportWriter(records, out);
            case NDJSON -> new NdjsonExportWriter(records, out);
            case CSV -> new CsvExportWriter(out, query.bom());
        };
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select feed_head from registry_state")) {
            row.next();
            return row.getLong(1);
        }
    }
}
