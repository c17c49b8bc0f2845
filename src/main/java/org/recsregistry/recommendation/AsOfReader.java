package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the pairs' statuses of some recommendations as they stood at the end of a date. */
@ApplicationScoped
class AsOfReader {

    /** A pair's status on the date and the effective date of the event that set it (null while unknown). */
    record PairStatus(Status status, LocalDate since) {
    }

    @Inject
    EntityManager em;

    /** Per live (not deleted) recommendation id, per addressee code: the status as of the date. */
    Map<String, Map<String, PairStatus>> pairs(List<String> ids, LocalDate asOf) {
        Map<String, Map<String, PairStatus>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select ra.recommendation_id, ra.addressee_code, "
                        + AsOfSql.STATUS + ", e.effective_date from recommendation_addressee ra"
                        + " join recommendation r on r.id = ra.recommendation_id and r.deleted_at is null"
                        + AsOfSql.latestEvent("ra", ":asOf")
                        + " where ra.recommendation_id in (:ids)")
                .setParameter("asOf", asOf).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            byId.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((String) row[1],
                    new PairStatus(Status.fromWire((String) row[2]), toLocalDate(row[3])));
        }
        return byId;
    }

    /** Whether the recommendation exists and is not soft-deleted. */
    boolean live(String id) {
        return !em.createNativeQuery("select 1 from recommendation where id = :id and deleted_at is null")
                .setParameter("id", id).getResultList().isEmpty();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }
}
