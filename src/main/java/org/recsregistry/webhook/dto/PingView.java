package org.recsregistry.webhook.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The ping queued by a webhook test. */
@Schema(name = "WebhookPing")
public record PingView(
        @Schema(description = "Its X-Registry-Delivery header, to find it in the delivery log.") UUID deliveryId) {
}
