package org.recsregistry.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReadEndpointsTest {

    private static final int STATUS_COUNT = 7;

    @Test
    void shouldCountEachAddresseesRecommendationsAsTheListDoes() {
        List<Map<String, Object>> addressees = given().get("/api/v1/addressees").then().statusCode(200)
                .body("nextCursor", nullValue()).body("items", not(empty()))
                .extract().jsonPath().getList("items");
        for (Map<String, Object> a : addressees) {
            long listed = given().get("/api/v1/recommendations?limit=1&addressee=" + a.get("code"))
                    .jsonPath().getLong("total");
            assertEquals(listed, ((Number) a.get("recommendationCount")).longValue(), "count of " + a.get("code"));
            assertEquals(listed, sum(a.get("statusCounts")), "status counts of " + a.get("code"));
        }
        given().get("/api/v1/addressees/CHN").then().statusCode(200).body("code", is("CHN")).body("kind", is("state"));
        given().get("/api/v1/addressees/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldCountEachSourcesRecommendationsAsTheListDoes() {
        List<Map<String, Object>> sources = given().get("/api/v1/sources").then().statusCode(200)
                .extract().jsonPath().getList("items");
        for (Map<String, Object> s : sources) {
            long listed = given().get("/api/v1/recommendations?limit=1&source=" + s.get("id")).jsonPath().getLong("total");
            assertEquals(listed, ((Number) s.get("recommendationCount")).longValue(), "count of " + s.get("id"));
        }
        given().get("/api/v1/sources/coi-2014").then().statusCode(200).body("kind", is("un_report"));
        given().get("/api/v1/sources/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldCountEachThemesRecommendationsAsTheListDoes() {
        List<Map<String, Object>> themes = given().get("/api/v1/themes").then().statusCode(200)
                .extract().jsonPath().getList("items");
        for (Map<String, Object> t : themes) {
            long listed = given().get("/api/v1/recommendations?limit=1&theme=" + t.get("code")).jsonPath().getLong("total");
            assertEquals(listed, ((Number) t.get("recommendationCount")).longValue(), "count of " + t.get("code"));
        }
    }

    @Test
    void shouldListTheWholeStatusVocabularyWithCounts() {
        JsonPath statuses = given().get("/api/v1/statuses").then().statusCode(200)
                .body("items.size()", is(STATUS_COUNT)).extract().jsonPath();
        for (Map<String, Object> s : statuses.<Map<String, Object>>getList("items")) {
            long overall = given().get("/api/v1/recommendations?limit=1&status=" + s.get("code")).jsonPath().getLong("total");
            assertEquals(overall, ((Number) s.get("recommendationCount")).longValue(), "count of " + s.get("code"));
        }
    }

    @Test
    void shouldAddUpTheStatsToTheTotal() {
        JsonPath stats = given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        long total = given().get("/api/v1/recommendations?limit=1").jsonPath().getLong("total");
        assertEquals(total, stats.getLong("total"));
        assertEquals(total, sum(stats.getMap("byStatus")));
        assertEquals(total, stats.<Map<String, Object>>getList("bySource").stream()
                .mapToLong(g -> ((Number) g.get("total")).longValue()).sum());
        long addressees = given().get("/api/v1/addressees").jsonPath().getList("items").size();
        assertEquals(addressees, stats.getList("byAddressee").size());
        for (Map<String, Object> group : stats.<Map<String, Object>>getList("byAddressee")) {
            assertEquals(((Number) group.get("total")).longValue(), sum(group.get("byStatus")));
            assertEquals(STATUS_COUNT, ((Map<?, ?>) group.get("byStatus")).size());
        }
    }

    @Test
    void shouldCountTheEvidenceByLinkKindOfSourceAndDatePrecision() {
        JsonPath evidence = given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        long events = evidence.getLong("evidence.events");
        assertTrue(events > 0);
        assertEquals(events, sum(evidence.getMap("evidence.eventsByKind")), "every event counted under one kind");
        assertEquals(events, sum(evidence.getMap("evidence.eventsByDatePrecision")), "and under one precision");
        assertEquals(9, evidence.getMap("evidence.eventsByKind").size(), "eight kinds and none");
        assertTrue(evidence.getLong("evidence.eventsWithUrl") <= events);
        List<Map<String, Object>> sources = given().get("/api/v1/sources").jsonPath().getList("items");
        assertEquals(sources.size(), evidence.getLong("evidence.sources"));
        assertEquals(sources.stream().filter(s -> s.get("url") != null).count(), evidence.getLong("evidence.sourcesWithUrl"));
        long before2015 = given().get("/api/v1/stats?asOf=2014-12-31").jsonPath().getLong("evidence.events");
        assertTrue(before2015 > 0 && before2015 < events, "asOf counts the events effective by then");
    }

    private static long sum(Object counts) {
        return ((Map<?, ?>) counts).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }
}
