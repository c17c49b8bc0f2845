package org.recsregistry.dataset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.recsregistry.common.RegistryState;
import org.junit.jupiter.api.Test;
import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.EvidenceEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.EvidenceKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DatasetImportTest {

    private static final String RECORD = "r2p-2020-dprk-ohchr-1";

    @Inject
    DatasetImporter importer;

    @Inject
    RegistryState state;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Imports as POST /api/v1/admin/import does, including what its HTTP layer does after a write:
     * read the revision back, so that the next read on this instance is not answered from the cache
     * of the revision before (the notification of the new one arrives asynchronously).
     */
    private ImportReport imported(DatasetReader.Dataset dataset) {
        ImportReport report = importer.importDataset(dataset);
        state.fromDatabase();
        return report;
    }

    @Test
    void shouldChangeNothingWhenTheSameDatasetIsImportedAgain() {
        // Other tests of this class may have edited the database; the first import brings it back.
        imported(DatasetReader.read());
        ImportReport report = imported(DatasetReader.read());
        assertTrue(report.created().isEmpty(), "created " + report.created());
        assertTrue(report.updated().isEmpty(), "updated " + report.updated());
        assertTrue(report.changedIds().isEmpty(), "changed " + report.changedIds());
        assertEquals(0, report.eventsAppended());
        assertTrue(report.eventsAlreadyPresent() > 0);
    }

    @Test
    void shouldUpdateFieldsAndAppendEventsWithoutRewritingHistory() {
        // Other tests may have edited records through the API; the first import brings the dataset back.
        imported(DatasetReader.read());
        int eventsBefore = given().get("/api/v1/recommendations/" + RECORD).jsonPath().getList("history").size();
        DatasetReader.Dataset edited = edit(DatasetReader.read());
        ImportReport report = imported(edited);
        assertEquals(List.of(RECORD), report.changedIds());
        assertEquals(1, report.eventsAppended());
        given().get("/api/v1/recommendations/" + RECORD).then().statusCode(200)
                .body("summary", is("Edited summary."))
                .body("history.size()", is(eventsBefore + 1))
                .body("addressees.find { it.code == 'OHCHR' }.status", is("implemented"));

        // The original dataset no longer has that event: importing it again keeps the recorded history.
        ImportReport back = imported(DatasetReader.read());
        assertEquals(List.of(RECORD), back.changedIds());
        given().get("/api/v1/recommendations/" + RECORD).then().statusCode(200)
                .body("history.size()", is(eventsBefore + 1));
    }

    @Test
    void shouldCompleteTheCitationOfARecordedEventWithoutRewritingWhatItSays() {
        imported(DatasetReader.read());
        String id = "coi-2014-89-c";
        int eventsBefore = given().get("/api/v1/recommendations/" + id).jsonPath().getList("history").size();
        ImportReport report = imported(withEvidenceUrl(DatasetReader.read(), id, "https://example.org/moved"));
        assertEquals(List.of(id), report.changedIds());
        assertEquals(0, report.eventsAppended());
        given().get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("history.size()", is(eventsBefore))
                .body("history[0].evidence.url", is("https://example.org/moved"))
                .body("history[0].evidence.kind", is("ngo"));
        imported(DatasetReader.read());
        given().get("/api/v1/recommendations/" + id).then().body("history[0].evidence.url",
                is(DatasetReader.read().sources().get(0).recommendations().stream().filter(r -> r.id().equals(id))
                        .findFirst().orElseThrow().statusEvents().get(0).evidence().url()));
    }

    /**
     * The test database starts empty, so start-up imported the dataset and then compacted what the import
     * rewrote. VACUUM FULL writes each table to a new file; a table still in the file it was created in
     * (relfilenode = oid) was not compacted.
     */
    @Test
    void shouldCompactTheTablesTheImportRewroteAfterImportingIntoAnEmptyDatabase() throws SQLException {
        List<String> uncompacted = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname from pg_class where relfilenode = oid and relname"
                     + " in ('recommendation_facet', 'facet_count', 'recommendation', 'registry_state')")) {
            while (rows.next()) {
                uncompacted.add(rows.getString(1));
            }
        }
        assertEquals(List.of(), uncompacted);
    }

    @Test
    void shouldRefuseADatasetThatBreaksTheRulesAndChangeNothing() {
        imported(DatasetReader.read());
        String etag = given().get("/api/v1/stats").header("ETag");
        DatasetReader.Dataset broken = withEvidenceUrl(DatasetReader.read(), "coi-2014-89-c", "ftp://example.org/x");
        DatasetRules.BrokenDataset refused = assertThrows(DatasetRules.BrokenDataset.class,
                () -> imported(broken));
        assertTrue(refused.getMessage().contains("coi-2014-89-c statusEvents[1] (DPRK): evidence.url"),
                refused.getMessage());
        assertEquals(etag, given().get("/api/v1/stats").header("ETag"), "nothing was imported");
    }

    @Test
    void shouldReportADryRunWithoutChangingAnything() {
        imported(DatasetReader.read());
        String etag = given().get("/api/v1/stats").header("ETag");
        given().auth().oauth2(org.recsregistry.support.Tokens.ADMIN).post("/api/v1/admin/import?dryRun=true")
                .then().statusCode(200).body("dryRun", is(true)).body("eventsAppended", is(0));
        assertEquals(etag, given().get("/api/v1/stats").header("ETag"), "a dry run changes nothing");
        given().auth().oauth2(org.recsregistry.support.Tokens.ADMIN).post("/api/v1/admin/import?dryRun=maybe")
                .then().statusCode(400);
        org.recsregistry.support.Tokens.curator().post("/api/v1/admin/import").then().statusCode(403);
        given().auth().oauth2(org.recsregistry.support.Tokens.ADMIN).post("/api/v1/admin/import?dryRun=false")
                .then().statusCode(200).body("dryRun", is(false));
    }

    private static DatasetReader.Dataset edit(DatasetReader.Dataset dataset) {
        List<SourceFile> sources = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            List<RecommendationEntry> entries = file.recommendations().stream().map(r -> !r.id().equals(RECORD) ? r
                    : new RecommendationEntry(r.id(), r.locator(), r.text(), r.textVerified(), "Edited summary.",
                    r.addressees(), r.themes(), r.links(), withEvent(r.statusEvents()))).toList();
            sources.add(new SourceFile(file.source(), entries));
        }
        return new DatasetReader.Dataset(dataset.vocabulary(), sources);
    }

    /** The dataset with the first event of one record citing another URL. */
    private static DatasetReader.Dataset withEvidenceUrl(DatasetReader.Dataset dataset, String id, String url) {
        List<SourceFile> sources = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            sources.add(new SourceFile(file.source(), file.recommendations().stream().map(r -> {
                if (!r.id().equals(id)) {
                    return r;
                }
                List<EventEntry> events = new ArrayList<>(r.statusEvents());
                EventEntry first = events.get(0);
                EvidenceEntry e = first.evidence();
                events.set(0, new EventEntry(first.addressee(), first.status(), first.effectiveDate(), first.confidence(),
                        new EvidenceEntry(e.title(), e.publisher(), e.kind(), e.date(), e.datePrecision(), url,
                                e.excerpt()), first.note()));
                return new RecommendationEntry(r.id(), r.locator(), r.text(), r.textVerified(), r.summary(),
                        r.addressees(), r.themes(), r.links(), events);
            }).toList()));
        }
        return new DatasetReader.Dataset(dataset.vocabulary(), sources);
    }

    private static List<EventEntry> withEvent(List<EventEntry> events) {
        List<EventEntry> all = new ArrayList<>(events);
        all.add(new EventEntry("OHCHR", Status.IMPLEMENTED, LocalDate.of(2099, 1, 1), Confidence.LOW,
                new EvidenceEntry("Test evidence", null, EvidenceKind.CURATOR_JUDGEMENT, null, null, null,
                        "A test excerpt."), "test event"));
        return all;
    }
}
