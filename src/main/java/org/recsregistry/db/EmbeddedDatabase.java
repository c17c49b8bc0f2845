package org.recsregistry.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one embedded PostgreSQL of this JVM: started on demand, stopped on shutdown.
 *
 * <p>With a data directory the cluster survives restarts; without one it lives in a temporary
 * directory that is removed when it stops (what the tests use).
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private static EmbeddedPostgres postgres;
    private static boolean hookInstalled;

    private EmbeddedDatabase() {
    }

    /** Starts the database if it is not running and answers the datasource settings. */
    static synchronized Map<String, String> start(String dataDir) {
        if (postgres == null) {
            postgres = launch(dataDir);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
                hookInstalled = true;
            }
        }
        return Map.of(
                EmbeddedDatabaseConfigSourceFactory.JDBC_URL, postgres.getJdbcUrl(USER, DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    /** Stops the database; a later read of the datasource settings starts it again. */
    public static synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }

    private static EmbeddedPostgres launch(String dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir);
                // A cluster that outlives the process keeps every acknowledged commit through a crash; zonky's
                // default (synchronous_commit=off, right for throwaway test clusters) can lose the last ones.
                builder.setDataDirectory(dir).setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres started = builder.start();
            LOG.infof("Embedded PostgreSQL started on port %d, data in %s", started.getPort(),
                    dataDir == null ? "a temporary directory" : Path.of(dataDir).toAbsolutePath());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
