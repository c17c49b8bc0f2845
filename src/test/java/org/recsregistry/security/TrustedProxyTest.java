package org.recsregistry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rate limits behind a reverse proxy: per client it forwards, and never per header a client made up. */
@QuarkusTest
@TestProfile(LowRateLimits.class)
class TrustedProxyTest {

    private static final String PATH = "/api/v1/statuses";
    private static final String CLIENT_A = "127.0.0.3";
    private static final String CLIENT_B = "127.0.0.4";
    private static final String DIRECT_CLIENT = "127.0.0.5";

    Vertx vertx;
    ReverseProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        vertx = Vertx.vertx();
        proxy = new ReverseProxy(vertx, RestAssured.port);
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveEachClientBehindTheProxyItsOwnBucketWhateverHeadersItSends() throws Exception {
        for (int i = 0; i < LowRateLimits.READ_BURST; i++) {
            assertEquals(200, viaProxy(CLIENT_A, Map.of()), "read " + i + " of client A");
        }
        assertEquals(429, viaProxy(CLIENT_A, Map.of()), "client A spent its burst");

        // Client B is not held back by A, and cannot dodge its own limit by naming other addresses:
        // the proxy replaces X-Forwarded-For, and Forwarded (passed through) is not read.
        for (int i = 0; i < LowRateLimits.READ_BURST; i++) {
            assertEquals(200, viaProxy(CLIENT_B, spoofed(i)), "read " + i + " of client B");
        }
        assertEquals(429, viaProxy(CLIENT_B, spoofed(99)), "client B spent its burst");
    }

    @Test
    void shouldIgnoreForwardedHeadersFromAClientThatIsNotATrustedProxy() throws Exception {
        for (int i = 0; i < LowRateLimits.READ_BURST; i++) {
            assertEquals(200, direct(spoofed(i)), "read " + i);
        }
        assertEquals(429, direct(spoofed(99)), "one bucket for the client, whatever addresses it names");
    }

    private int viaProxy(String client, Map<String, String> headers) {
        return LocalClient.get(client, proxy.port(), PATH, headers);
    }

    private int direct(Map<String, String> headers) {
        return LocalClient.get(DIRECT_CLIENT, RestAssured.port, PATH, headers);
    }

    private static Map<String, String> spoofed(int n) {
        return Map.of("X-Forwarded-For", "198.51.100." + n, "Forwarded", "for=203.0.113." + n);
    }
}
