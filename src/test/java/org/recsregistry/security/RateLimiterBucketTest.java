package org.recsregistry.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterBucketTest {

    @Test
    void shouldAllowABurstThenAskTheClientToWait() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(2, 0.5);
        assertEquals(0, bucket.take(1));
        assertEquals(0, bucket.take(1));
        long wait = bucket.take(1);
        assertTrue(wait >= 1 && wait <= 2, "wait " + wait);
    }

    @Test
    void shouldChargeConditionalReadsATenth() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(1, 0.001);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.take(0.1), "conditional read " + i);
        }
        assertTrue(bucket.take(0.1) > 0);
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedBucketWhenTheTableIsFull() {
        RateLimiter.BucketTable table = new RateLimiter.BucketTable(2);
        RateLimiter.Bucket busy = table.get("r:busy", () -> new RateLimiter.Bucket(1, 0.001));
        assertEquals(0, busy.take(1));
        RateLimiter.Bucket quiet = table.get("r:quiet", () -> new RateLimiter.Bucket(1, 0.001));
        assertSame(busy, table.get("r:busy", () -> new RateLimiter.Bucket(1, 0.001)));
        table.get("r:new", () -> new RateLimiter.Bucket(1, 0.001));

        assertEquals(2, table.size());
        RateLimiter.Bucket busyAgain = table.get("r:busy", () -> new RateLimiter.Bucket(1, 0.001));
        assertSame(busy, busyAgain, "the recently used client keeps its (empty) bucket");
        assertTrue(busyAgain.take(1) > 0);
        assertNotSame(quiet, table.get("r:quiet", () -> new RateLimiter.Bucket(1, 0.001)),
                "the least recently used client was evicted");
    }
}
