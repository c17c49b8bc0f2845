package org.recsregistry.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recsregistry.security.LocalClient;
import org.recsregistry.security.LowRateLimits;
import org.recsregistry.support.Tokens;
import org.recsregistry.webhook.Receiver;

import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics, read after a write, a cache hit, a webhook delivery and a refused request. */
@QuarkusTest
@TestProfile(LowRateLimits.class)
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final long WAIT_MILLIS = 10_000;
    // Reads are limited to a small burst per address in this profile: each client here has its own.
    private static final String READER = "127.0.0.6";
    private static final String GREEDY_READER = "127.0.0.7";

    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    @Test
    void shouldCountWritesByRouteTemplateAndStatusAndFollowTheFeed() {
        double feedHead = metric("registry_feed_head", Map.of());
        double notified = metric("registry_feed_notify_delay_seconds_count", Map.of());
        createRecord("metrics-write-1");

        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/api/v1/recommendations", "status", "201")) >= 1);
        assertTrue(metric("http_server_requests_seconds_bucket",
                Map.of("method", "POST", "uri", "/api/v1/recommendations", "status", "201", "le", "+Inf")) >= 1,
                "latency histogram buckets");
        eventually("registry_feed_head", Map.of(), head -> head > feedHead);
        eventually("registry_feed_notify_delay_seconds_count", Map.of(), count -> count > notified);
        assertEquals(1, metric("registry_feed_listening", Map.of()));
        for (String pool : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count")) {
            assertTrue(metric(pool, Map.of()) >= 0, pool);
        }
    }

    @Test
    void shouldCountCacheHitsUnderTheRouteTemplate() throws Exception {
        createRecord("metrics-cache-1");
        String path = "/api/v1/recommendations/metrics-cache-1";
        double hits = metric("registry_cache_hits_total", Map.of());
        double misses = metric("registry_cache_misses_total", Map.of());
        readUntilCacheHit(path);
        assertTrue(metric("registry_cache_misses_total", Map.of()) > misses, "the first read missed");
        assertTrue(metric("registry_cache_bytes", Map.of()) > 0);
        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/api/v1/recommendations/{id}", "status", "200")) >= 2);
        assertFalse(scrape().contains("uri=\"" + path + "\""), "no series per record id");
    }

    @Test
    void shouldCountCachedPagesUnderTheRouteTemplate() throws Exception {
        createRecord("metrics-page-1");
        String path = "/recommendations/metrics-page-1";
        readUntilCacheHit(path);
        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/recommendations/{id}", "status", "200")) >= 2);
        assertFalse(scrape().contains("uri=\"" + path + "\""), "no series per record page");
    }

    @Test
    void shouldCountRefusedRequests() throws Exception {
        double refused = metric("registry_rate_limit_refusals_total", Map.of("kind", "read"));
        int status = 200;
        for (int i = 0; i <= LowRateLimits.READ_BURST && status != 429; i++) {
            status = LocalClient.get(GREEDY_READER, RestAssured.port, "/api/v1/statuses", Map.of());
        }
        assertEquals(429, status);
        assertEquals(refused + 1, metric("registry_rate_limit_refusals_total", Map.of("kind", "read")));
        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/api/v1/statuses", "status", "429")) >= 1);
        // A refusal of a path with an id in it is counted under its route's template.
        String path = "/api/v1/recommendations/metrics-refused-1";
        assertEquals(429, LocalClient.get(GREEDY_READER, RestAssured.port, path, Map.of()));
        assertTrue(metric("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/api/v1/recommendations/{id}", "status", "429")) >= 1);
        assertFalse(scrape().contains("uri=\"" + path + "\""), "no series per refused record id");
    }

    @Test
    void shouldCountWebhookDeliveriesAndShowTheOutbox() throws Exception {
        double delivered = metric("registry_webhook_attempts_total", Map.of("outcome", "delivered"));
        int id = Tokens.asAdmin().contentType(ContentType.JSON).body(Map.of("url", receiver.url("/metrics")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            Tokens.asAdmin().post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            eventually("registry_webhook_attempts_total", Map.of("outcome", "delivered"), n -> n > delivered);
            assertEquals(1, receiver.requests.size());
            assertTrue(metric("registry_webhook_pending", Map.of()) >= 0);
            assertTrue(metric("registry_webhook_oldest_pending_seconds", Map.of()) >= 0);
            assertTrue(metric("registry_webhook_disabled", Map.of()) >= 0);
            assertTrue(metric("registry_webhook_attempts_total", Map.of("outcome", "failed")) >= 0);
        } finally {
            Tokens.asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** Reads until the cache answers: the first read may come before this instance has heard of the write. */
    private void readUntilCacheHit(String path) throws Exception {
        double hits = metric("registry_cache_hits_total", Map.of());
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (metric("registry_cache_hits_total", Map.of()) == hits && System.currentTimeMillis() < deadline) {
            assertEquals(200, LocalClient.get(READER, RestAssured.port, path, Map.of()));
            Thread.sleep(50);
        }
        assertTrue(metric("registry_cache_hits_total", Map.of()) > hits, "a cache hit on " + path);
    }

    /** A recommendation with its own source and addressee: this profile imports no dataset. */
    private static void createRecord(String id) {
        String addressee = id.toUpperCase().replace('-', '_');
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("code", addressee, "name", "Metrics test addressee",
                "kind", "other")).post("/api/v1/addressees").then().statusCode(201);
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("code", id, "name", "Metrics test theme"))
                .post("/api/v1/themes").then().statusCode(201);
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("id", id, "title", "Metrics test source",
                "publisher", "Test publisher", "kind", "other")).post("/api/v1/sources").then().statusCode(201);
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("id", id, "source", id, "locator", "test locator",
                "summary", "A test record.", "addressees", List.of(addressee),
                "themes", List.of(id))).post("/api/v1/recommendations")
                .then().statusCode(201);
    }

    private static void eventually(String name, Map<String, String> labels, DoublePredicate condition) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.test(metric(name, labels))) {
            assertTrue(System.currentTimeMillis() < deadline, name + " did not move: " + metric(name, labels));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of every sample of this name that has these labels (other labels may differ); fails if there is none. */
    private static double metric(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape().split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String given = m.group(3) == null ? "" : m.group(3);
            if (labels.entrySet().stream().allMatch(l -> given.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(m.group(4));
                found = true;
            }
        }
        assertTrue(found, "no sample " + name + labels);
        return sum;
    }
}
