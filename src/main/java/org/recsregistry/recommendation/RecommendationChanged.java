package org.recsregistry.recommendation;

import org.recsregistry.recommendation.dto.StatusEventView;

/**
 * A change to a recommendation, fired inside the transaction that makes it. The change feed (a
 * package above this one) observes it synchronously and records its entry in the same transaction.
 *
 * @param statusEvent the event recorded, for STATUS_CHANGED only
 */
public record RecommendationChanged(Kind kind, String recommendationId, StatusEventView statusEvent) {

    public enum Kind { CREATED, UPDATED, STATUS_CHANGED, DELETED }

    public static RecommendationChanged created(String recommendationId) {
        return new RecommendationChanged(Kind.CREATED, recommendationId, null);
    }

    public static RecommendationChanged updated(String recommendationId) {
        return new RecommendationChanged(Kind.UPDATED, recommendationId, null);
    }

    public static RecommendationChanged deleted(String recommendationId) {
        return new RecommendationChanged(Kind.DELETED, recommendationId, null);
    }

    public static RecommendationChanged statusChanged(StatusEvent event) {
        return new RecommendationChanged(Kind.STATUS_CHANGED, event.recommendationId, RecommendationService.event(event));
    }
}
