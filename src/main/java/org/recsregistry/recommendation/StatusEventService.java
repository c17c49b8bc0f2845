package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditService;
import org.recsregistry.common.InvalidParametersException;
import org.recsregistry.common.RecordTag;
import org.recsregistry.recommendation.dto.StatusEventCreate;
import org.recsregistry.recommendation.dto.StatusEventView;
import org.recsregistry.source.DatePrecision;

import java.time.LocalDate;

/** Appends status events: the history only grows; a correction is a new event naming the old one. */
@ApplicationScoped
@Transactional
public class StatusEventService {

    @Inject
    Event<RecommendationChanged> changes;
    @Inject
    AuditService audit;

    public StatusEventView append(String recommendationId, String ifMatch, StatusEventCreate request) {
        // If-Match is optional here: concurrent appends to one record take turns on its row instead of
        // failing on its version, which only a sent If-Match may do.
        Recommendation r = RecommendationWriteService.live(recommendationId, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null) {
            RecordTag.requireMatch(ifMatch, r.version);
        }
        RecommendationAddressee pair = r.addressees.stream()
                .filter(a -> a.id.addresseeCode().equals(request.addressee())).findFirst()
                .orElseThrow(() -> InvalidParametersException.of("addressee",
                        "'" + request.addressee() + "' is not an addressee of " + recommendationId));
        if (request.corrects() != null && StatusEvent.count("id = ?1 and recommendationId = ?2 and addresseeCode = ?3",
                request.corrects(), recommendationId, request.addressee()) == 0) {
            throw InvalidParametersException.of("corrects", "is not an event of this recommendation and addressee");
        }
        DatePrecision precision = datePrecision(request);
        StatusEvent event = new StatusEvent();
        event.recommendationId = recommendationId;
        event.addresseeCode = request.addressee();
        event.fromStatus = StatusHistory.statusBefore(recommendationId, request.addressee(), request.effectiveDate());
        event.toStatus = request.status();
        event.effectiveDate = request.effectiveDate();
        event.confidence = request.confidence();
        event.evidenceTitle = request.evidence().title().strip();
        event.evidencePublisher = request.evidence().publisher();
        event.evidenceKind = request.evidence().kind();
        event.evidenceDate = request.evidence().date();
        event.evidenceDatePrecision = precision;
        event.evidenceUrl = request.evidence().url();
        event.evidenceExcerpt = request.evidence().excerpt().strip();
        event.note = request.note();
        event.correctsEventId = request.corrects();
        event.persistAndFlush();
        StatusHistory.refreshCurrent(pair);
        r.refreshOverallStatus();
        r.updatedAt = java.time.Instant.now();
        changes.fire(RecommendationChanged.statusChanged(event));
        StatusEventView view = RecommendationService.event(event);
        audit.record("status-event.create", "recommendation", recommendationId, null, view);
        return view;
    }

    /** The evidence date's precision (day by default), checked against the date and the event's date. */
    private static DatePrecision datePrecision(StatusEventCreate request) {
        LocalDate date = request.evidence().date();
        DatePrecision precision = request.evidence().datePrecision();
        if (date != null && precision == null) {
            precision = DatePrecision.DAY;
        }
        EvidenceDates.shapeProblem(date, precision).ifPresent(problem -> {
            throw InvalidParametersException.of("evidence.datePrecision", problem);
        });
        if (EvidenceDates.datedBefore(date, precision, request.effectiveDate())) {
            throw InvalidParametersException.of("evidence.date", "is before effectiveDate " + request.effectiveDate()
                    + " even at its precision, so it cannot report the change");
        }
        return precision;
    }
}
