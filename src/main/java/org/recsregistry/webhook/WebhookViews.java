package org.recsregistry.webhook;

import org.recsregistry.change.ChangeKind;
import org.recsregistry.common.WireEnum;
import org.recsregistry.recommendation.Status;
import org.recsregistry.webhook.dto.WebhookFilters;
import org.recsregistry.webhook.dto.WebhookView;

import java.util.Arrays;
import java.util.List;

/** Converts subscriptions to their wire form and filters to their column form. */
final class WebhookViews {

    private WebhookViews() {
    }

    static WebhookView view(WebhookSubscription s, String secret) {
        WebhookFilters filters = new WebhookFilters(List.of(s.addressees),
                Arrays.stream(s.statuses).map(Status::fromWire).toList(),
                Arrays.stream(s.kinds).map(ChangeKind::fromWire).toList());
        return new WebhookView(s.id, s.url, s.description, filters, s.enabled, s.disabledReason,
                s.consecutiveFailures, s.createdBy, s.createdAt, s.updatedAt, secret);
    }

    static void apply(WebhookFilters filters, WebhookSubscription s) {
        s.addressees = filters.addressee().stream().distinct().toArray(String[]::new);
        s.statuses = filters.status().stream().distinct().map(WireEnum::wire).toArray(String[]::new);
        s.kinds = filters.kind().stream().distinct().map(WireEnum::wire).toArray(String[]::new);
    }
}
