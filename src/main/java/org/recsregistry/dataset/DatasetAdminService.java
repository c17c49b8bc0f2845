package org.recsregistry.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditService;
import org.recsregistry.common.ProblemException;
import org.recsregistry.dataset.dto.ImportResult;

import java.util.List;

/** Re-imports the dataset files on an admin's request; a dry run does the same work and rolls it back. */
@ApplicationScoped
public class DatasetAdminService {

    @Inject
    DatasetImporter importer;
    @Inject
    AuditService audit;
    @Inject
    TransactionManager transactions;

    @Transactional
    public ImportResult run(boolean dryRun) {
        DatasetReader.Dataset dataset = DatasetReader.read();
        List<String> problems = DatasetRules.problems(dataset);
        if (!problems.isEmpty()) {
            // The files shipped with this build are wrong: nothing is imported until they are fixed.
            throw new ProblemException(422, "dataset-invalid", "The dataset files break the rules",
                    new DatasetRules.BrokenDataset(problems).getMessage());
        }
        ImportReport report = importer.importDataset(dataset);
        ImportResult result = new ImportResult(dryRun, report.created(), report.updated(), report.unchanged(),
                report.changedIds(), report.eventsAppended(), report.eventsAlreadyPresent());
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("Cannot roll the dry run back", e);
            }
        } else {
            audit.record("dataset.import", "dataset", "manifest.yaml", null, result);
        }
        return result;
    }
}
