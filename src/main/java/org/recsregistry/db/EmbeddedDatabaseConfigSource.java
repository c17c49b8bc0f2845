package org.recsregistry.db;

import io.quarkus.runtime.ExecutionMode;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Datasource settings that point at the embedded PostgreSQL, which starts on first read.
 *
 * <p>Reads during the build (execution mode unset) answer nothing, so that packaging the
 * application never starts a database.
 */
class EmbeddedDatabaseConfigSource implements ConfigSource {

    private static final Set<String> NAMES = Set.of(
            EmbeddedDatabaseConfigSourceFactory.JDBC_URL,
            "quarkus.datasource.username",
            "quarkus.datasource.password");

    private final String dataDir;

    EmbeddedDatabaseConfigSource(String dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public String getValue(String propertyName) {
        if (!NAMES.contains(propertyName) || ExecutionMode.current() == ExecutionMode.UNSET) {
            return null;
        }
        Map<String, String> settings = EmbeddedDatabase.start(dataDir);
        return settings.get(propertyName);
    }

    @Override
    public String getName() {
        return "embedded-postgresql";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
