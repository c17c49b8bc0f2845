package org.recsregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.RecommendationChanged;
import org.recsregistry.recommendation.StatusEvent;

import java.time.LocalDate;

/** Writes change-feed entries for tests, each in its own committed transaction. */
@ApplicationScoped
public class TestChanges {

    @Inject
    Event<RecommendationChanged> changes;

    @Transactional
    public void updated(String recommendationId) {
        changes.fire(RecommendationChanged.updated(recommendationId));
    }

    /** A feed entry only: the event itself is not stored, so the recommendation's history stays as it was. */
    @Transactional
    public void statusChanged(String recommendationId, String addressee, Status to) {
        StatusEvent event = new StatusEvent();
        // Not stored: only its change-feed entry is wanted.
        event.id = 0L;
        event.recommendationId = recommendationId;
        event.addresseeCode = addressee;
        event.toStatus = to;
        event.effectiveDate = LocalDate.of(2099, 1, 1);
        event.evidenceTitle = "Test evidence";
        changes.fire(RecommendationChanged.statusChanged(event));
    }
}
