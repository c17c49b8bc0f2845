package org.recsregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.recsregistry.recommendation.StatusEvent;
import org.recsregistry.recommendation.dto.StatusEventView;

import java.time.LocalDate;

/**
 * Records changes in the feed, inside the transaction that makes them (and only there). The
 * database numbers each entry when it is inserted; see V2__change_feed.sql.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeRecorder {

    private static final String INSERT = "insert into change_entry (kind, recommendation_id, addressee_code,"
            + " from_status, to_status, effective_date, evidence) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void created(String recommendationId) {
        insert(ChangeKind.CREATED, recommendationId, null);
    }

    public void updated(String recommendationId) {
        insert(ChangeKind.UPDATED, recommendationId, null);
    }

    public void deleted(String recommendationId) {
        insert(ChangeKind.DELETED, recommendationId, null);
    }

    public void statusChanged(StatusEvent event) {
        insert(ChangeKind.STATUS_CHANGED, event.recommendationId, event);
    }

    private void insert(ChangeKind kind, String recommendationId, StatusEvent event) {
        // A native statement flushes pending entity changes first, so the recommendation row exists.
        em.createNativeQuery(INSERT).unwrap(NativeQuery.class)
                .setParameter(1, kind.wire(), String.class)
                .setParameter(2, recommendationId, String.class)
                .setParameter(3, event == null ? null : event.addresseeCode, String.class)
                .setParameter(4, event == null || event.fromStatus == null ? null : event.fromStatus.wire(), String.class)
                .setParameter(5, event == null ? null : event.toStatus.wire(), String.class)
                .setParameter(6, event == null ? null : event.effectiveDate, LocalDate.class)
                .setParameter(7, event == null ? null : evidence(event), String.class)
                .executeUpdate();
    }

    private String evidence(StatusEvent event) {
        try {
            return json.writeValueAsString(new StatusEventView.Evidence(event.evidenceTitle, event.evidencePublisher,
                    event.evidenceKind, event.evidenceDate, event.evidenceDatePrecision, event.evidenceUrl,
                    event.evidenceExcerpt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
