package org.recsregistry.webhook;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Settings of webhook delivery; defaults are in application.properties, section "## Webhooks". */
@ConfigMapping(prefix = "registry.webhooks")
public interface WebhookConfig {

    /** Whether this instance queues and sends deliveries (the API works either way). */
    boolean send();

    /** How long a receiver has to answer 2xx before the attempt counts as failed. */
    Duration timeout();

    /** Delay before the first retry; each further retry doubles it, with jitter. */
    Duration backoffBase();

    /** Longest delay between two attempts. */
    Duration backoffMax();

    /** Consecutive failed attempts after which a subscription is disabled until re-enabled by PATCH. */
    int maxFailures();

    /** How often the sender looks for due retries when no change wakes it. */
    Duration sweepInterval();

    /** Most deliveries one instance sends at the same time. */
    int concurrency();

    /**
     * Whether deliveries may go to loopback, link-local, private, unique-local and multicast addresses.
     * Off in production, so that a subscription cannot probe the network the registry runs in.
     */
    boolean allowPrivateTargets();
}
