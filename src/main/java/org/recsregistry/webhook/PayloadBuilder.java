package org.recsregistry.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.change.ChangeFeed;
import org.recsregistry.change.ChangeQuery;
import org.recsregistry.change.dto.ChangeView;
import org.recsregistry.webhook.dto.WebhookPayload;

import java.util.List;
import java.util.UUID;

/** Writes delivery bodies; a change's entry is read through the feed so it is exactly what GET /changes shows. */
@ApplicationScoped
public class PayloadBuilder {

    @Inject
    ChangeFeed feed;

    @Inject
    ObjectMapper json;

    String change(UUID deliveryId, long subscriptionId, long seq) {
        List<ChangeView> entries = feed.read(new ChangeQuery(seq - 1, 1, List.of(), List.of(), List.of(), List.of()))
                .page().items().stream().filter(e -> e.cursor().equals(Long.toString(seq))).toList();
        if (entries.isEmpty()) {
            throw new IllegalStateException("Change " + seq + " is not in the feed");
        }
        return write(new WebhookPayload(WebhookPayload.CHANGE, deliveryId, subscriptionId, entries));
    }

    String ping(UUID deliveryId, long subscriptionId) {
        return write(new WebhookPayload(WebhookPayload.PING, deliveryId, subscriptionId, List.of()));
    }

    private String write(WebhookPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
