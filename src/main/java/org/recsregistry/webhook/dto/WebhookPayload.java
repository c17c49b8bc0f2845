package org.recsregistry.webhook.dto;

import org.recsregistry.change.dto.ChangeView;

import java.util.List;
import java.util.UUID;

/** The JSON body POSTed to a receiver: one change-feed entry per delivery, or none for a ping. */
public record WebhookPayload(String type, UUID deliveryId, long subscriptionId, List<ChangeView> entries) {

    public static final String CHANGE = "change";
    public static final String PING = "ping";
}
