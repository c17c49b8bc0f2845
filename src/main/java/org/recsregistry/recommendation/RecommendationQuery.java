package org.recsregistry.recommendation;

import java.util.Optional;

/** A validated request for one page of a recommendation list. */
public record RecommendationQuery(RecommendationFilter filter, SortOrder.Spec sort, int limit, Optional<Cursor> after) {
}
