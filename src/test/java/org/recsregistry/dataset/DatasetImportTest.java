package org.recsregistry.dataset;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.EvidenceEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.Status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DatasetImportTest {

    private static final String RECORD = "r2p-2020-dprk-ohchr-1";

    @Inject
    DatasetImporter importer;

    @Test
    void shouldChangeNothingWhenTheSameDatasetIsImportedAgain() {
        // Other tests of this class may have edited the database; the first import brings it back.
        importer.importDataset(DatasetReader.read());
        ImportReport report = importer.importDataset(DatasetReader.read());
        assertTrue(report.created().isEmpty(), "created " + report.created());
        assertTrue(report.updated().isEmpty(), "updated " + report.updated());
        assertTrue(report.changedIds().isEmpty(), "changed " + report.changedIds());
        assertEquals(0, report.eventsAppended());
        assertTrue(report.eventsAlreadyPresent() > 0);
    }

    @Test
    void shouldUpdateFieldsAndAppendEventsWithoutRewritingHistory() {
        // Other tests may have edited records through the API; the first import brings the dataset back.
        importer.importDataset(DatasetReader.read());
        int eventsBefore = given().get("/api/v1/recommendations/" + RECORD).jsonPath().getList("history").size();
        DatasetReader.Dataset edited = edit(DatasetReader.read());
        ImportReport report = importer.importDataset(edited);
        assertEquals(List.of(RECORD), report.changedIds());
        assertEquals(1, report.eventsAppended());
        given().get("/api/v1/recommendations/" + RECORD).then().statusCode(200)
                .body("summary", is("Edited summary."))
                .body("history.size()", is(eventsBefore + 1))
                .body("addressees.find { it.code == 'OHCHR' }.status", is("implemented"));

        // The original dataset no longer has that event: importing it again keeps the recorded history.
        ImportReport back = importer.importDataset(DatasetReader.read());
        assertEquals(List.of(RECORD), back.changedIds());
        given().get("/api/v1/recommendations/" + RECORD).then().statusCode(200)
                .body("history.size()", is(eventsBefore + 1));
    }

    @Test
    void shouldReportADryRunWithoutChangingAnything() {
        importer.importDataset(DatasetReader.read());
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

    private static List<EventEntry> withEvent(List<EventEntry> events) {
        List<EventEntry> all = new ArrayList<>(events);
        all.add(new EventEntry("OHCHR", Status.IMPLEMENTED, LocalDate.of(2099, 1, 1), Confidence.LOW,
                new EvidenceEntry("Test evidence", null, EvidenceKind.CURATOR_JUDGEMENT, null, null, null,
                        "A test excerpt."), "test event"));
        return all;
    }
}
