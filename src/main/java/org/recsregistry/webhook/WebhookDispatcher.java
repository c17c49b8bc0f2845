package org.recsregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Matches new change-feed entries against each enabled subscription's filters and queues a
 * delivery per match, moving each subscription's cursor to the feed head in the same transaction.
 */
@ApplicationScoped
public class WebhookDispatcher {

    // One statement, one snapshot: the head read here bounds both the entries queued and the cursors
    // moved. feed_head only counts committed entries, and entries commit in sequence order (V2), so no
    // entry at or below it can still appear. ON CONFLICT makes a repeated dispatch harmless.
    // PostgreSQL runs the data-modifying CTE 'moved' although the final select does not read it.
    private static final String DISPATCH = "with head as (select feed_head as h from registry_state),"
            + " subs as (select s.id, s.dispatch_cursor, s.addressees, s.statuses, s.kinds"
            + " from webhook_subscription s, head where s.enabled and s.dispatch_cursor < head.h for update of s),"
            + " queued as (insert into webhook_delivery (subscription_id, change_seq)"
            + " select s.id, c.seq from subs s cross join head"
            + " join change_entry c on c.seq > s.dispatch_cursor and c.seq <= head.h"
            // The feed's own filter (V30), on the subscription's filters.
            + " where change_entry_matches(c.kind, c.recommendation_id, c.addressee_code, c.to_status, c.evidence,"
            + " s.kinds, s.addressees, s.statuses, '{}')"
            + " order by s.id, c.seq on conflict (subscription_id, change_seq) do nothing returning 1),"
            + " moved as (update webhook_subscription w set dispatch_cursor = head.h from subs, head"
            + " where w.id = subs.id returning 1)"
            + " select count(*) from queued";

    @Inject
    EntityManager em;

    /** Queues the deliveries of every entry committed since the last dispatch; answers how many. */
    @Transactional
    public long dispatch() {
        // Instances dispatch one at a time: the others wait here, then find the cursors already moved.
        em.createNativeQuery("select id from webhook_dispatcher where id = 1 for update").getSingleResult();
        long queued = ((Number) em.createNativeQuery(DISPATCH).getSingleResult()).longValue();
        if (queued > 0) {
            // Only a dispatch that queued something is worth a write; idle sweeps leave the database alone.
            em.createNativeQuery("update webhook_dispatcher set dispatched_at = clock_timestamp() where id = 1")
                    .executeUpdate();
        }
        return queued;
    }
}
