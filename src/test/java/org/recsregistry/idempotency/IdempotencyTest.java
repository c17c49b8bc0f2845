package org.recsregistry.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class IdempotencyTest {

    private static final String RECORDS = "/api/v1/recommendations";
    private static final String HEADER = "Idempotency-Key";
    private static final int CONCURRENT_RETRIES = 4;

    private static Map<String, Object> record(String id) {
        return Map.of("id", id, "source", "coi-2014", "locator", "idempotency " + id, "summary", "A test record.",
                "addressees", List.of("DPRK", "CHN"), "themes", List.of("accountability"));
    }

    private static Map<String, Object> event(String note) {
        return Map.of("addressee", "CHN", "status", "rejected", "effectiveDate", "2024-07-04", "confidence", "high",
                "note", note, "evidence", Map.of("kind", "addressee_statement", "title", "UPR response", "excerpt", "Not refugees."));
    }

    private static Response postEvent(String record, String key, Map<String, Object> body) {
        return Tokens.curator().header(HEADER, key).contentType(ContentType.JSON).body(body)
                .post(RECORDS + "/" + record + "/status-events");
    }

    private static int historySize(String record) {
        return given().get(RECORDS + "/" + record).then().statusCode(200).extract().path("history.size()");
    }

    @Test
    void shouldAnswerARetryWithTheFirstAnswerAndWriteOnce() {
        String id = "idem-retry-1";
        String key = UUID.randomUUID().toString();
        Response first = Tokens.curator().header(HEADER, key).contentType(ContentType.JSON).body(record(id)).post(RECORDS);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = Tokens.curator().header(HEADER, key).contentType(ContentType.JSON).body(record(id)).post(RECORDS);
        again.then().statusCode(201).header("Idempotent-Replayed", is("true"))
                .header("Location", is(first.header("Location"))).header("ETag", is(first.header("ETag")));
        assertEquals(first.asString(), again.asString());
        assertTrue(given().get("/q/metrics").asString().lines()
                .anyMatch(line -> line.startsWith("registry_idempotent_replays_total") && !line.endsWith(" 0.0")),
                "the replay is counted");
        // Without the key the same body is a second attempt at the write: the id is taken.
        Tokens.curator().contentType(ContentType.JSON).body(record(id)).post(RECORDS).then().statusCode(409);
    }

    @Test
    void shouldNotRecordARetriedStatusEventTwice() {
        String id = "idem-events-1";
        Tokens.curator().contentType(ContentType.JSON).body(record(id)).post(RECORDS).then().statusCode(201);
        String key = "\"" + UUID.randomUUID() + "\"";
        int eventId = postEvent(id, key, event("once")).then().statusCode(201).extract().path("id");
        postEvent(id, key, event("once")).then().statusCode(201).body("id", is(eventId));
        assertEquals(1, historySize(id));
    }

    @Test
    void shouldRefuseTheSameKeyWithADifferentRequest() {
        String id = "idem-reuse-1";
        Tokens.curator().contentType(ContentType.JSON).body(record(id)).post(RECORDS).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        postEvent(id, key, event("first")).then().statusCode(201);
        postEvent(id, key, event("second")).then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://recsregistry.org/problems/idempotency-key-reused"));
        assertEquals(1, historySize(id));
    }

    @Test
    void shouldKeepKeysPerToken() {
        String id = "idem-token-1";
        Tokens.curator().contentType(ContentType.JSON).body(record(id)).post(RECORDS).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        int mine = postEvent(id, key, event("per token")).then().statusCode(201).extract().path("id");
        int theirs = given().auth().oauth2(Tokens.of("admin")).header(HEADER, key).contentType(ContentType.JSON)
                .body(event("per token")).post(RECORDS + "/" + id + "/status-events")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(mine, theirs);
    }

    @Test
    void shouldWriteOnceWhenRetriesRace() throws Exception {
        String id = "idem-race-1";
        Tokens.curator().contentType(ContentType.JSON).body(record(id)).post(RECORDS).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        Callable<Integer> post = () -> postEvent(id, key, event("raced")).then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_RETRIES);
        try {
            Set<Integer> ids = new HashSet<>();
            for (Future<Integer> answer : pool.invokeAll(java.util.Collections.nCopies(CONCURRENT_RETRIES, post))) {
                ids.add(answer.get());
            }
            assertEquals(1, ids.size(), "every retry answers with the one event written");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, historySize(id));
    }

    @Test
    void shouldNameAnUnusableKey() {
        Tokens.curator().header(HEADER, "x".repeat(256)).contentType(ContentType.JSON).body(record("idem-bad-1"))
                .post(RECORDS).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", is(HEADER));
        given().get(RECORDS + "/idem-bad-1").then().statusCode(404);
    }

    @Test
    void shouldNotKeepOrRepeatANewTokensSecret() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("name", "idempotent token", "role", "reader");
        Response first = given().auth().oauth2(Tokens.ADMIN).header(HEADER, key).contentType(ContentType.JSON)
                .body(request).post("/api/v1/tokens");
        first.then().statusCode(201).body("secret", notNullValue());
        Response again = given().auth().oauth2(Tokens.ADMIN).header(HEADER, key).contentType(ContentType.JSON)
                .body(request).post("/api/v1/tokens");
        again.then().statusCode(201).header("Location", is(first.header("Location")))
                .body("id", is(first.<Integer>path("id")));
        assertNull(again.path("secret"));
    }
}
