package org.recsregistry.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Locale;

/** Imports the curated dataset when the application starts, as registry.dataset.import says. */
@ApplicationScoped
class DatasetStartup {

    private static final Logger LOG = Logger.getLogger(DatasetStartup.class);

    /** When to import: into an empty database only, on every start, or never. */
    enum Mode { IF_EMPTY, ALWAYS, NEVER }

    @Inject
    DatasetImporter importer;

    @ConfigProperty(name = "registry.dataset.import", defaultValue = "if-empty")
    String mode;

    void onStart(@Observes StartupEvent event) {
        Mode chosen = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        if (chosen == Mode.ALWAYS) {
            LOG.infof("Dataset imported: %s", importer.importDataset(DatasetReader.read()));
        } else if (chosen == Mode.IF_EMPTY) {
            importer.importIfEmpty().ifPresent(report -> {
                LOG.infof("Dataset imported into an empty database: %s", report);
                compact();
            });
        }
    }

    private void compact() {
        try {
            importer.compact();
        } catch (SQLException e) {
            // The registry is whole without it; its reads scan more pages than they need.
            LOG.warnf("Could not compact the tables after the import: %s", e.getMessage());
        }
    }
}
