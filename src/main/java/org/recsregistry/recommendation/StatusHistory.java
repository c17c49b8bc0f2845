package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import java.time.LocalDate;

/** Reads a pair's status history: the current status of a pair is its latest event's. */
public final class StatusHistory {

    private StatusHistory() {
    }

    /** The status a pair had on the given date (its latest event effective then), or null. */
    public static Status statusBefore(String recommendationId, String addresseeCode, LocalDate date) {
        return StatusEvent.<StatusEvent>find("recommendationId = ?1 and addresseeCode = ?2 and effectiveDate <= ?3"
                        + " order by effectiveDate desc, id desc", recommendationId, addresseeCode, date)
                .firstResultOptional().map(e -> e.toStatus).orElse(null);
    }

    /** Sets the pair's current status from its latest event by effective date (then by recording order). */
    public static void refreshCurrent(RecommendationAddressee pair) {
        StatusEvent.<StatusEvent>find("recommendationId = ?1 and addresseeCode = ?2 order by effectiveDate desc, id desc",
                        pair.id.recommendationId(), pair.id.addresseeCode())
                .firstResultOptional()
                .ifPresentOrElse(latest -> {
                    pair.status = latest.toStatus;
                    pair.statusSince = latest.effectiveDate;
                }, () -> {
                    pair.status = Status.UNKNOWN;
                    pair.statusSince = null;
                });
    }
}
