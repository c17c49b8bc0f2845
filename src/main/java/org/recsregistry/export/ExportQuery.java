package org.recsregistry.export;

import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.Status;

import java.util.List;

/** A validated export request: which records (any of each filter's values) and how to write them. */
public record ExportQuery(List<String> addressees, List<Status> statuses, List<String> sources, List<String> themes,
                          ExportFormat format, boolean bom, List<EvidenceKind> evidenceKinds) {
}
