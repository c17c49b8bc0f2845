package org.recsregistry.webhook.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One attempt to send one delivery, as written to the delivery log. */
@Schema(name = "DeliveryAttempt")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttemptView(
        @Schema(description = "The delivery (its X-Registry-Delivery header); the same for every attempt of it.")
        UUID deliveryId,
        @Schema(description = "Cursor of the change-feed entry delivered; absent for a ping.", example = "1234")
        String changeCursor,
        @Schema(description = "1 for the first attempt of this delivery, 2 for the first retry ...", example = "1")
        int attempt,
        Instant attemptedAt,
        @Schema(description = "HTTP status the receiver answered; absent when it did not answer.", example = "200")
        Integer statusCode,
        @Schema(description = "Why the attempt failed; absent on success.", example = "HTTP 500")
        String error,
        @Schema(description = "Milliseconds from sending to the answer or the failure.", example = "84")
        long durationMs,
        @Schema(description = "When the delivery is tried again; absent after success or when the subscription "
                + "was disabled by this failure.")
        Instant nextRetryAt) {
}
