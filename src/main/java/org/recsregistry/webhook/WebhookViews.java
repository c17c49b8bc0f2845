package org.recsregistry.webhook;

import org.recsregistry.addressee.Addressee;
import org.recsregistry.change.ChangeKind;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.WireEnum;
import org.recsregistry.status.Status;
import org.recsregistry.webhook.dto.WebhookFilters;
import org.recsregistry.webhook.dto.WebhookView;

import java.util.List;

/** Converts subscriptions to their wire form and checked filters to their column form. */
final class WebhookViews {

    private WebhookViews() {
    }

    static WebhookView view(WebhookSubscription s, String secret) {
        WebhookFilters filters = new WebhookFilters(List.of(s.addressees), List.of(s.statuses), List.of(s.kinds));
        return new WebhookView(s.id, s.url, s.description, filters, s.enabled, s.disabledReason,
                s.consecutiveFailures, s.createdBy, s.createdAt, s.updatedAt, secret);
    }

    /** Checks the filters (one 400 names every bad one) and stores them as wire values. */
    static void apply(WebhookFilters filters, WebhookSubscription s) {
        QueryParams params = new QueryParams();
        List<String> addressees = params.repeated("filters.addressee", filters.addressee());
        List<Status> statuses = params.enums("filters.status", filters.status(), Status.class);
        List<ChangeKind> kinds = params.enums("filters.kind", filters.kind(), ChangeKind.class);
        addressees.stream().filter(code -> Addressee.findById(code) == null).findFirst()
                .ifPresent(code -> params.reject("filters.addressee", "unknown addressee '" + code + "'"));
        params.check();
        s.addressees = addressees.stream().distinct().toArray(String[]::new);
        s.statuses = statuses.stream().distinct().map(WireEnum::wire).toArray(String[]::new);
        s.kinds = kinds.stream().distinct().map(WireEnum::wire).toArray(String[]::new);
    }
}
