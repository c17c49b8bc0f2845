package org.recsregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of deliveries and the log of attempts. Every method is one short transaction, so no
 * transaction is held open while a receiver is called; a claimed row is leased instead.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A delivery claimed by this instance for one attempt. */
    record Claimed(long id, UUID deliveryId, long subscriptionId, Long changeSeq, String payload, int attempt,
                   String url, String secret) {
        @Override
        public String toString() {
            return "Delivery[" + deliveryId + " of webhook " + subscriptionId + ", attempt " + attempt + "]";
        }
    }

    // Only the oldest pending delivery of a subscription is due, so each receiver gets its deliveries in
    // order; SKIP LOCKED lets instances claim different rows; the lease keeps a claimed row from others.
    private static final String CLAIM = "with due as (select d.id from webhook_delivery d"
            + " join webhook_subscription s on s.id = d.subscription_id"
            + " where d.state = 'pending' and s.enabled and d.next_attempt_at <= clock_timestamp()"
            + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
            + " and e.state = 'pending' and e.id < d.id)"
            + " order by d.next_attempt_at, d.id limit ?1 for update of d skip locked),"
            + " claimed as (update webhook_delivery d set attempts = d.attempts + 1,"
            + " next_attempt_at = clock_timestamp() + make_interval(secs => ?2) from due where d.id = due.id"
            + " returning d.id, d.delivery_id, d.subscription_id, d.change_seq, d.payload, d.attempts)"
            + " select c.id, cast(c.delivery_id as text), c.subscription_id, c.change_seq, c.payload, c.attempts,"
            + " s.url, s.secret from claimed c join webhook_subscription s on s.id = c.subscription_id order by c.id";

    private static final String LOG_ATTEMPT = "insert into webhook_attempt (delivery_id, subscription_id, attempt,"
            + " attempted_at, status_code, error, duration_ms, next_retry_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    @Inject
    EntityManager em;

    @Inject
    PayloadBuilder payloads;

    @Transactional
    public List<Claimed> claim(int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM)
                .setParameter(1, limit).setParameter(2, lease.toMillis() / 1000.0).getResultList();
        return rows.stream().map(this::claimed).toList();
    }

    /** The first attempt fixes the payload, so that every retry sends (and signs) the same bytes. */
    private Claimed claimed(Object[] r) {
        long id = ((Number) r[0]).longValue();
        UUID deliveryId = UUID.fromString((String) r[1]);
        long subscriptionId = ((Number) r[2]).longValue();
        Long seq = r[3] == null ? null : ((Number) r[3]).longValue();
        String payload = (String) r[4];
        if (payload == null) {
            payload = payloads.change(deliveryId, subscriptionId, seq);
            em.createNativeQuery("update webhook_delivery set payload = ?1 where id = ?2")
                    .setParameter(1, payload).setParameter(2, id).executeUpdate();
        }
        return new Claimed(id, deliveryId, subscriptionId, seq, payload, ((Number) r[5]).intValue(),
                (String) r[6], (String) r[7]);
    }

    // Both outcomes write the subscription before its delivery: every writer locks a subscription before its
    // deliveries (a delete cascades to them, a re-enable makes them due), and the opposite order deadlocked
    // with a delete. A subscription deleted while its delivery was in flight took the delivery and its log
    // with it, so there is nothing left to record.

    @Transactional
    public void succeeded(Claimed d, Instant at, int status, long millis) {
        if (em.createNativeQuery("update webhook_subscription set consecutive_failures = 0 where id = ?1")
                .setParameter(1, d.subscriptionId()).executeUpdate() == 0) {
            return;
        }
        em.createNativeQuery("update webhook_delivery set state = 'delivered', delivered_at = clock_timestamp()"
                + " where id = ?1 and state = 'pending'").setParameter(1, d.id()).executeUpdate();
        log(d, at, status, null, millis, null);
    }

    /** Schedules the retry and counts the failure; the subscription is disabled at the limit. */
    @Transactional
    public void failed(Claimed d, Instant at, Integer status, String error, long millis, Instant retryAt,
                       int maxFailures) {
        @SuppressWarnings("unchecked")
        List<Boolean> enabled = em.createNativeQuery("update webhook_subscription"
                        + " set consecutive_failures = consecutive_failures + 1,"
                        + " disabled_reason = case when enabled and consecutive_failures + 1 >= ?1 then 'failures'"
                        + " else disabled_reason end, enabled = enabled and consecutive_failures + 1 < ?1 where id = ?2"
                        + " returning enabled")
                .setParameter(1, maxFailures).setParameter(2, d.subscriptionId()).getResultList();
        if (enabled.isEmpty()) {
            return;
        }
        em.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id = ?2 and state = 'pending'")
                .setParameter(1, utc(retryAt)).setParameter(2, d.id()).executeUpdate();
        log(d, at, status, error, millis, Boolean.TRUE.equals(enabled.get(0)) ? retryAt : null);
    }

    /** Makes the pending deliveries of a re-enabled subscription due at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dueNow(long subscriptionId) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = clock_timestamp()"
                + " where subscription_id = ?1 and state = 'pending'").setParameter(1, subscriptionId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID queuePing(long subscriptionId) {
        UUID deliveryId = UUID.randomUUID();
        em.createNativeQuery("insert into webhook_delivery (delivery_id, subscription_id, payload)"
                        + " values (?1, ?2, ?3)").setParameter(1, deliveryId).setParameter(2, subscriptionId)
                .setParameter(3, payloads.ping(deliveryId, subscriptionId)).executeUpdate();
        return deliveryId;
    }

    private void log(Claimed d, Instant at, Integer status, String error, long millis, Instant retryAt) {
        em.createNativeQuery(LOG_ATTEMPT).unwrap(NativeQuery.class).setParameter(1, d.id()).setParameter(2, d.subscriptionId())
                .setParameter(3, d.attempt()).setParameter(4, utc(at)).setParameter(5, status, Integer.class)
                .setParameter(6, error, String.class).setParameter(7, millis)
                .setParameter(8, retryAt == null ? null : utc(retryAt), OffsetDateTime.class).executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
