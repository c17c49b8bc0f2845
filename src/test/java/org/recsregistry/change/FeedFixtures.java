package org.recsregistry.change;

import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.recsregistry.common.RegistryState;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.RecommendationChanged;
import org.recsregistry.recommendation.StatusEvent;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;

/**
 * Test helper: commits changes (and their feed entries) the way the application does, in a transaction each,
 * then reads the revision back as a write through the API does, so that the next read sees the change.
 */
@ApplicationScoped
public class FeedFixtures {

    @Inject
    Event<RecommendationChanged> changes;

    @Inject
    EntityManager em;

    @Inject
    RegistryState state;

    public void updated(String recommendationId) {
        QuarkusTransaction.requiringNew().run(() -> changes.fire(RecommendationChanged.updated(recommendationId)));
        state.fromDatabase();
    }

    /** A feed entry only: the event is not stored, so the registry's data stays as the other tests expect it. */
    public void statusChanged(String recommendationId, String addressee, Status from, Status to, String evidenceTitle,
                              String evidenceExcerpt) {
        QuarkusTransaction.requiringNew().run(() -> recordStatus(recommendationId, addressee, from, to, evidenceTitle,
                evidenceExcerpt));
        state.fromDatabase();
    }

    private void recordStatus(String recommendationId, String addressee, Status from, Status to, String evidenceTitle,
                              String evidenceExcerpt) {
        StatusEvent event = new StatusEvent();
        // Not stored: only its change-feed entry is wanted.
        event.id = 0L;
        event.recommendationId = recommendationId;
        event.addresseeCode = addressee;
        event.fromStatus = from;
        event.toStatus = to;
        event.effectiveDate = LocalDate.of(2026, 1, 31);
        event.evidenceTitle = evidenceTitle;
        event.evidenceExcerpt = evidenceExcerpt;
        changes.fire(RecommendationChanged.statusChanged(event));
    }

    /** Sets a field of a record and records the update; returns the value it had. */
    public String setSummary(String recommendationId, String summary) {
        String before = QuarkusTransaction.requiringNew().call(() -> setSummaryInTransaction(recommendationId, summary));
        state.fromDatabase();
        return before;
    }

    private String setSummaryInTransaction(String recommendationId, String summary) {
        String before = (String) em.createNativeQuery("select summary from recommendation where id = ?1")
                .setParameter(1, recommendationId).getSingleResult();
        em.createNativeQuery("update recommendation set summary = ?1 where id = ?2")
                .setParameter(1, summary).setParameter(2, recommendationId).executeUpdate();
        changes.fire(RecommendationChanged.updated(recommendationId));
        return before;
    }

    /** Sets the verbatim text of a verified record; returns the text it had. */
    public String setText(String recommendationId, String text) {
        String before = QuarkusTransaction.requiringNew().call(() -> setTextInTransaction(recommendationId, text));
        state.fromDatabase();
        return before;
    }

    private String setTextInTransaction(String recommendationId, String text) {
        String before = (String) em.createNativeQuery("select text from recommendation where id = ?1")
                .setParameter(1, recommendationId).getSingleResult();
        em.createNativeQuery("update recommendation set text = ?1 where id = ?2")
                .setParameter(1, text).setParameter(2, recommendationId).executeUpdate();
        changes.fire(RecommendationChanged.updated(recommendationId));
        return before;
    }

    /** The feed head, found by walking GET /api/v1/changes from the start to the end. */
    public static String walkedFeedHead() {
        String cursor = "0";
        boolean more = true;
        while (more) {
            JsonPath page = given().get("/api/v1/changes?limit=1000&since=" + cursor)
                    .then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return cursor;
    }
}
