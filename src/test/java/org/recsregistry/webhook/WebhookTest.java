package org.recsregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recsregistry.status.Status;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
// The application needs a JWT public key to start; this branch has no other test that registers one.
class WebhookTest {

    static final String ADMIN = "test-admin-token-0123456789abcdef0123456789";
    static final String EU_RECORD = "38north-2014-eu-dialogue-linked-to-benchmarks";
    static final String DPRK_RECORD = "coi-2014-89-a";

    @Inject
    TestChanges changes;

    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        // Other tests must not find subscriptions (and deliveries to a closed port) of this one.
        for (Integer id : admin().get("/api/v1/webhooks").jsonPath().<Integer>getList("items.id")) {
            admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
        receiver.close();
    }

    @Test
    void shouldAskForAnAdminToken() {
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");
        String reader = admin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "reader"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("secret");
        given().auth().oauth2(reader).get("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(reader).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1/x"))
                .post("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void shouldNameEachInvalidField() {
        admin().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/x")).post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("invalidParams.name", contains("url"));
        admin().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/x",
                        "filters", Map.of("kind", List.of("bogus")))).post("/api/v1/webhooks")
                .then().statusCode(400).body("invalidParams.name", contains("filters.kind"));
        admin().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/x",
                        "filters", Map.of("addressee", List.of("NOWHERE")))).post("/api/v1/webhooks")
                .then().statusCode(400).body("invalidParams.name", contains("filters.addressee"));
        admin().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/x", "secret", "short"))
                .post("/api/v1/webhooks").then().statusCode(400).body("invalidParams.name", contains("secret"));
        admin().get("/api/v1/webhooks/999999").then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/v1/webhooks/999999/deliveries").then().statusCode(404);
        for (String cursor : List.of("abc", "0", "-5", "99999999999999999999", "12.5")) {
            admin().queryParam("cursor", cursor).get("/api/v1/webhooks/999999/deliveries").then().statusCode(400)
                    .contentType("application/problem+json").body("invalidParams.name", contains("cursor"));
        }
        admin().contentType(ContentType.JSON).body(Map.of("secret", "short")).patch("/api/v1/webhooks/999999")
                .then().statusCode(400).body("invalidParams.name", contains("secret"));
    }

    @Test
    void shouldDeliverSignedMatchingChangesAndShowTheSecretOnce() {
        ExtractableResponse<Response> eu = create(Map.of("url", receiver.url("/eu"),
                "filters", Map.of("addressee", List.of("EU")), "description", "EU board"));
        assertTrue(eu.header("Location").endsWith("/api/v1/webhooks/" + eu.path("id")));
        String euSecret = eu.path("secret");
        assertTrue(euSecret.length() >= 32, "a generated secret");
        String implementedSecret = "a-secret-the-receiver-chose-0123";
        int euId = eu.path("id");
        int implementedId = create(Map.of("url", receiver.url("/implemented"), "secret", implementedSecret,
                "filters", Map.of("kind", List.of("status_changed"), "status", List.of("implemented"))))
                .path("id");
        admin().get("/api/v1/webhooks/" + euId).then().statusCode(200)
                .body("secret", nullValue()).body("filters.addressee", contains("EU")).body("enabled", is(true));
        admin().get("/api/v1/webhooks").then().statusCode(200).body("items.secret", everyItem(nullValue())).body("items.size()", greaterThanOrEqualTo(2));

        changes.updated(DPRK_RECORD);
        changes.updated(EU_RECORD);
        changes.statusChanged(DPRK_RECORD, "DPRK", Status.REJECTED);
        changes.statusChanged(DPRK_RECORD, "DPRK", Status.IMPLEMENTED);
        waitUntil(() -> receiver.to("/eu").size() == 1 && receiver.to("/implemented").size() == 1, "deliveries");

        Receiver.Request toEu = receiver.to("/eu").get(0);
        assertSigned(toEu, euSecret);
        JsonPath body = JsonPath.from(toEu.body());
        assertEquals("change", body.getString("type"));
        assertEquals(toEu.headers().getFirst("X-Registry-Delivery"), body.getString("deliveryId"));
        assertEquals(euId, body.getInt("subscriptionId"));
        assertEquals(List.of(EU_RECORD), body.getList("entries.recommendationId"));
        assertEquals(List.of("updated"), body.getList("entries.kind"));
        Receiver.Request implemented = receiver.to("/implemented").get(0);
        assertSigned(implemented, implementedSecret);
        assertEquals(List.of("implemented"), JsonPath.from(implemented.body()).getList("entries.toStatus"));

        admin().post("/api/v1/webhooks/" + euId + "/test").then().statusCode(202);
        waitUntil(() -> receiver.to("/eu").size() == 2, "the ping");
        waitUntilRecorded(euId, 2);
        assertEquals("ping", JsonPath.from(receiver.to("/eu").get(1).body()).getString("type"));
        admin().get("/api/v1/webhooks/" + euId + "/deliveries").then().statusCode(200)
                .body("total", is(2)).body("items.statusCode", contains(200, 200))
                .body("items.attempt", contains(1, 1)).body("items[1].changeCursor", is(body.getString("entries[0].cursor")));
        Thread.yield();
        assertEquals(1, receiver.to("/implemented").size(), "nothing else matched");

        String rotated = "a-rotated-secret-0123456789abcdef";
        admin().contentType(ContentType.JSON).body(Map.of("secret", rotated)).patch("/api/v1/webhooks/" + euId)
                .then().statusCode(200).body("secret", is(rotated));
        admin().get("/api/v1/webhooks/" + euId).then().body("secret", nullValue());
        admin().post("/api/v1/webhooks/" + euId + "/test").then().statusCode(202);
        waitUntil(() -> receiver.to("/eu").size() == 3, "the ping after the rotation");
        assertSigned(receiver.to("/eu").get(2), rotated);
    }

    @Test
    void shouldRetryAndDeliverEverythingInOrderOnce() {
        receiver.status = n -> n <= 2 ? 500 : 200;
        int id = create(Map.of("url", receiver.url("/flaky"), "filters", Map.of("addressee", List.of("EU"))))
                .path("id");
        for (int i = 0; i < 5; i++) {
            changes.updated(EU_RECORD);
        }
        waitUntil(() -> delivered("/flaky").size() == 5, "five deliveries");
        waitUntilRecorded(id, 7);
        List<Receiver.Request> ok = delivered("/flaky");
        List<Long> cursors = ok.stream().map(r -> JsonPath.from(r.body()).getLong("entries[0].cursor")).toList();
        assertEquals(cursors.stream().sorted().distinct().toList(), cursors, "in feed order, each once");
        assertEquals(5, ok.stream().map(r -> r.headers().getFirst("X-Registry-Delivery")).distinct().count());
        // The failed attempts were the first delivery's: sent again with the same id and body.
        assertEquals(receiver.requests.get(0).body(), ok.get(0).body());
        admin().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).body("total", is(7))
                .body("items[6].statusCode", is(500)).body("items[6].error", is("HTTP 500"))
                .body("items[6].nextRetryAt", startsWith("20")).body("items[4].attempt", is(3))
                .body("items[0].nextRetryAt", nullValue());
        admin().get("/api/v1/webhooks/" + id).then().body("enabled", is(true)).body("consecutiveFailures", is(0));

        // The same seven attempts in pages of three, newest first, each once.
        List<Object> whole = admin().get("/api/v1/webhooks/" + id + "/deliveries").jsonPath().getList("items");
        List<Object> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var page = admin().queryParam("limit", 3).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).body("total", is(7)).extract();
            cursor = page.path("nextCursor");
            assertEquals(cursor == null, page.header("Link") == null, "a Link rel=next exactly when there is a next page");
            List<Object> items = page.jsonPath().getList("items");
            sizes.add(items.size());
            paged.addAll(items);
        } while (cursor != null);
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(whole, paged);
    }

    @Test
    void shouldDisableAfterRepeatedFailuresAndCatchUpWhenReEnabled() {
        receiver.status = n -> 500;
        int id = create(Map.of("url", receiver.url("/down"), "filters", Map.of("addressee", List.of("EU"))))
                .path("id");
        changes.updated(EU_RECORD);
        waitUntil(() -> !admin().get("/api/v1/webhooks/" + id).jsonPath().getBoolean("enabled"), "disabled");
        admin().get("/api/v1/webhooks/" + id).then().body("disabledReason", is("failures"))
                .body("consecutiveFailures", is(3));
        admin().get("/api/v1/webhooks/" + id + "/deliveries").then().body("total", is(3))
                .body("items.attempt", contains(3, 2, 1)).body("items[0].nextRetryAt", nullValue());

        changes.updated(EU_RECORD); // while disabled: queued once it is enabled again
        receiver.status = n -> 200;
        admin().contentType(ContentType.JSON).body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("enabled", is(true)).body("consecutiveFailures", is(0))
                .body("url", endsWith("/down"));
        waitUntil(() -> delivered("/down").size() == 2, "both deliveries after re-enabling");
        List<Long> cursors = delivered("/down").stream()
                .map(r -> JsonPath.from(r.body()).getLong("entries[0].cursor")).toList();
        assertTrue(cursors.get(0) < cursors.get(1), "in order: " + cursors);
    }

    private List<Receiver.Request> delivered(String path) {
        return receiver.to(path).stream().filter(r -> r.answered() == 200).toList();
    }

    private static ExtractableResponse<Response> create(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract();
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(ADMIN);
    }

    /** Checks X-Registry-Signature as the README tells receivers to. */
    private static void assertSigned(Receiver.Request request, String secret) {
        try {
            String timestamp = request.headers().getFirst("X-Registry-Timestamp");
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, request.headers().getFirst("X-Registry-Signature"));
            assertEquals("application/json", request.headers().getFirst("Content-Type"));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The receiver has a delivery before the service records its answer: wait until the subscription's
     * delivery log holds {@code attempts}.
     */
    private static void waitUntilRecorded(int subscription, int attempts) {
        waitUntil(() -> admin().get("/api/v1/webhooks/" + subscription + "/deliveries").jsonPath().getInt("total")
                == attempts, attempts + " recorded attempts");
    }

    static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
