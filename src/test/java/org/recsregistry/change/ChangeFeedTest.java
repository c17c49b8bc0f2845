package org.recsregistry.change;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest {

    private static final String FEED = "/api/v1/changes";
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 6;

    @TestHTTPResource("/")
    URI root;

    private static long head() {
        return Long.parseLong(given().get(FEED + "?since=0&limit=1").header("ETag").replaceAll("\\D", ""));
    }

    private static void write(String id) {
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("id", id, "source", "coi-2014",
                        "locator", "feed test " + id, "summary", "Feed test.", "addressees", List.of("CHN"),
                        "themes", List.of("dialogue")))
                .post("/api/v1/recommendations").then().statusCode(201);
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "CHN", "status", "in_progress",
                        "effectiveDate", "2025-01-01", "confidence", "low",
                        "evidence", Map.of("title", "Test", "kind", "media", "excerpt", "Test evidence.")))
                .post("/api/v1/recommendations/" + id + "/status-events").then().statusCode(201);
    }

    @Test
    void shouldNeitherMissNorRepeatEntriesUnderConcurrentWriters() throws Exception {
        long start = head();
        Tokens.curator();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> followed = new ArrayList<>();
        try {
            Future<?> reader = pool.submit(() -> {
                long cursor = start;
                boolean lastRound = false;
                while (!lastRound) {
                    lastRound = !writing.get();
                    JsonPath page;
                    do {
                        page = given().get(FEED + "?limit=3&since=" + cursor).then().statusCode(200).extract().jsonPath();
                        followed.addAll(page.getList("items.id"));
                        cursor = Long.parseLong(page.getString("nextCursor"));
                    } while (page.getBoolean("hasMore"));
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < WRITES_EACH; n++) {
                        write("feed-w" + writer + "-" + n);
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> all = given().get(FEED + "?limit=1000&since=" + start).jsonPath().getList("items.id");
        assertEquals(WRITERS * WRITES_EACH * 2, all.size());
        assertEquals(all.size(), new HashSet<>(followed).size(), "no entry repeated");
        assertEquals(all, followed, "the follower saw every entry, in feed order");
    }

    @Test
    void shouldAnswer304WithPollHintsWhileTheFeedStands() {
        var first = given().get(FEED + "?since=0&limit=5");
        first.then().statusCode(200).header("X-Poll-Interval", notNullValue())
                .header("Cache-Control", "max-age=" + first.header("X-Poll-Interval"));
        String cursor = first.jsonPath().getString("nextCursor");
        String caughtUp = given().get(FEED + "?limit=1000&since=" + head()).header("ETag");
        given().header("If-None-Match", caughtUp).get(FEED + "?since=" + head()).then().statusCode(304)
                .header("X-Poll-Interval", notNullValue());
        given().get(FEED + "?since=" + cursor + "&limit=5").then().statusCode(200).body("items.size()", is(5));
    }

    @Test
    void shouldHoldALongPollUntilAChangeArrives() throws Exception {
        long since = head();
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() ->
                given().get(FEED + "?wait=20&since=" + since).then().statusCode(200).extract().jsonPath());
        Thread.sleep(500);
        long started = System.nanoTime();
        write("feed-longpoll-1");
        JsonPath answer = poll.get(15, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
        assertEquals("feed-longpoll-1", answer.getString("items[0].recommendationId"));
    }

    @Test
    void shouldEndAnEmptyLongPollAfterTheWait() {
        given().get(FEED + "?wait=1&since=" + (head() + 1000)).then().statusCode(200).body("items", empty());
    }

    @Test
    void shouldStreamEntriesAsServerSentEventsAndResumeAfterLastEventId() throws Exception {
        long since = head();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(root.resolve("api/v1/changes/stream?since=" + since)).build();
        CompletableFuture<HttpResponse<java.io.InputStream>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        write("feed-sse-1");
        String lastId;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                response.get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))) {
            lastId = readUntil(lines, "feed-sse-1");
        }
        write("feed-sse-2");
        HttpRequest resume = HttpRequest.newBuilder(root.resolve("api/v1/changes/stream"))
                .header("Last-Event-ID", lastId).build();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                client.send(resume, HttpResponse.BodyHandlers.ofInputStream()).body(), StandardCharsets.UTF_8))) {
            String first = readUntil(lines, "feed-sse");
            assertTrue(Long.parseLong(first) > Long.parseLong(lastId), "resumed after " + lastId);
        }
    }

    /** Reads events until one whose data names the record; answers that event's id. */
    private static String readUntil(BufferedReader lines, String recordId) throws Exception {
        String id = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            // Only the fields of the SSE standard, so that any EventSource reads the stream as sent.
            assertTrue(line.isEmpty() || line.startsWith(":") || line.matches("(id|event|data|retry):.*"),
                    "not an SSE field: " + line);
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:") && line.contains("\"recommendationId\":\"" + recordId)) {
                return id;
            }
        }
        throw new AssertionError("stream ended before " + recordId);
    }

    @Test
    void shouldRejectBadFeedParameters() {
        given().get(FEED + "?since=abc").then().statusCode(400).body("invalidParams[0].name", is("since"));
        given().get(FEED + "?since=-5").then().statusCode(400);
        given().get(FEED + "?limit=0").then().statusCode(400);
        given().get(FEED + "?kind=exploded").then().statusCode(400).body("invalidParams[0].name", is("kind"));
        given().get(FEED + "?wait=3600").then().statusCode(400).body("invalidParams[0].name", is("wait"));
        given().get(FEED + "/stream?since=x").then().statusCode(400);
        given().get(FEED + "?evidenceKind=gossip").then().statusCode(400)
                .body("invalidParams[0].name", is("evidenceKind"));
    }

    @Test
    void shouldFilterStatusChangesByTheKindOfSourceBehindThem() {
        JsonPath page = given().get(FEED + "?since=0&limit=1000&evidenceKind=un_mandate").then().statusCode(200)
                .extract().jsonPath();
        List<String> kinds = page.getList("items.kind");
        assertFalse(kinds.isEmpty(), "the dataset has status changes resting on UN mandates");
        assertTrue(kinds.stream().allMatch("status_changed"::equals), "only status changes carry evidence");
        assertTrue(page.<String>getList("items.evidence.kind").stream().allMatch("un_mandate"::equals));
    }
}
