package org.recsregistry.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TimelineTest {

    private static final String TIMELINE = "/api/v1/stats/timeline";
    private static final int STATUS_COUNT = 7;

    @Test
    void shouldCountEveryPairAndRecommendationAtEachYearEndAndTodayLast() {
        JsonPath stats = json("/api/v1/stats");
        long recommendations = stats.getLong("total");
        Map<String, Long> pairsToday = pairsByStatus(null);
        long pairs = pairsToday.values().stream().mapToLong(Long::longValue).sum();
        JsonPath timeline = json(TIMELINE);
        assertEquals("year", timeline.getString("interval"));
        List<Map<String, Object>> points = timeline.getList("points");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate previous = LocalDate.MIN;
        long counted = 0;
        for (Map<String, Object> point : points) {
            LocalDate date = LocalDate.parse((String) point.get("date"));
            assertTrue(date.isAfter(previous), "points in order");
            previous = date;
            assertTrue(date.equals(today) || date.equals(date.with(TemporalAdjusters.lastDayOfYear())), "year end " + date);
            assertEquals(STATUS_COUNT, ((Map<?, ?>) point.get("pairs")).size());
            assertEquals(STATUS_COUNT, ((Map<?, ?>) point.get("recommendations")).size());
            // Only the records whose source had been published by then count.
            long existing = given().get("/api/v1/recommendations?limit=1&asOf=" + date).jsonPath().getLong("total");
            assertEquals(existing, sum(point.get("recommendations")), "recommendations on " + date);
            assertTrue(existing >= counted, "no record disappears as time goes on: " + date);
            counted = existing;
            assertTrue(sum(point.get("pairs")) <= pairs, "pairs on " + date);
            assertEquals(longs(json("/api/v1/stats?asOf=" + date).getMap("byStatus")), longs(point.get("recommendations")),
                    "as /stats?asOf=" + date);
        }
        assertTrue(points.size() >= 2);
        Map<String, Object> last = points.get(points.size() - 1);
        assertEquals(today.toString(), last.get("date"));
        assertEquals(recommendations, sum(last.get("recommendations")));
        assertEquals(pairs, sum(last.get("pairs")));
        assertEquals(recommendationsByStatus(today.toString()), longs(last.get("recommendations")));
        assertEquals(pairsByStatus(today.toString()), longs(last.get("pairs")));
        // The current status counts events dated in the future too (another test imports one dated 2099).
        if (json("/api/v1/stats?asOf=9999-12-31").getMap("").equals(json("/api/v1/stats?asOf=" + today).getMap(""))) {
            assertEquals(longs(stats.getMap("byStatus")), longs(last.get("recommendations")));
            assertEquals(pairsToday, longs(last.get("pairs")));
        }
        String earliest = timeline.getString("from");
        assertEquals(LocalDate.parse(earliest).with(TemporalAdjusters.lastDayOfYear()).toString(), points.get(0).get("date"));
        assertTrue(sum(points.get(0).get("pairs")) > longs(points.get(0).get("pairs")).get("unknown"),
                "some pair is known at the end of the year of the earliest event");
    }

    @Test
    void shouldEndEachMonthBetweenFromAndTo() {
        JsonPath timeline = json(TIMELINE + "?interval=month&from=2014-01-15&to=2015-06-30");
        assertEquals("month", timeline.getString("interval"));
        List<String> dates = timeline.getList("points.date");
        assertEquals(18, dates.size());
        assertEquals("2014-01-31", dates.get(0));
        assertEquals("2014-02-28", dates.get(1));
        assertEquals("2015-06-30", dates.get(17));
        Map<String, Object> point = timeline.<Map<String, Object>>getList("points").get(5);
        assertEquals(longs(json("/api/v1/stats?asOf=" + point.get("date")).getMap("byStatus")),
                longs(point.get("recommendations")));
        given().get(TIMELINE + "?interval=year&from=2020-03-01&to=2020-03-01").then().statusCode(200)
                .body("points.date", is(List.of("2020-03-01")));
    }

    @Test
    void shouldAnswer400ProblemNamingABadParameter() {
        Map<String, String> bad = Map.of(
                "interval=week", "interval",
                "interval=month&from=1900-01-01&to=2000-01-01", "interval",
                "from=2020-01-01&to=2019-01-01", "from",
                "from=2020-02-30", "from",
                "to=soon", "to",
                "interval=year&interval=month", "interval");
        bad.forEach((query, name) -> given().get(TIMELINE + "?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400)).body("invalidParams.name", is(List.of(name))));
    }

    /** Pairs by status from /stats (as of the date, or current with null): the sum over addressees. */
    private static Map<String, Long> pairsByStatus(String asOf) {
        Map<String, Long> pairs = new HashMap<>();
        for (Map<String, Object> group : json("/api/v1/stats" + (asOf == null ? "" : "?asOf=" + asOf))
                .<Map<String, Object>>getList("byAddressee")) {
            ((Map<?, ?>) group.get("byStatus")).forEach((status, n) ->
                    pairs.merge((String) status, ((Number) n).longValue(), Long::sum));
        }
        return pairs;
    }

    private static Map<String, Long> recommendationsByStatus(String asOf) {
        return longs(json("/api/v1/stats?asOf=" + asOf).getMap("byStatus"));
    }

    private static JsonPath json(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static long sum(Object counts) {
        return longs(counts).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> longs(Object counts) {
        Map<String, Long> result = new HashMap<>();
        ((Map<?, ?>) counts).forEach((k, v) -> result.put((String) k, ((Number) v).longValue()));
        return result;
    }
}
