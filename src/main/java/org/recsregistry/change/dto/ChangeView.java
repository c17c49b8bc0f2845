package org.recsregistry.change.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.change.ChangeKind;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.dto.StatusEventView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One change-feed entry. Status fields are present on status_changed entries only. */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
        @Schema(description = "Unique id of the entry: a receiver that sees it twice can drop the copy.")
        UUID id,
        @Schema(description = "Position in the feed; pass it as since (or Last-Event-ID) to continue after this entry.",
                example = "1234")
        String cursor,
        ChangeKind kind,
        @Schema(example = "coi-2014-90-a") String recommendationId,
        @Schema(description = "When the change was recorded.") Instant occurredAt,
        @Schema(description = "status_changed: whose status changed.", example = "CHN") String addressee,
        @Schema(description = "status_changed: the status before; absent for a pair's first event.") Status fromStatus,
        @Schema(description = "status_changed: the new status.") Status toStatus,
        @Schema(description = "status_changed: when the change took effect.") LocalDate effectiveDate,
        @Schema(description = "status_changed: the evidence for it.") StatusEventView.Evidence evidence) {
}
