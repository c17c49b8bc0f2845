package org.recsregistry.recommendation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class RecommendationWriteTest {

    private static final String BASE = "/api/v1/recommendations";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    static Map<String, Object> newRecord(String id) {
        return Map.of("id", id, "source", "coi-2014", "locator", "test locator " + id,
                "summary", "A test record.", "addressees", List.of("DPRK", "CHN"), "themes", List.of("accountability"));
    }

    static Response create(String id) {
        return Tokens.curator().contentType(ContentType.JSON).body(newRecord(id)).post(BASE);
    }

    @Test
    void shouldCreateAndAnnounceANewRecord() {
        String head = given().get("/api/v1/changes?since=0&limit=1").header("ETag");
        Response created = create("test-create-1");
        created.then().statusCode(201).header("Location", containsString(BASE + "/test-create-1"))
                .header("ETag", notNullValue())
                .body("overallStatus", is("unknown")).body("textVerified", is(false)).body("text", is(""));
        given().get(BASE + "/test-create-1").then().statusCode(200).body("addressees.code", containsInAnyOrder("CHN", "DPRK"));
        String since = head.replaceAll("\\D", "");
        given().get("/api/v1/changes?kind=created&since=" + since).then().statusCode(200)
                .body("items.recommendationId", hasItem("test-create-1"));
        create("test-create-1").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheTotalExactOnEveryPageAcrossWrites() {
        String filter = BASE + "?theme=accountability&addressee=CHN&limit=1";
        int before = given().get(filter).then().statusCode(200).extract().path("total");
        String cursor = given().get(filter).path("nextCursor");
        given().get(filter + "&cursor=" + cursor).then().statusCode(200).body("total", is(before));

        String etag = create("test-count-1").then().statusCode(201).extract().header("ETag");
        given().get(filter + "&cursor=" + cursor).then().body("total", is(before + 1));
        given().get(filter).then().body("total", is(before + 1));

        Tokens.curator().header("If-Match", etag).delete(BASE + "/test-count-1").then().statusCode(204);
        given().get(filter + "&cursor=" + cursor).then().body("total", is(before));
    }

    @Test
    void shouldDeriveTheIdFromSourceAndLocator() {
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("source", "coi-2014", "locator", "Para 99 (Z) test", "summary", "Derived id.",
                        "addressees", List.of("DPRK"), "themes", List.of("accountability")))
                .post(BASE).then().statusCode(201).body("id", is("coi-2014-para-99-z-test"));
    }

    @Test
    void shouldNameEveryInvalidField() {
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("id", "Bad Id", "source", "coi-2014", "locator", "", "textVerified", true,
                        "summary", "x", "addressees", List.of(), "themes", List.of("accountability")))
                .post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("id"));
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("source", "coi-2014", "locator", "", "textVerified", true,
                        "summary", "x", "addressees", List.of(), "themes", List.of("accountability")))
                .post(BASE).then().statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("addressees", "locator"));
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("source", "coi-2014", "locator", "l", "textVerified", true, "summary", "x",
                        "addressees", List.of("DPRK"), "themes", List.of("accountability")))
                .post(BASE).then().statusCode(400).body("invalidParams[0].name", is("text"));
        Tokens.curator().contentType(ContentType.JSON).body("{\"source\":\"coi-2014\",\"colour\":\"red\"}")
                .post(BASE).then().statusCode(400).body("invalidParams[0].name", is("colour"))
                .body("invalidParams[0].reason", is("unknown field"));
        Tokens.curator().contentType(ContentType.JSON).body("{\"source\": ")
                .post(BASE).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRequireACurrentIfMatchToPatch() {
        String etag = create("test-patch-1").then().statusCode(201).extract().header("ETag");
        Tokens.curator().contentType(MERGE_PATCH).body("{\"summary\":\"Changed.\"}")
                .patch(BASE + "/test-patch-1").then().statusCode(428).contentType("application/problem+json");
        Response patched = Tokens.curator().contentType(MERGE_PATCH).header("If-Match", etag)
                .body("{\"summary\":\"Changed.\",\"themes\":[\"accountability\",\"dialogue\"]}")
                .patch(BASE + "/test-patch-1");
        patched.then().statusCode(200).body("summary", is("Changed.")).body("themes", hasItem("dialogue"))
                .body("locator", is("test locator test-patch-1"));
        assertNotEquals(etag, patched.header("ETag"));
        Tokens.curator().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"summary\":\"Again.\"}")
                .patch(BASE + "/test-patch-1").then().statusCode(412);
        Tokens.curator().contentType(MERGE_PATCH).header("If-Match", patched.header("ETag")).body("{\"source\":\"x\"}")
                .patch(BASE + "/test-patch-1").then().statusCode(400).body("invalidParams[0].reason", is("cannot be changed"));
        Tokens.curator().contentType(MERGE_PATCH).header("If-Match", patched.header("ETag")).body("{\"summary\":null}")
                .patch(BASE + "/test-patch-1").then().statusCode(400).body("invalidParams[0].name", is("summary"));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentUpdatesWin() throws Exception {
        String etag = create("test-race-1").then().statusCode(201).extract().header("ETag");
        List<Integer> statuses = atOnce(4, n -> Tokens.curator().contentType(MERGE_PATCH).header("If-Match", etag)
                .body("{\"summary\":\"Racer " + n + ".\"}").patch(BASE + "/test-race-1").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
    }

    @Test
    void shouldRecordEveryOneOfConcurrentStatusEventsWithoutIfMatch() throws Exception {
        create("test-race-2").then().statusCode(201);
        List<Integer> statuses = atOnce(6, n -> Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("addressee", n % 2 == 0 ? "CHN" : "DPRK", "status", "not_implemented",
                        "effectiveDate", "2024-07-0" + n, "confidence", "medium", "evidence",
                        Map.of("title", "Report " + n, "kind", "un_body", "excerpt", "No change.")))
                .post(BASE + "/test-race-2/status-events").statusCode());
        assertEquals(List.of(201, 201, 201, 201, 201, 201), statuses, "no If-Match was sent, so none may fail a precondition");
        given().get(BASE + "/test-race-2").then().body("history.size()", is(6));
    }

    @Test
    void shouldDeleteSoftlyLeaveATombstoneAndReserveTheId() {
        String etag = create("test-delete-1").then().statusCode(201).extract().header("ETag");
        String since = given().get("/api/v1/changes?since=0&limit=1").header("ETag").replaceAll("\\D", "");
        Tokens.curator().delete(BASE + "/test-delete-1").then().statusCode(428);
        Tokens.curator().header("If-Match", etag).delete(BASE + "/test-delete-1").then().statusCode(204);
        given().get(BASE + "/test-delete-1").then().statusCode(410).contentType("application/problem+json");
        given().get(BASE + "?limit=200&sort=-createdAt").then().body("items.id", not(hasItem("test-delete-1")));
        given().get("/api/v1/changes?kind=deleted&since=" + since).then()
                .body("items.recommendationId", hasItem("test-delete-1"));
        create("test-delete-1").then().statusCode(409);
    }

    @Test
    void shouldRefuseEvidenceDatedBeforeTheChangeAtItsPrecisionOrWithoutAKind() {
        create("test-status-2").then().statusCode(201);
        Map<String, Object> junePrecisely = Map.of("title", "Council meeting report", "kind", "media",
                "date", "2024-06-01", "excerpt", "The Council met.");
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "rejected",
                        "effectiveDate", "2024-06-12", "confidence", "low", "evidence", junePrecisely))
                .post(BASE + "/test-status-2/status-events").then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", is("evidence.date"));
        Map<String, Object> juneAsAMonth = new HashMap<>(junePrecisely);
        juneAsAMonth.put("datePrecision", "month");
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "rejected",
                        "effectiveDate", "2024-06-12", "confidence", "low", "evidence", juneAsAMonth))
                .post(BASE + "/test-status-2/status-events").then().statusCode(201)
                .body("evidence.date", is("2024-06-01")).body("evidence.datePrecision", is("month"))
                .body("evidence.kind", is("media"));
        Map<String, Object> notFirstOfMonth = new HashMap<>(juneAsAMonth);
        notFirstOfMonth.put("date", "2024-06-15");
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "rejected",
                        "effectiveDate", "2024-06-12", "confidence", "low", "evidence", notFirstOfMonth))
                .post(BASE + "/test-status-2/status-events").then().statusCode(400)
                .body("invalidParams[0].name", is("evidence.datePrecision"));
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "rejected",
                        "effectiveDate", "2024-06-12", "confidence", "low",
                        "evidence", Map.of("title", "t", "excerpt", "e")))
                .post(BASE + "/test-status-2/status-events").then().statusCode(400)
                .body("invalidParams.name", hasItem(endsWith("kind")));
        given().get(BASE + "/test-status-2").then().body("history.size()", is(1));
    }

    @Test
    void shouldRecordStatusEventsAppendOnlyWithCorrections() {
        create("test-status-1").then().statusCode(201);
        Map<String, Object> event = Map.of("addressee", "CHN", "status", "rejected", "effectiveDate", "2024-07-04",
                "confidence", "high", "evidence", Map.of("title", "UPR response", "kind", "addressee_statement",
                        "excerpt", "Not refugees."));
        int first = Tokens.curator().contentType(ContentType.JSON).body(event)
                .post(BASE + "/test-status-1/status-events").then().statusCode(201)
                .body("toStatus", is("rejected")).body("fromStatus", is((Object) null)).extract().path("id");
        given().get(BASE + "/test-status-1").then()
                .body("addressees.find { it.code == 'CHN' }.status", is("rejected"))
                .body("addressees.find { it.code == 'DPRK' }.status", is("unknown"))
                .body("overallStatus", is("rejected"));
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("addressee", "CHN", "status", "not_implemented", "effectiveDate", "2024-07-04",
                        "confidence", "medium", "corrects", first, "note", "Misread the response.",
                        "evidence", Map.of("title", "UPR response", "kind", "addressee_statement",
                                "excerpt", "Noted, not accepted.")))
                .post(BASE + "/test-status-1/status-events").then().statusCode(201)
                .body("fromStatus", is("rejected")).body("corrects", is(first));
        given().get(BASE + "/test-status-1").then().body("history.size()", is(2))
                .body("addressees.find { it.code == 'CHN' }.status", is("not_implemented"));
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "USA", "status", "rejected",
                        "effectiveDate", "2024-07-04", "confidence", "high",
                        "evidence", Map.of("title", "t", "kind", "media", "excerpt", "e")))
                .post(BASE + "/test-status-1/status-events").then().statusCode(400)
                .body("invalidParams[0].name", is("addressee"));
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "done",
                        "effectiveDate", "2999-01-01", "confidence", "high"))
                .post(BASE + "/test-status-1/status-events").then().statusCode(400);
    }

    @Test
    void shouldRefuseToDropAnAddresseeWithHistory() {
        String etag = given().get(BASE + "/coi-2014-90-a").header("ETag");
        Tokens.curator().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"addressees\":[\"UN_MEMBER_STATES\"]}")
                .patch(BASE + "/coi-2014-90-a").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldAuditWritesForAdmins() {
        create("test-audit-1").then().statusCode(201);
        given().auth().oauth2(Tokens.ADMIN).get("/api/v1/audit?targetId=test-audit-1").then().statusCode(200)
                .body("items[0].action", is("recommendation.create"))
                .body("items[0].actor", containsString("token:"))
                .body("items[0].after.id", is("test-audit-1"));
        Tokens.curator().get("/api/v1/audit").then().statusCode(403);

        // Pages of 3 follow one another as one page of 9 does.
        List<Object> nine = given().auth().oauth2(Tokens.ADMIN).get("/api/v1/audit?limit=9").jsonPath().getList("items");
        List<Object> paged = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3 && (page == 0 || cursor != null); page++) {
            var answer = given().auth().oauth2(Tokens.ADMIN)
                    .get("/api/v1/audit?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract();
            paged.addAll(answer.jsonPath().getList("items"));
            cursor = answer.path("nextCursor");
        }
        assertEquals(nine, paged);
        given().auth().oauth2(Tokens.ADMIN).get("/api/v1/audit?cursor=-5").then().statusCode(400)
                .body("invalidParams[0].name", is("cursor"));
    }

    /** Sends requests 1..count at once, each from its own thread; their statuses in that order. */
    private static List<Integer> atOnce(int count, IntFunction<Integer> request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Integer>> requests = IntStream.rangeClosed(1, count)
                    .<Callable<Integer>>mapToObj(n -> () -> request.apply(n)).toList();
            return pool.invokeAll(requests).stream().map(RecommendationWriteTest::get).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
