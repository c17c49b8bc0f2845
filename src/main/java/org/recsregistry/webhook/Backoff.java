package org.recsregistry.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays: base, 2×base, 4×base ... capped, each scaled by a random 0.8–1.2 so retries spread out. */
final class Backoff {

    private Backoff() {
    }

    /** The delay after the given failed attempt (1 for the first attempt). */
    static Duration after(int attempt, Duration base, Duration max) {
        long baseMillis = Math.max(1, base.toMillis());
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long delay = Math.min(max.toMillis(), baseMillis << doublings);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, Math.round(delay * jitter)));
    }
}
