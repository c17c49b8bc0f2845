package org.recsregistry.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.recsregistry.recommendation.Recommendation;

/** Loads the curated dataset into an empty database when the application starts. */
@ApplicationScoped
class DatasetStartup {

    private static final Logger LOG = Logger.getLogger(DatasetStartup.class);

    @Inject
    DatasetImporter importer;

    @ConfigProperty(name = "registry.dataset.import-on-start", defaultValue = "true")
    boolean importOnStart;

    void onStart(@Observes StartupEvent event) {
        if (!importOnStart || importer.hasRecommendations()) {
            return;
        }
        ImportReport report = importer.importDataset(DatasetReader.read());
        LOG.infof("Dataset imported into an empty database: %s", report);
    }
}
