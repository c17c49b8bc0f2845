package org.recsregistry.dataset;

import org.recsregistry.addressee.AddresseeKind;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.LinkRelation;
import org.recsregistry.status.Status;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.SourceKind;

import java.time.LocalDate;
import java.util.List;

/** The shapes of the dataset's YAML files, as docs/dataset.md describes them. */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** manifest.yaml: the vocabulary file and the source files, in import order. */
    public record Manifest(String vocabulary, List<String> sources) {
    }

    public record Vocabulary(List<AddresseeEntry> addressees, List<ThemeEntry> themes) {
    }

    public record AddresseeEntry(String code, String name, AddresseeKind kind) {
    }

    public record ThemeEntry(String code, String name) {
    }

    public record SourceFile(SourceEntry source, List<RecommendationEntry> recommendations) {
    }

    public record SourceEntry(String id, String title, String publisher, SourceKind kind, LocalDate publishedDate,
                              DatePrecision datePrecision, String url, String seedFile) {
    }

    public record RecommendationEntry(String id, String locator, String text, boolean textVerified, String summary,
                                      List<String> addressees, List<String> themes, List<LinkEntry> links,
                                      List<EventEntry> statusEvents) {

        public List<LinkEntry> links() {
            return links == null ? List.of() : links;
        }

        public List<EventEntry> statusEvents() {
            return statusEvents == null ? List.of() : statusEvents;
        }

        public String text() {
            return text == null ? "" : text;
        }
    }

    public record LinkEntry(String target, LinkRelation relation) {
    }

    public record EventEntry(String addressee, Status status, LocalDate effectiveDate, Confidence confidence,
                             EvidenceEntry evidence, String note) {
    }

    public record EvidenceEntry(String title, String publisher, EvidenceKind kind, LocalDate date,
                                DatePrecision datePrecision, String url, String excerpt) {

        /** The date's precision: day unless the file says otherwise, none without a date. */
        public DatePrecision precision() {
            return date == null ? datePrecision : datePrecision == null ? DatePrecision.DAY : datePrecision;
        }
    }
}
