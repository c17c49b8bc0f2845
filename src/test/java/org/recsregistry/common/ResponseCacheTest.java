package org.recsregistry.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResponseCacheTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ResponseCache cache;

    @Inject
    RegistryState state;

    private long revision() {
        return state.known().orElseThrow(() -> new AssertionError("the revision is not followed")).number();
    }

    private boolean cached(String path, String query) {
        return cache.get(ResponseCache.key(path, query), revision()) != null;
    }

    /**
     * Every header but Date, which is per answer, and the framing: a cached body is sent whole with
     * Content-Length where the REST layer streams a large one chunked; the bytes are the same.
     */
    private static Set<String> headers(Response response) {
        Set<String> headers = new TreeSet<>();
        for (Header header : response.getHeaders()) {
            if (!Set.of("date", "content-length", "transfer-encoding").contains(header.getName().toLowerCase())) {
                headers.add(header.getName().toLowerCase() + ": " + header.getValue());
            }
        }
        return headers;
    }

    @Test
    void shouldAnswerFromTheCacheWhatTheServiceAnswers() {
        for (String[] read : List.of(
                new String[] {"/api/v1/recommendations", "sort=locator&limit=3&addressee=DPRK"},
                new String[] {"/api/v1/recommendations/coi-2014-89-a", ""},
                new String[] {"/api/v1/stats", ""},
                new String[] {"/api/v1/changes", "since=0&limit=5"})) {
            String url = read[0] + (read[1].isEmpty() ? "" : "?" + read[1]);
            Response uncached = given().auth().oauth2(Tokens.ADMIN).get(url);
            uncached.then().statusCode(200);
            Response first = given().get(url);
            assertTrue(cached(read[0], read[1]), url + " is cached after the first read");
            Response hit = given().get(url);
            assertArrayEquals(uncached.asByteArray(), hit.asByteArray(), url);
            assertArrayEquals(first.asByteArray(), hit.asByteArray(), url);
            assertEquals(headers(uncached), headers(hit), url);
            assertEquals(headers(first), headers(hit), url);
        }
    }

    @Test
    void shouldShareAnEntryBetweenSpellingsOfTheSameQuery() {
        assertEquals(ResponseCache.key("/p", "b=2&a=1&a=0"), ResponseCache.key("/p", "a=1&b=2&a=0"));
        assertEquals(ResponseCache.key("/p", "q=prison%20camps"), ResponseCache.key("/p", "q=prison+camps"));
        assertEquals(ResponseCache.key("/p", "addressee=DPRK&sort=-id"), ResponseCache.key("/p", "addr%65ssee=%44PRK&sort=%2Did"));
        assertEquals(ResponseCache.key("/p", "q=a*b_c.d"), ResponseCache.key("/p", "q=a%2Ab%5Fc%2Ed"));
        assertNotEquals(ResponseCache.key("/p", "q=a%2Bb"), ResponseCache.key("/p", "q=a+b"), "an encoded + is not a space");
        assertNull(ResponseCache.key("/api/v1/changes", "since=3&w%61it=30"), "however the long poll is spelt");
        assertNotEquals(ResponseCache.key("/p", "a=1&a=0"), ResponseCache.key("/p", "a=0&a=1"));
        assertNull(ResponseCache.key("/api/v1/changes", "since=3&wait=30"), "long polls are never cached");
    }

    @Test
    void shouldSeeTheWritersOwnWriteAtOnce() {
        String id = "test-cache-ryw";
        String path = "/api/v1/recommendations/" + id;
        Response created = Tokens.curator().contentType(ContentType.JSON).body(Map.of("id", id, "source", "coi-2014",
                "locator", "test locator " + id, "summary", "Before.", "addressees", List.of("DPRK"),
                "themes", List.of("accountability"))).post("/api/v1/recommendations");
        created.then().statusCode(201);
        String listQuery = "source=coi-2014&sort=-updatedAt&limit=1";
        try {
            given().get(path).then().statusCode(200).body("summary", is("Before."));
            given().get("/api/v1/recommendations?" + listQuery).then().statusCode(200).body("items[0].summary", is("Before."));
            assertTrue(cached(path, ""));
            Response read = given().get(path);
            String etag = read.header("ETag");
            for (int i = 0; i < 5; i++) {
                String summary = "After " + i + ".";
                Response patched = Tokens.curator().contentType(MERGE_PATCH).header("If-Match", etag)
                        .body("{\"summary\":\"" + summary + "\"}").patch(path);
                patched.then().statusCode(200);
                // No wait: the writer's instance must answer the new state right after the write.
                given().get(path).then().statusCode(200).body("summary", is(summary));
                given().header("If-None-Match", etag).get(path).then().statusCode(200).body("summary", is(summary));
                given().get("/api/v1/recommendations?" + listQuery).then().statusCode(200)
                        .body("items[0].summary", is(summary));
                etag = given().get(path).header("ETag");
            }
        } finally {
            Tokens.curator().header("If-Match", "*").delete(path);
        }
        given().get(path).then().statusCode(410);
    }

    @Test
    void shouldAnswerConditionalGetsOfCachedReadsWith304() {
        for (String url : List.of("/api/v1/recommendations?limit=4&sort=-createdAt", "/api/v1/recommendations/coi-2014-89-b",
                "/api/v1/themes", "/api/v1/changes?since=0&limit=2")) {
            Response first = given().get(url);
            first.then().statusCode(200);
            given().get(url).then().statusCode(200);
            String etag = first.header("ETag");
            assertNotNull(etag, url);
            Response notModified = given().header("If-None-Match", etag).get(url);
            notModified.then().statusCode(304).body(emptyString());
            assertEquals(etag, notModified.header("ETag"), url);
            given().header("If-None-Match", "W/\"0\", " + etag).get(url).then().statusCode(304);
            given().header("If-None-Match", "W/\"0\"").get(url).then().statusCode(200);
            // Weak comparison: the tag matches with or without its W/ mark, never with another opaque tag.
            String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
            given().header("If-None-Match", opaque).get(url).then().statusCode(304);
            given().header("If-None-Match", "W/" + opaque).get(url).then().statusCode(304);
            given().header("If-None-Match", "\"0" + opaque.substring(1)).get(url).then().statusCode(200);
            if (first.header("Last-Modified") != null) {
                given().header("If-Modified-Since", first.header("Last-Modified")).get(url).then().statusCode(304);
                given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get(url).then().statusCode(200);
            }
        }
    }

    @Test
    void shouldNeverServeOrStoreRequestsWithAuthorization() {
        String path = "/api/v1/addressees/KOR";
        given().get(path).then().statusCode(200);
        long revision = revision();
        // A planted entry shows which requests are answered from the cache.
        cache.put(ResponseCache.key(path, ""), new ResponseCache.Entry(revision,
                List.of(Map.entry("Content-Type", "application/json")), "{\"planted\":true}".getBytes(), null));
        given().get(path).then().statusCode(200).body("planted", is(true));
        given().auth().oauth2(Tokens.ADMIN).get(path).then().statusCode(200).body("code", is("KOR"));
        cache.clear();
        given().auth().oauth2(Tokens.ADMIN).get(path).then().statusCode(200);
        assertTrue(!cached(path, ""), "a request with Authorization is not stored");
        given().header("Authorization", "Bearer not-a-token").get(path + "?x=1");
        assertTrue(!cached(path, "x=1"), "nor is one with a bad token");
    }

    @Test
    void shouldNotCacheErrors() {
        given().get("/api/v1/recommendations/no-such-record").then().statusCode(404);
        assertTrue(!cached("/api/v1/recommendations/no-such-record", ""));
        given().get("/api/v1/recommendations?limit=0").then().statusCode(400);
        assertTrue(!cached("/api/v1/recommendations", "limit=0"));
    }

    @Test
    void shouldHoldItsSizeBound() {
        for (int i = 1; i <= 100; i++) {
            given().get("/api/v1/recommendations?limit=" + i).then().statusCode(200);
            assertTrue(cache.size() <= 64, "at most 64 entries, found " + cache.size());
        }
        assertTrue(cached("/api/v1/recommendations", "limit=100"), "the newest entry stays");
        assertTrue(!cached("/api/v1/recommendations", "limit=1"), "the least recently used one went");
    }

    @Test
    void shouldHoldItsByteBound() {
        long revision = revision();
        byte[] body = new byte[1024 * 1024];
        for (int i = 0; i < 40; i++) {
            cache.put("/test/bytes/" + i, new ResponseCache.Entry(revision, List.of(), body, null));
            assertTrue(cache.bytes() <= 32L * 1024 * 1024, "at most 32 MiB, found " + cache.bytes());
        }
        assertNotNull(cache.get("/test/bytes/39", revision));
        assertNull(cache.get("/test/bytes/0", revision));
        cache.put("/test/bytes/big", new ResponseCache.Entry(revision, List.of(), new byte[2 * 1024 * 1024], null));
        assertNull(cache.get("/test/bytes/big", revision), "answers over max-entry-bytes are not kept");
        cache.clear();
        assertEquals(0, cache.bytes());
    }
}
