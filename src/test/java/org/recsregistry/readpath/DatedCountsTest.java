package org.recsregistry.readpath;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.status.Status;
import org.recsregistry.support.EarlierUpdates;
import org.recsregistry.support.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts kept for updatedSince and asOf (V80): after every kind of write they hold what a rebuild
 * from the records and their history would, and the totals they give are those of the matches.
 */
@QuarkusTest
class DatedCountsTest {

    private static final String BASE = "/api/v1/recommendations";
    private static final String RECORD = "test-dated-counts";
    private static final List<String> KEPT = List.of("facet_period_count", "recommendation_era", "era_edge_count");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldMaskStatusesAsStatusSetDoes() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement mask = connection.prepareStatement("select status_mask(?)")) {
            for (Status status : Status.values()) {
                mask.setArray(1, connection.createArrayOf("text", new String[] {"DPRK:" + status.wire()}));
                assertEquals(1 << status.ordinal(), scalar(mask), status.wire());
            }
            mask.setArray(1, connection.createArrayOf("text", new String[] {"CHN:rejected", "DPRK:unknown", "KOR:rejected"}));
            assertEquals(1 << Status.REJECTED.ordinal() | 1 << Status.UNKNOWN.ordinal(), scalar(mask));
            mask.setArray(1, connection.createArrayOf("text", new String[0]));
            assertEquals(0, scalar(mask));
        }
    }

    @Test
    void shouldKeepTheCountsOfARebuildThroughEveryKindOfWrite() throws SQLException {
        String asOf2021 = BASE + "?addressee=DPRK&status=rejected&asOf=2021-06-30&limit=200";
        long before = given().get(asOf2021).then().statusCode(200).extract().jsonPath().getLong("total");
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("id", RECORD, "source", "coi-2014", "locator", "dated counts", "summary", "A test record.",
                        "addressees", List.of("DPRK", "CHN"), "themes", List.of("accountability")))
                .post(BASE).then().statusCode(201);
        assertKeptAsRebuilt();

        event("DPRK", "rejected", "2020-03-05");
        event("CHN", "in_progress", "2020-03-05");
        event("DPRK", "implemented", "2022-01-01");
        assertKeptAsRebuilt();
        given().get(asOf2021).then().body("total", is((int) before + 1))
                .body("items.id", hasItem(RECORD));
        given().get(BASE + "?addressee=DPRK&status=rejected&asOf=2022-01-01&limit=200").then()
                .body("items.id", not(hasItem(RECORD)));

        String etag = given().get(BASE + "/" + RECORD).header("ETag");
        Tokens.curator().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"themes\":[\"dialogue\"]}").patch(BASE + "/" + RECORD).then().statusCode(200);
        assertKeptAsRebuilt();

        etag = given().get(BASE + "/" + RECORD).header("ETag");
        Tokens.curator().header("If-Match", etag).delete(BASE + "/" + RECORD).then().statusCode(204);
        assertKeptAsRebuilt();
        given().get(asOf2021).then().body("total", is((int) before));
    }

    /**
     * The total of an updatedSince page sums the records of the date's own hour, then whole hours, days and
     * months: for dates at, just around and at the starts of the hours, days and months of updates made
     * earlier, and in other offsets, it is the number of records the export (which reads every match) gives.
     */
    @Test
    void shouldCountUpdatedSinceAtEveryLevelAsTheExportDoes() throws SQLException {
        EarlierUpdates records = EarlierUpdates.create(dataSource, RECORD + "-since");
        try {
            for (OffsetDateTime stamp : records.stamps()) {
                OffsetDateTime hour = stamp.truncatedTo(ChronoUnit.HOURS);
                List<OffsetDateTime> dates = List.of(stamp, stamp.plusNanos(1000), stamp.minusNanos(1000), hour,
                        hour.minusHours(1), stamp.truncatedTo(ChronoUnit.DAYS), stamp.minusHours(25),
                        stamp.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1), stamp.minusDays(32),
                        stamp.withOffsetSameInstant(ZoneOffset.ofHours(9)),
                        stamp.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(-3, -30)).truncatedTo(ChronoUnit.DAYS));
                for (OffsetDateTime date : dates) {
                    for (String facets : List.of("", "&addressee=DPRK", "&theme=accountability&status=unknown")) {
                        // The offset's '+' encoded by hand: with encoding off, a query's '+' is a space.
                        String query = "updatedSince=" + date.toString().replace("+", "%2B") + facets;
                        long total = given().urlEncodingEnabled(false).get(BASE + "?" + query + "&limit=1").then()
                                .statusCode(200).extract().jsonPath().getLong("total");
                        long exported = given().urlEncodingEnabled(false).get("/api/v1/export?format=ndjson&" + query)
                                .then().statusCode(200).extract().asString().lines().filter(line -> !line.isBlank())
                                .count();
                        assertEquals(exported, total, query);
                    }
                }
            }
        } finally {
            records.delete();
        }
    }

    private static void event(String addressee, String status, String effective) {
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("addressee", addressee, "status", status, "effectiveDate", effective, "confidence", "high",
                        "evidence", Map.of("title", "Test", "kind", "media", "excerpt", "Test.")))
                .post(BASE + "/" + RECORD + "/status-events").then().statusCode(201);
    }

    /** Rebuilds the counts in a transaction that is rolled back, and compares them with those kept. */
    private void assertKeptAsRebuilt() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String table : KEPT) {
                    sql.execute("create temporary table kept_" + table + " on commit drop as table " + table);
                }
                sql.execute("select rebuild_dated_counts()");
                for (String table : KEPT) {
                    try (ResultSet differ = sql.executeQuery("select count(*) from ((table kept_" + table
                            + " except all table " + table + ") union all (table " + table + " except all table kept_"
                            + table + ")) d")) {
                        differ.next();
                        assertEquals(0, differ.getLong(1), table + " differs from its rebuild");
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static int scalar(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
