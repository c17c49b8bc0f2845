package org.recsregistry.export;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.change.FeedFixtures;
import org.recsregistry.common.QueryParams;
import org.recsregistry.export.dto.ExportRecord;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export's transaction and cursor, observed from inside the snapshot. */
@QuarkusTest
class ExportSnapshotTest {

    @Inject
    ExportService service;

    @Inject
    FeedFixtures fixtures;

    @Test
    void shouldStreamThroughAServerSideCursorInAReadOnlyRepeatableReadTransaction() throws Exception {
        assertEquals(7, service.fetchSize(), "the test profile's small fetch size");
        long total = given().get("/api/v1/recommendations?limit=1").jsonPath().getLong("total");
        List<String> cursorsWhileStreaming = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (ExportSnapshot snapshot = service.open(all())) {
            Connection connection = snapshot.connection();
            assertFalse(connection.getAutoCommit());
            snapshot.stream(record -> {
                if (ids.size() == 10) {
                    // Midway, the rows still come from a portal on the server: the driver has not read them all.
                    cursorsWhileStreaming.addAll(query(connection, "select statement from pg_cursors where name <> ''"));
                    assertEquals(List.of("repeatable read"), query(connection, "show transaction_isolation"));
                    assertEquals(List.of("on"), query(connection, "show transaction_read_only"));
                }
                ids.add(record.id());
            });
        }
        assertEquals(total, ids.size());
        assertEquals(1, cursorsWhileStreaming.size(), "one open cursor: " + cursorsWhileStreaming);
        assertTrue(cursorsWhileStreaming.get(0).startsWith("select r.id"), cursorsWhileStreaming.get(0));
    }

    @Test
    void shouldExportTheRegistryAsOfItsCursorWhateverCommitsMeanwhile() throws IOException {
        String id = "coi-2014-89-a";
        List<ExportRecord> records = new ArrayList<>();
        long head;
        String before;
        try (ExportSnapshot snapshot = service.open(all())) {
            head = snapshot.head();
            before = fixtures.setSummary(id, "Changed while an export was open.");
            snapshot.stream(records::add);
        }
        try {
            assertEquals(before, records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().summary(),
                    "the snapshot does not see what committed after its cursor");
            given().get("/api/v1/changes?since=" + head).then().statusCode(200)
                    .body("items.recommendationId", org.hamcrest.Matchers.contains(id));
            try (ExportSnapshot later = service.open(all())) {
                assertEquals(head + 1, later.head());
                List<ExportRecord> now = new ArrayList<>();
                later.stream(now::add);
                assertEquals("Changed while an export was open.",
                        now.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().summary());
            }
        } finally {
            fixtures.setSummary(id, before);
        }
    }

    @Test
    void shouldNotStreamASnapshotClosedBeforeItsBodyWasWritten() {
        ExportSnapshot snapshot = service.open(all());
        snapshot.abandon();
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> snapshot.stream(r -> { }));
        snapshot.close();
    }

    private ExportQuery all() {
        QueryParams params = new QueryParams();
        ExportQuery query = service.query(params, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        params.check();
        return query;
    }

    private static List<String> query(Connection connection, String sql) {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
