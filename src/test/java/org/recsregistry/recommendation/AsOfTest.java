package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recsregistry.common.Problem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asOf on the list, the detail and the stats: the registry as it stood at the end of a date. */
@QuarkusTest
class AsOfTest {

    private static final String LIST = "/api/v1/recommendations";
    /** Three events for DPRK, so that there are dates between them. */
    private static final String SEVERAL_EVENTS = "coi-2014-89-n";
    private static final String BEFORE_THE_COI_REPORT = "2014-01-01";
    private static final String AFTER_THE_COI_REPORT = "2014-02-10";
    private static final List<String> DATASET_SOURCES = List.of("coi-2014", "38north-2014-eu-dialogue",
            "dprk-2014-counter-resolution", "ecfr-2016-eu-role", "piie-2014-counter-resolution", "piie-2014-hard-part",
            "r2p-2020-dprk");
    private static final String FAR_FUTURE = "9999-12-31";

    @Test
    void shouldLeaveOutEveryRecordBeforeItsSourceWasPublished() {
        // Every source of the dataset was published in 2014 or later; records other tests add to sources
        // without a date exist at any date.
        given().get(LIST + "?limit=200&asOf=" + BEFORE_THE_COI_REPORT).then().statusCode(200)
                .body("items.source.id", everyItem(not(in(DATASET_SOURCES))));
        given().get(LIST + "/" + SEVERAL_EVENTS + "?asOf=" + BEFORE_THE_COI_REPORT).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("2014-02-07")).body("detail", containsString(BEFORE_THE_COI_REPORT));
        long before = given().get(LIST + "?limit=1&asOf=" + BEFORE_THE_COI_REPORT).jsonPath().getLong("total");
        assertEquals(before, given().get("/api/v1/stats?asOf=" + BEFORE_THE_COI_REPORT).then().statusCode(200)
                .extract().jsonPath().getLong("total"));
    }

    /** After the COI report was published (2014-02-07) and before its first event (2014-02-17): its records, unknown. */
    @Test
    void shouldShowEveryPairUnknownBetweenTheCoiReportAndItsFirstEvent() {
        String coi = "source=coi-2014&";
        long published = given().get(LIST + "?limit=1&" + coi).jsonPath().getLong("total");
        given().get(LIST + "?limit=200&" + coi + "asOf=" + AFTER_THE_COI_REPORT).then().statusCode(200)
                .body("total", is((int) published))
                .body("items.overallStatus", everyItem(is("unknown")))
                .body("items.addressees.flatten().status", everyItem(is("unknown")))
                .body("items.addressees.flatten().statusSince", everyItem(nullValue()));
        given().get(LIST + "?limit=200&asOf=" + AFTER_THE_COI_REPORT).then().statusCode(200)
                .body("items.source.id", everyItem(not(in(DATASET_SOURCES.stream()
                        .filter(source -> !source.equals("coi-2014")).toList()))));
        given().get(LIST + "/" + SEVERAL_EVENTS + "?asOf=" + AFTER_THE_COI_REPORT).then().statusCode(200)
                .body("history", empty()).body("overallStatus", is("unknown"));
        JsonPath stats = given().get("/api/v1/stats?asOf=" + AFTER_THE_COI_REPORT).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(published, stats.getLong("bySource.find { it.key == 'coi-2014' }.total"));
    }

    /**
     * The current status is the latest event's even when it is dated in the future (another test imports one
     * dated 2099), while asOf today leaves such events out: records with one are compared as of the far future.
     */
    @Test
    void shouldAnswerAsOfTodayOrLaterExactlyAsWithoutAsOf() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> scheduled = new HashSet<>();
        for (String id : json(LIST + "?limit=200").<String>getList("items.id")) {
            Map<String, Object> current = json(LIST + "/" + id).getMap("");
            boolean future = json(LIST + "/" + id).<String>getList("history.effectiveDate").stream()
                    .anyMatch(date -> LocalDate.parse(date).isAfter(today));
            if (future) {
                scheduled.add(id);
            } else {
                assertEquals(current, json(LIST + "/" + id + "?asOf=" + today).getMap(""), id);
            }
            assertEquals(current, json(LIST + "/" + id + "?asOf=" + FAR_FUTURE).getMap(""), id);
        }
        assertEquals(json(LIST + "?limit=200").getMap(""), json(LIST + "?limit=200&asOf=" + FAR_FUTURE).getMap(""));
        // Byte for byte too: a page as of a date splices the statuses into each record's stored JSON.
        assertEquals(given().get(LIST + "?limit=200").asString(),
                given().get(LIST + "?limit=200&asOf=" + FAR_FUTURE).asString());
        assertEquals(json("/api/v1/stats").getMap(""), json("/api/v1/stats?asOf=" + FAR_FUTURE).getMap(""));
        List<Map<String, Object>> todays = json(LIST + "?limit=200&asOf=" + today).getList("items");
        assertEquals(json(LIST + "?limit=200").<Map<String, Object>>getList("items").stream()
                        .filter(r -> !scheduled.contains(r.get("id"))).toList(),
                todays.stream().filter(r -> !scheduled.contains(r.get("id"))).toList());
        if (scheduled.isEmpty()) {
            assertEquals(json("/api/v1/stats").getMap(""), json("/api/v1/stats?asOf=" + today).getMap(""));
        }
    }

    @Test
    void shouldRebuildStatusesAndTruncateHistoryAtEveryDateOfTheHistory() {
        Map<String, Object> current = json(LIST + "/" + SEVERAL_EVENTS).getMap("");
        List<Map<String, Object>> history = json(LIST + "/" + SEVERAL_EVENTS).getList("history");
        assertTrue(history.size() >= 2, "the record needs several events");
        boolean sawAnEarlierStatus = false;
        for (LocalDate date : datesAround(history)) {
            JsonPath then = json(LIST + "/" + SEVERAL_EVENTS + "?asOf=" + date);
            List<Map<String, Object>> expectedHistory = history.stream()
                    .filter(e -> !LocalDate.parse((String) e.get("effectiveDate")).isAfter(date)).toList();
            assertEquals(expectedHistory, then.getList("history"), "history as of " + date);
            Map<String, Map<String, Object>> latest = new HashMap<>();
            expectedHistory.forEach(e -> latest.put((String) e.get("addressee"), e));
            List<Status> statuses = new ArrayList<>();
            for (Map<String, Object> addressee : then.<Map<String, Object>>getList("addressees")) {
                Map<String, Object> event = latest.get((String) addressee.get("code"));
                assertEquals(event == null ? "unknown" : event.get("toStatus"), addressee.get("status"), "on " + date);
                assertEquals(event == null ? null : event.get("effectiveDate"), addressee.get("statusSince"), "on " + date);
                statuses.add(Status.fromWire((String) addressee.get("status")));
            }
            assertEquals(Status.overall(statuses).wire(), then.getString("overallStatus"), "overall on " + date);
            sawAnEarlierStatus |= !then.getString("overallStatus").equals(current.get("overallStatus"))
                    && !expectedHistory.isEmpty();
            assertEquals(current.get("text"), then.getString("text"), "only statuses are rebuilt");
            Map<String, Object> listed = json(LIST + "?limit=200&source=coi-2014&asOf=" + date)
                    .<Map<String, Object>>getList("items").stream().filter(r -> SEVERAL_EVENTS.equals(r.get("id")))
                    .findFirst().orElseThrow();
            Map<String, Object> detailed = new LinkedHashMap<>(then.getMap(""));
            detailed.keySet().retainAll(listed.keySet());
            assertEquals(detailed, listed, "the list as of " + date);
        }
        assertTrue(sawAnEarlierStatus, "some date between events gives an intermediate status");
    }

    @Test
    void shouldFilterByTheStatusesAsOfTheDate() {
        String date = intermediateDate();
        List<Map<String, Object>> all = json(LIST + "?limit=200&asOf=" + date).getList("items");
        for (Status status : Status.values()) {
            List<String> expected = all.stream().filter(r -> status.wire().equals(r.get("overallStatus")))
                    .map(r -> (String) r.get("id")).toList();
            assertEquals(expected, json(LIST + "?limit=200&asOf=" + date + "&status=" + status.wire())
                    .getList("items.id"), "overall " + status.wire() + " as of " + date);
            List<String> dprk = all.stream().filter(r -> ((List<?>) r.get("addressees")).stream()
                            .map(a -> (Map<?, ?>) a)
                            .anyMatch(a -> "DPRK".equals(a.get("code")) && status.wire().equals(a.get("status"))))
                    .map(r -> (String) r.get("id")).toList();
            assertEquals(dprk, json(LIST + "?limit=200&addressee=DPRK&asOf=" + date + "&status=" + status.wire())
                    .getList("items.id"), "DPRK " + status.wire() + " as of " + date);
        }
        String then = json(LIST + "/" + SEVERAL_EVENTS + "?asOf=" + date).getString("overallStatus");
        assertNotEquals(json(LIST + "/" + SEVERAL_EVENTS).getString("overallStatus"), then, "an intermediate status");
        assertTrue(json(LIST + "?limit=200&asOf=" + date + "&status=" + then).<String>getList("items.id")
                .contains(SEVERAL_EVENTS));
        assertTrue(!json(LIST + "?limit=200&status=" + then).<String>getList("items.id").contains(SEVERAL_EVENTS));
    }

    @Test
    void shouldAddUpTheStatsAsOfADateToTheListAsOfIt() {
        String date = intermediateDate();
        List<Map<String, Object>> all = json(LIST + "?limit=200&asOf=" + date).getList("items");
        JsonPath stats = json("/api/v1/stats?asOf=" + date);
        assertEquals(all.size(), stats.getLong("total"));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> dprk = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            byStatus.put(status.wire(), all.stream().filter(r -> status.wire().equals(r.get("overallStatus"))).count());
            dprk.put(status.wire(), all.stream().flatMap(r -> ((List<?>) r.get("addressees")).stream())
                    .map(a -> (Map<?, ?>) a)
                    .filter(a -> "DPRK".equals(a.get("code")) && status.wire().equals(a.get("status"))).count());
        }
        assertEquals(byStatus, longs(stats.getMap("byStatus")));
        assertEquals(dprk, longs(stats.getMap("byAddressee.find { it.key == 'DPRK' }.byStatus")));
        assertEquals(all.size(), stats.<Map<String, Object>>getList("bySource").stream()
                .mapToLong(g -> ((Number) g.get("total")).longValue()).sum());
    }

    @Test
    void shouldAnswer400ProblemNamingABadAsOf() {
        for (String path : List.of(LIST, LIST + "/" + SEVERAL_EVENTS, "/api/v1/stats")) {
            for (String query : List.of("asOf=2014-13-01", "asOf=yesterday", "asOf=2014-01-01&asOf=2015-01-01",
                    "asOf=2014-01-01T00:00:00Z")) {
                given().get(path + "?" + query).then().statusCode(400).contentType("application/problem+json")
                        .body("status", is(400)).body("invalidParams.name", is(List.of("asOf")));
            }
        }
    }

    /** The day before each effective date, the date itself, and the day after the last. */
    private static List<LocalDate> datesAround(List<Map<String, Object>> history) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Map<String, Object> event : history) {
            LocalDate effective = LocalDate.parse((String) event.get("effectiveDate"));
            dates.add(effective.minusDays(1));
            dates.add(effective);
        }
        dates.add(dates.last().plusDays(1));
        return List.copyOf(dates);
    }

    /** The last effective date of the record's history before its latest one: a date between events. */
    private static String intermediateDate() {
        List<String> dates = new ArrayList<>(new TreeSet<>(
                json(LIST + "/" + SEVERAL_EVENTS).<String>getList("history.effectiveDate")));
        assertTrue(dates.size() >= 2, "the record needs events on several dates");
        return dates.get(dates.size() - 2);
    }

    private static JsonPath json(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> longs(Map<String, Object> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((k, v) -> result.put(k, ((Number) v).longValue()));
        return result;
    }
}
