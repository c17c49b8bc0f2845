package org.recsregistry.dataset;

import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.EvidenceEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.recommendation.EvidenceDates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of docs/dataset.md that the import enforces on citations: each problem names the
 * record (or source), the event and the field, so that a curator can fix the file in one pass.
 */
public final class DatasetRules {

    private static final Pattern URL = Pattern.compile("^https?://\\S+$");

    /** Thrown when the dataset files break the rules; the message lists every problem. */
    public static class BrokenDataset extends IllegalStateException {
        BrokenDataset(List<String> problems) {
            super("The dataset files break " + problems.size() + " rule(s) of docs/dataset.md:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private DatasetRules() {
    }

    /** Every problem found, or none. */
    public static List<String> problems(DatasetReader.Dataset dataset) {
        List<String> problems = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            String url = file.source().url();
            if (url != null && !URL.matcher(url).matches()) {
                problems.add("source " + file.source().id() + ": url is not an http(s) URL");
            }
            for (RecommendationEntry r : file.recommendations()) {
                List<EventEntry> events = r.statusEvents();
                for (int i = 0; i < events.size(); i++) {
                    check(r.id() + " statusEvents[" + (i + 1) + "] (" + events.get(i).addressee() + ")",
                            events.get(i), problems);
                }
            }
        }
        return problems;
    }

    /** Refuses a dataset that breaks the rules. */
    public static void require(DatasetReader.Dataset dataset) {
        List<String> problems = problems(dataset);
        if (!problems.isEmpty()) {
            throw new BrokenDataset(problems);
        }
    }

    private static void check(String where, EventEntry e, List<String> problems) {
        EvidenceEntry ev = e.evidence();
        if (ev == null) {
            problems.add(where + ": evidence is missing");
            return;
        }
        if (ev.kind() == null) {
            problems.add(where + ": evidence.kind is missing (who says so: see docs/dataset.md)");
        }
        EvidenceDates.shapeProblem(ev.date(), ev.precision())
                .ifPresent(problem -> problems.add(where + ": evidence.datePrecision " + problem));
        if (e.effectiveDate() != null && EvidenceDates.datedBefore(ev.date(), ev.precision(), e.effectiveDate())) {
            problems.add(where + ": evidence.date " + EvidenceDates.atPrecision(ev.date(), ev.precision())
                    + " is before effectiveDate " + e.effectiveDate() + ", so it cannot report the change");
        }
        if (ev.url() != null && !URL.matcher(ev.url()).matches()) {
            problems.add(where + ": evidence.url is not an http(s) URL");
        }
        if (ev.url() == null && (e.note() == null || e.note().isBlank())) {
            problems.add(where + ": evidence.url is missing and note does not say why none is given");
        }
    }
}
