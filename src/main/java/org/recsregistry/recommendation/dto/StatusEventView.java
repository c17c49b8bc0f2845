package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.source.DatePrecision;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a status history. */
@Schema(name = "StatusEvent")
public record StatusEventView(
        long id,
        @Schema(example = "CHN") String addressee,
        @Schema(description = "The status before this event; null for the first event of a pair.", nullable = true)
        Status fromStatus,
        Status toStatus,
        @Schema(description = "When the change took effect.") LocalDate effectiveDate,
        Confidence confidence,
        Evidence evidence,
        @Schema(description = "Curator's note.", nullable = true) String note,
        @Schema(description = "The id of the earlier event this one corrects, if it is a correction.", nullable = true)
        Long corrects,
        @Schema(description = "When the registry recorded the event.") Instant recordedAt) {

    /** The evidence for a status change. */
    @Schema(name = "Evidence")
    public record Evidence(
            @Schema(example = "China's response to its 2024 Universal Periodic Review") String title,
            @Schema(nullable = true) String publisher,
            @Schema(description = "Who says so: the kind of the cited document; null only on events recorded before "
                    + "kinds were kept.", nullable = true) EvidenceKind kind,
            @Schema(description = "The evidence document's date, as far as datePrecision says it is known.",
                    nullable = true) LocalDate date,
            @Schema(description = "How much of date is known: day, month (day is 01: 2024-06-01 with month means "
                    + "June 2024, not 1 June) or year (month and day are 01); null without a date.", nullable = true)
            DatePrecision datePrecision,
            @Schema(description = "Where the evidence can be read; when null, the event's note says why none is "
                    + "given.", nullable = true) String url,
            @Schema(description = "A short quotation from the evidence.") String excerpt) {
    }
}
