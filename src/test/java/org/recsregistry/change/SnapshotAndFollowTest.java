package org.recsregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a dashboard does: load a snapshot, follow the feed from its cursor, and end up with the server's state. */
@QuarkusTest
class SnapshotAndFollowTest {

    private static final String RECS = "/api/v1/recommendations";

    @Test
    void shouldReproduceTheServersStateExactlyFromASnapshotAndTheFeed() {
        JsonPath snapshot = given().get("/api/v1/export?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        snapshot.<Map<String, Object>>getList("items").forEach(r -> copy.put((String) r.get("id"), canonical(r)));

        changeTheRegistry();

        long cursor = Long.parseLong(snapshot.getString("cursor"));
        JsonPath page;
        do {
            page = given().get("/api/v1/changes?limit=2&since=" + cursor).then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> entry : page.<Map<String, Object>>getList("items")) {
                String id = (String) entry.get("recommendationId");
                var current = given().get(RECS + "/" + id);
                // A record deleted later in the feed already answers 410: its tombstone follows.
                if ("deleted".equals(entry.get("kind")) || current.statusCode() == 410) {
                    copy.remove(id);
                } else {
                    copy.put(id, canonical(fromDetail(current.then().statusCode(200).extract().jsonPath().getMap(""))));
                }
            }
            cursor = Long.parseLong(page.getString("nextCursor"));
        } while (page.getBoolean("hasMore"));

        Map<String, Map<String, Object>> server = new TreeMap<>();
        given().get("/api/v1/export?format=json").jsonPath().<Map<String, Object>>getList("items")
                .forEach(r -> server.put((String) r.get("id"), canonical(r)));
        assertEquals(server, copy);
    }

    private static void changeTheRegistry() {
        for (String id : List.of("sync-a", "sync-b")) {
            Tokens.curator().contentType(ContentType.JSON).body(Map.of("id", id, "source", "coi-2014",
                            "locator", "sync " + id, "summary", "Sync test.", "addressees", List.of("DPRK"),
                            "themes", List.of("dialogue"), "links", List.of(Map.of("target", "coi-2014-89-s",
                                    "relation", "derived_from"))))
                    .post(RECS).then().statusCode(201);
        }
        String etag = given().get(RECS + "/coi-2014-89-d").header("ETag");
        Tokens.curator().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"themes\":[\"death-penalty\",\"accountability\"]}").patch(RECS + "/coi-2014-89-d")
                .then().statusCode(200);
        Tokens.curator().contentType(ContentType.JSON).body(Map.of("addressee", "DPRK", "status", "rejected",
                        "effectiveDate", "2025-03-25", "confidence", "medium",
                        "evidence", Map.of("title", "Sync test evidence", "kind", "media", "excerpt", "Rejected.")))
                .post(RECS + "/sync-a/status-events").then().statusCode(201);
        String etagB = given().get(RECS + "/sync-b").header("ETag");
        Tokens.curator().header("If-Match", etagB).delete(RECS + "/sync-b").then().statusCode(204);
    }

    /** A detail answer in the export's shape. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fromDetail(Map<String, Object> d) {
        Map<String, Object> r = new HashMap<>(d);
        r.put("sourceId", ((Map<String, Object>) d.get("source")).get("id"));
        r.put("addressees", ((List<Map<String, Object>>) d.get("addressees")).stream()
                .map(a -> Map.of("code", a.get("code"), "status", a.get("status"),
                        "statusSince", String.valueOf(a.get("statusSince")))).toList());
        r.put("links", ((List<Map<String, Object>>) d.get("links")).stream()
                .filter(l -> "outgoing".equals(l.get("direction")))
                .map(l -> Map.of("relation", l.get("relation"), "target", l.get("recommendationId"))).toList());
        return r;
    }

    /** The fields both shapes carry, in an order-free, precision-free form. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(Map<String, Object> r) {
        Map<String, Object> c = new TreeMap<>();
        for (String field : List.of("id", "sourceId", "locator", "text", "textVerified", "summary", "overallStatus",
                "version")) {
            c.put(field, String.valueOf(r.get(field)));
        }
        c.put("createdAt", Instant.parse((String) r.get("createdAt")));
        c.put("updatedAt", Instant.parse((String) r.get("updatedAt")));
        c.put("themes", ((List<String>) r.get("themes")).stream().sorted().toList());
        c.put("addressees", ((List<Map<String, Object>>) r.get("addressees")).stream()
                .map(a -> a.get("code") + ":" + a.get("status") + ":" + a.get("statusSince")).sorted().toList());
        c.put("links", ((List<Map<String, Object>>) r.get("links")).stream()
                .map(l -> l.get("relation") + ">" + l.get("target")).sorted(Comparator.naturalOrder()).toList());
        return c;
    }
}
