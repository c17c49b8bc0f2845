package org.recsregistry.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void shouldDoubleFromTheBaseWithinTwentyPercent() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long expected = 10_000L << (attempt - 1);
            for (int i = 0; i < 50; i++) {
                long delay = Backoff.after(attempt, BASE, MAX).toMillis();
                assertTrue(delay >= expected * 0.8 && delay <= expected * 1.2, attempt + ": " + delay);
            }
        }
    }

    @Test
    void shouldStopGrowingAtTheCap() {
        for (int attempt : new int[] {10, 40, 1000}) {
            long delay = Backoff.after(attempt, BASE, MAX).toMillis();
            assertTrue(delay >= MAX.toMillis() * 0.8 && delay <= MAX.toMillis() * 1.2, attempt + ": " + delay);
        }
    }
}
