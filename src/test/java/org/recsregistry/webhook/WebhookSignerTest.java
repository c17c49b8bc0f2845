package org.recsregistry.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    @Test
    void shouldSignTimestampDotBodyAsTheReadmeShows() {
        // From the README's shell check: printf '%s.%s' 1700000000 '{"a":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686",
                WebhookSigner.signature("secret", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void shouldMakeLongDifferentSecrets() {
        String one = WebhookSigner.newSecret();
        assertTrue(one.startsWith("whsec_") && one.length() >= 40, one);
        assertNotEquals(one, WebhookSigner.newSecret());
    }
}
