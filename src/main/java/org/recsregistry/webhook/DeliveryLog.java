package org.recsregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Page;
import org.recsregistry.webhook.dto.DeliveryAttemptView;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads the delivery log of a subscription, newest attempt first. */
@ApplicationScoped
public class DeliveryLog {

    private static final String ATTEMPTS = "select cast(d.delivery_id as text), d.change_seq, a.attempt,"
            + " a.attempted_at, a.status_code, a.error, a.duration_ms, a.next_retry_at, a.id"
            + " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
            + " where a.subscription_id = ?1 and a.id < ?3 order by a.id desc limit ?2";

    @Inject
    EntityManager em;

    /**
     * A page of attempts older than {@code before} (an attempt id; the newest first when absent). The
     * next page's cursor is the last attempt's id, so attempts logged meanwhile never shift a page.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryAttemptView> attempts(long subscriptionId, int limit, OptionalLong before) {
        if (WebhookSubscription.findById(subscriptionId) == null) {
            throw new NotFoundProblem("webhook", Long.toString(subscriptionId));
        }
        long total = ((Number) em.createNativeQuery("select count(*) from webhook_attempt where subscription_id = ?1")
                .setParameter(1, subscriptionId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ATTEMPTS).setParameter(1, subscriptionId)
                .setParameter(2, limit + 1).setParameter(3, before.orElse(Long.MAX_VALUE)).getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        String next = more ? page.get(page.size() - 1)[8].toString() : null;
        return new Page<>(page.stream().map(DeliveryLog::view).toList(), total, next);
    }

    private static DeliveryAttemptView view(Object[] r) {
        return new DeliveryAttemptView(UUID.fromString((String) r[0]), r[1] == null ? null : r[1].toString(),
                ((Number) r[2]).intValue(), instant(r[3]), r[4] == null ? null : ((Number) r[4]).intValue(),
                (String) r[5], ((Number) r[6]).longValue(), instant(r[7]));
    }

    /** Native queries answer timestamptz as whichever type the driver and dialect chose. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
