package org.recsregistry.dataset;

import org.junit.jupiter.api.Test;
import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.EvidenceEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.status.Status;
import org.recsregistry.source.DatePrecision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The import's citation rules, on the shipped dataset with one record broken on purpose. */
class DatasetRulesTest {

    private static final String RECORD = "coi-2014-89-a";

    @Test
    void shouldAcceptTheShippedDataset() {
        assertEquals(List.of(), DatasetRules.problems(DatasetReader.read()));
    }

    @Test
    void shouldNameTheRecordEventAndFieldOfEachBrokenCitation() {
        List<EventEntry> events = List.of(
                event(LocalDate.of(2024, 6, 12), new EvidenceEntry("No kind", null, null, LocalDate.of(2024, 6, 12),
                        DatePrecision.DAY, "https://example.org/a", "x"), null),
                event(LocalDate.of(2024, 6, 12), new EvidenceEntry("Known to the month only", null, EvidenceKind.MEDIA,
                        LocalDate.of(2024, 6, 1), null, "https://example.org/b", "x"), null),
                event(LocalDate.of(2024, 6, 12), new EvidenceEntry("Month not on the first", null, EvidenceKind.MEDIA,
                        LocalDate.of(2024, 6, 15), DatePrecision.MONTH, "https://example.org/c", "x"), null),
                event(LocalDate.of(2024, 6, 12), new EvidenceEntry("No link, no reason", null, EvidenceKind.NGO,
                        null, null, null, "x"), null),
                event(LocalDate.of(2024, 6, 12), new EvidenceEntry("The month covers it", null, EvidenceKind.UN_BODY,
                        LocalDate.of(2024, 6, 1), DatePrecision.MONTH, null, "x"), "Offline source."));
        List<String> problems = DatasetRules.problems(withEvents(events));
        assertThat(problems, hasItem(containsString(RECORD + " statusEvents[1] (DPRK): evidence.kind is missing")));
        assertThat(problems, hasItem(containsString(RECORD + " statusEvents[2] (DPRK): evidence.date 2024-06-01 is"
                + " before effectiveDate 2024-06-12")));
        assertThat(problems, hasItem(containsString(RECORD + " statusEvents[3] (DPRK): evidence.datePrecision")));
        assertThat(problems, hasItem(containsString(RECORD + " statusEvents[4] (DPRK): evidence.url is missing")));
        assertEquals(4, problems.size(), problems.toString());
        BrokenDatasetCheck.assertRefused(withEvents(events));
    }

    /** The importer refuses such a file before it touches the database; no Quarkus needed to see that. */
    private static final class BrokenDatasetCheck {
        static void assertRefused(DatasetReader.Dataset dataset) {
            DatasetRules.BrokenDataset refused = assertThrows(DatasetRules.BrokenDataset.class,
                    () -> DatasetRules.require(dataset));
            assertThat(refused.getMessage(), containsString(RECORD + " statusEvents[1] (DPRK): evidence.kind"));
        }
    }

    private static EventEntry event(LocalDate effective, EvidenceEntry evidence, String note) {
        return new EventEntry("DPRK", Status.REJECTED, effective, Confidence.LOW, evidence, note);
    }

    private static DatasetReader.Dataset withEvents(List<EventEntry> events) {
        DatasetReader.Dataset dataset = DatasetReader.read();
        List<SourceFile> sources = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            sources.add(new SourceFile(file.source(), file.recommendations().stream().map(r -> !r.id().equals(RECORD) ? r
                    : new RecommendationEntry(r.id(), r.locator(), r.text(), r.textVerified(), r.summary(),
                    r.addressees(), r.themes(), r.links(), events)).toList()));
        }
        return new DatasetReader.Dataset(dataset.vocabulary(), sources);
    }
}
