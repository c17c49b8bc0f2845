package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.status.Status;

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
            @Schema(nullable = true) LocalDate date,
            @Schema(nullable = true) String url,
            @Schema(description = "A short quotation from the evidence.") String excerpt) {
    }
}
