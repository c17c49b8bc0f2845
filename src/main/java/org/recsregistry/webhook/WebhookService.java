package org.recsregistry.webhook;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditService;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.webhook.dto.PingView;
import org.recsregistry.webhook.dto.WebhookFilters;
import org.recsregistry.webhook.dto.WebhookPatch;
import org.recsregistry.webhook.dto.WebhookRequest;
import org.recsregistry.webhook.dto.WebhookView;

import java.time.Instant;
import java.util.List;

/** Creates, lists, changes and deletes webhook subscriptions, and queues pings; each write is audited, never with a secret. */
@ApplicationScoped
public class WebhookService {

    static final String DISABLED_BY_ADMIN = "admin";
    private static final String AUDIT_TYPE = "webhook";

    @Inject
    AuditService audit;

    @Inject
    EntityManager em;

    @Inject
    DeliveryStore deliveries;

    @Transactional
    public WebhookView create(WebhookRequest request, String createdBy) {
        String secret = request.secret() == null ? WebhookSigner.newSecret() : request.secret();
        WebhookSubscription s = new WebhookSubscription();
        s.url = request.url();
        s.description = request.description();
        s.secret = secret;
        WebhookViews.apply(request.filters() == null ? WebhookFilters.none() : request.filters(), s);
        s.enabled = true;
        // Deliveries start with the changes committed after this one: the feed head is the starting cursor.
        s.dispatchCursor = ((Number) em.createNativeQuery("select feed_head from registry_state")
                .getSingleResult()).longValue();
        s.createdBy = createdBy;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        s.persist();
        audit.record("webhook.create", AUDIT_TYPE, s.id.toString(), null, WebhookViews.view(s, null));
        return WebhookViews.view(s, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> list() {
        return WebhookSubscription.<WebhookSubscription>listAll(Sort.by("id")).stream()
                .map(s -> WebhookViews.view(s, null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(long id) {
        return WebhookViews.view(find(id), null);
    }

    @Transactional
    public WebhookView patch(long id, WebhookPatch patch) {
        WebhookSubscription s = find(id);
        WebhookView before = WebhookViews.view(s, null);
        if (patch.url() != null) {
            s.url = patch.url();
        }
        if (patch.description() != null) {
            s.description = patch.description();
        }
        if (patch.filters() != null) {
            WebhookViews.apply(patch.filters(), s);
        }
        if (Boolean.TRUE.equals(patch.enabled()) && !s.enabled) {
            s.enabled = true;
            s.disabledReason = null;
            s.consecutiveFailures = 0;
            deliveries.dueNow(s.id);
        } else if (Boolean.FALSE.equals(patch.enabled()) && s.enabled) {
            s.enabled = false;
            s.disabledReason = DISABLED_BY_ADMIN;
        }
        if (patch.secret() != null) {
            s.secret = patch.secret();
        }
        s.updatedAt = Instant.now();
        WebhookView after = WebhookViews.view(s, null);
        boolean rotated = patch.secret() != null;
        boolean changed = patch.url() != null || patch.description() != null || patch.filters() != null
                || patch.enabled() != null;
        if (changed || !rotated) {
            audit.record("webhook.update", AUDIT_TYPE, Long.toString(id), before, after);
        }
        if (rotated) {
            // The new secret is in the answer to the caller only; the log says that it changed, and by whom.
            audit.record("webhook.rotate-secret", AUDIT_TYPE, Long.toString(id), before, after);
        }
        return WebhookViews.view(s, patch.secret());
    }

    /** Deletes the subscription with its pending deliveries and its delivery log. */
    @Transactional
    public void delete(long id) {
        WebhookSubscription s = find(id);
        audit.record("webhook.delete", AUDIT_TYPE, Long.toString(id), WebhookViews.view(s, null), null);
        s.delete();
    }

    @Transactional
    public PingView ping(long id) {
        PingView ping = new PingView(deliveries.queuePing(find(id).id));
        audit.record("webhook.ping", AUDIT_TYPE, Long.toString(id), null, ping);
        return ping;
    }

    private static WebhookSubscription find(long id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null) {
            throw new NotFoundProblem("webhook", Long.toString(id));
        }
        return s;
    }
}
