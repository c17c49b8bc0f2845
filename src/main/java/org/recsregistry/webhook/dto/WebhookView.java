package org.recsregistry.webhook.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A webhook subscription as listed; the secret is present only in the answer that set it. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        @Schema(example = "7") long id,
        @Schema(example = "https://example.org/hooks/registry") String url,
        @Schema(example = "Sync of the CHN status board") String description,
        WebhookFilters filters,
        @Schema(description = "Whether deliveries are sent.", example = "true") boolean enabled,
        @Schema(description = "Why the subscription is disabled: 'failures' (disabled automatically) or 'admin'.",
                example = "failures") String disabledReason,
        @Schema(description = "Failed attempts since the last success.", example = "0") int consecutiveFailures,
        @Schema(example = "admin") String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The signing secret, only in the answer that set it (the creation, or a PATCH "
                + "with a new secret), never again.",
                example = "whsec_q3V1cXo4ZkJ2c0x0bW9Rb0ZCSlRhZ0pQTkh6WjZmQ2M") String secret) {
}
