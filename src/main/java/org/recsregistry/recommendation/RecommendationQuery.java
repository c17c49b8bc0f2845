package org.recsregistry.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A validated recommendation list query; with asOf, statuses are those at the end of that date. */
record RecommendationQuery(
        List<String> addressees,
        List<Status> statuses,
        List<String> sources,
        List<String> themes,
        Optional<String> text,
        Optional<OffsetDateTime> updatedSince,
        SortOrder.Spec sort,
        int limit,
        Optional<Cursor> after,
        Optional<LocalDate> asOf) {
}
