package org.recsregistry.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
