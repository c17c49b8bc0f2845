package org.recsregistry.change;

import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.Status;

import java.util.List;

/** A validated change-feed query: the entries after {@code since} that match the filters. */
public record ChangeQuery(long since, int limit, List<ChangeKind> kinds, List<String> addressees, List<Status> statuses,
                          List<EvidenceKind> evidenceKinds) {
}
