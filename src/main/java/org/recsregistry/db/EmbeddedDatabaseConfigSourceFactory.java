package org.recsregistry.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.OptionalInt;

/**
 * Supplies the datasource of the embedded PostgreSQL when no external database is configured.
 *
 * <p>A config source is used because the database must be up before the datasource and Flyway
 * read their configuration. With {@code quarkus.datasource.jdbc.url} set anywhere (for example
 * QUARKUS_DATASOURCE_JDBC_URL), this factory contributes nothing and no PostgreSQL is started.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR = "registry.db.data-dir";
    static final String ENABLED = "registry.db.embedded";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(JDBC_URL);
        ConfigValue enabled = context.getValue(ENABLED);
        if (url.getValue() != null || "false".equalsIgnoreCase(enabled.getValue())) {
            return List.of();
        }
        String dataDir = context.getValue(DATA_DIR).getValue();
        return List.of(new EmbeddedDatabaseConfigSource(dataDir == null || dataDir.isBlank() ? null : dataDir));
    }

    @Override
    public OptionalInt getPriority() {
        // Below application.properties (250) and the environment (300): explicit settings win.
        return OptionalInt.of(200);
    }
}
