package org.recsregistry.dataset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.EvidenceEntry;
import org.recsregistry.dataset.DatasetFiles.LinkEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.EvidenceDates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the curated dataset in {@code src/main/resources/dataset/} (see docs/dataset.md). Plain JUnit: no
 * Quarkus, no database. Each test collects every problem it finds and reports them all at once, so that a
 * curator sees the whole list in one run.
 */
class DatasetTest {

    /** The source documents, beside the project: {@code ../shared/seeds} from the project directory. */
    private static final Path SEEDS = Path.of(System.getProperty("user.dir")).resolve(Path.of("..", "shared", "seeds"))
            .normalize();

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    /** Any run of Unicode whitespace, including no-break spaces (U+00A0, U+2007, U+202F). */
    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");

    // ---------------------------------------------------------------- pinned counts
    // Update these deliberately, in the same commit that adds or removes records.

    static final int TOTAL_RECORDS = 87;

    /** Records per source id. */
    static final Map<String, Integer> RECORDS_PER_SOURCE = Map.of(
            "coi-2014", 38,
            "38north-2014-eu-dialogue", 16,
            "dprk-2014-counter-resolution", 8,
            "piie-2014-counter-resolution", 4,
            "piie-2014-hard-part", 12,
            "ecfr-2016-eu-role", 3,
            "r2p-2020-dprk", 6);

    /** Records that name each addressee (an addressee named by no record is absent). */
    static final Map<String, Integer> RECORDS_PER_ADDRESSEE = Map.ofEntries(
            Map.entry("DPRK", 35),
            Map.entry("UN_MEMBER_STATES", 15),
            Map.entry("EU", 14),
            Map.entry("OHCHR", 10),
            Map.entry("USA", 10),
            Map.entry("CHN", 9),
            Map.entry("INTERNATIONAL_COMMUNITY", 6),
            Map.entry("KOR", 4),
            Map.entry("UNSC", 4),
            Map.entry("HRC", 3),
            Map.entry("DONORS", 2),
            Map.entry("UN", 2),
            Map.entry("UNSG", 2),
            Map.entry("BUSINESS", 1),
            Map.entry("CIVIL_SOCIETY", 1),
            Map.entry("FOUNDATIONS", 1),
            Map.entry("KOREAN_WAR_PARTIES", 1),
            Map.entry("RUS", 1),
            Map.entry("SIX_PARTY_STATES", 1),
            Map.entry("UNGA", 1));

    /** (recommendation, addressee) pairs per current status. */
    static final Map<String, Integer> PAIRS_PER_CURRENT_STATUS = Map.of(
            "not_implemented", 32,
            "in_progress", 7,
            "partially_implemented", 6,
            "implemented", 6,
            "rejected", 13,
            "superseded", 0,
            "unknown", 59);

    /**
     * Status events whose evidence has no public URL (each says why in its note). The target is under 10% of all
     * events; it is not met while no public copy of the January 2020 R2P Monitor (9 events) has been found.
     */
    static final int EVENTS_WITHOUT_URL = 17;

    /** Sources without a URL: no public copy of either was found among public pages. The target is none. */
    static final Set<String> SOURCES_WITHOUT_URL = Set.of("piie-2014-hard-part", "r2p-2020-dprk");

    /** The 38 leaf recommendations of A/HRC/25/63 paras 89 to 94. */
    static final Set<String> COI_2014_IDS = coiIds();

    private static DatasetReader.Dataset dataset;

    @BeforeAll
    static void readDataset() {
        dataset = DatasetReader.read();
    }

    // ---------------------------------------------------------------- 1. text against the seeds

    @Test
    void seedsFolderExistsBesideTheProject() {
        assertTrue(Files.isDirectory(SEEDS), seedsMissing());
    }

    @Test
    void everySourceSeedFileExistsInTheSeedsFolder() {
        assertTrue(Files.isDirectory(SEEDS), seedsMissing());
        List<String> problems = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            String seedFile = file.source().seedFile();
            if (seedFile != null && !Files.isRegularFile(SEEDS.resolve(seedFile))) {
                problems.add("source " + file.source().id() + ": seedFile " + seedFile + " is not in " + SEEDS);
            }
        }
        assertNoProblems("seed files named by sources", problems);
    }

    @Test
    void everySeedRecordQuotesItsSeedFileVerbatim() throws IOException {
        assertTrue(Files.isDirectory(SEEDS), seedsMissing());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (SourceFile file : dataset.sources()) {
            String seedFile = file.source().seedFile();
            if (seedFile == null) {
                continue;
            }
            Path seed = SEEDS.resolve(seedFile);
            if (!Files.isRegularFile(seed)) {
                problems.add("source " + file.source().id() + ": seedFile " + seedFile + " is not in " + SEEDS
                        + ", so its texts cannot be checked");
                continue;
            }
            String seedText = normalise(Files.readString(seed, StandardCharsets.UTF_8));
            for (RecommendationEntry r : file.recommendations()) {
                if (r.text().isEmpty()) {
                    continue;
                }
                checked++;
                String text = normalise(r.text());
                if (!seedText.contains(text)) {
                    problems.add(r.id() + ": text is not verbatim in " + seedFile + " (first divergence after \""
                            + longestFoundPrefix(text, seedText) + "\")");
                }
            }
        }
        assertTrue(checked > 0 || !problems.isEmpty(), "no seed-sourced texts were checked at all");
        assertNoProblems("texts not found verbatim in their seed file", problems);
    }

    @Test
    void textIsVerifiedExactlyWhenItIsPresent() {
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            if (r.textVerified() == r.text().isEmpty()) {
                problems.add(r.id() + ": textVerified is " + r.textVerified() + " but text is "
                        + (r.text().isEmpty() ? "empty" : "present"));
            }
        });
        assertNoProblems("textVerified must equal !text.isEmpty()", problems);
    }

    // ---------------------------------------------------------------- 2. structure

    @Test
    void everyRecordHasSourceLocatorAddresseesThemesAndSummary() {
        List<String> problems = new ArrayList<>();
        for (SourceFile file : dataset.sources()) {
            if (file.source() == null || blank(file.source().id())) {
                problems.add("a source file has no source or no source id");
            }
            if (file.recommendations() == null || file.recommendations().isEmpty()) {
                problems.add("source " + sourceId(file) + " has no recommendations");
            }
        }
        forEachRecord((file, r) -> {
            String who = blank(r.id()) ? "a record of " + sourceId(file) : r.id();
            if (blank(r.locator())) {
                problems.add(who + ": no locator");
            }
            if (r.addressees() == null || r.addressees().isEmpty()) {
                problems.add(who + ": no addressee");
            }
            if (r.themes() == null || r.themes().isEmpty()) {
                problems.add(who + ": no theme");
            }
            if (blank(r.summary())) {
                problems.add(who + ": no summary");
            }
        });
        assertNoProblems("incomplete records", problems);
    }

    @Test
    void recordIdsAreUniqueWellFormedAndPrefixedWithTheirSourceId() {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> sourceIds = new HashSet<>();
        for (SourceFile file : dataset.sources()) {
            if (!sourceIds.add(sourceId(file))) {
                problems.add("source id " + sourceId(file) + " is used by more than one file");
            }
        }
        forEachRecord((file, r) -> {
            String id = r.id();
            if (blank(id)) {
                problems.add("a record of " + sourceId(file) + " has no id");
                return;
            }
            if (!ID.matcher(id).matches()) {
                problems.add(id + ": does not match " + ID.pattern());
            }
            if (!id.startsWith(sourceId(file) + "-")) {
                problems.add(id + ": does not start with its source id \"" + sourceId(file) + "-\"");
            }
            String earlier = seen.putIfAbsent(id, sourceId(file));
            if (earlier != null) {
                problems.add(id + ": duplicate id (also in source " + earlier + ")");
            }
        });
        assertNoProblems("bad record ids", problems);
    }

    @Test
    void everyAddresseeAndThemeCodeIsInTheVocabulary() {
        Set<String> addressees = dataset.vocabulary().addressees().stream().map(DatasetFiles.AddresseeEntry::code)
                .collect(Collectors.toSet());
        Set<String> themes = dataset.vocabulary().themes().stream().map(DatasetFiles.ThemeEntry::code)
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            for (String a : nonNull(r.addressees())) {
                if (!addressees.contains(a)) {
                    problems.add(r.id() + ": addressee " + a + " is not in vocabulary.yaml");
                }
            }
            if (nonNull(r.addressees()).size() != new HashSet<>(nonNull(r.addressees())).size()) {
                problems.add(r.id() + ": an addressee is listed twice " + r.addressees());
            }
            for (String t : nonNull(r.themes())) {
                if (!themes.contains(t)) {
                    problems.add(r.id() + ": theme " + t + " is not in vocabulary.yaml");
                }
            }
        });
        assertNoProblems("codes missing from the vocabulary", problems);
    }

    @Test
    void everyLinkTargetsAnotherRecommendationOfThisOrAnEarlierFile() {
        Map<String, Integer> fileIndexById = new HashMap<>();
        for (int i = 0; i < dataset.sources().size(); i++) {
            for (RecommendationEntry r : dataset.sources().get(i).recommendations()) {
                fileIndexById.put(r.id(), i);
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < dataset.sources().size(); i++) {
            for (RecommendationEntry r : dataset.sources().get(i).recommendations()) {
                Set<String> seenLinks = new HashSet<>();
                for (LinkEntry link : r.links()) {
                    String target = link.target();
                    if (blank(target) || link.relation() == null) {
                        problems.add(r.id() + ": a link without target or relation");
                        continue;
                    }
                    if (!seenLinks.add(target + " " + link.relation())) {
                        problems.add(r.id() + ": link to " + target + " is listed twice");
                    }
                    Integer targetFile = fileIndexById.get(target);
                    if (target.equals(r.id())) {
                        problems.add(r.id() + ": links to itself");
                    } else if (targetFile == null) {
                        problems.add(r.id() + ": link target " + target + " is not a recommendation id");
                    } else if (targetFile > i) {
                        // manifest.yaml: a file may link only to recommendations of files above it (import order).
                        problems.add(r.id() + ": link target " + target + " is in a file later in manifest.yaml");
                    }
                }
            }
        }
        assertNoProblems("bad links", problems);
    }

    @Test
    void everyStatusEventIsCompleteAndForOneOfTheRecordsAddressees() {
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            List<EventEntry> events = r.statusEvents();
            for (int i = 0; i < events.size(); i++) {
                EventEntry e = events.get(i);
                String where = r.id() + " event " + (i + 1) + " (" + e.addressee() + ", " + wire(e.status()) + ")";
                if (e.addressee() == null || !nonNull(r.addressees()).contains(e.addressee())) {
                    problems.add(where + ": addressee is not one of the record's addressees " + r.addressees());
                }
                if (e.status() == null) {
                    problems.add(where + ": no status");
                }
                if (e.effectiveDate() == null) {
                    problems.add(where + ": no effectiveDate");
                }
                if (e.confidence() == null) {
                    problems.add(where + ": no confidence");
                }
                EvidenceEntry ev = e.evidence();
                if (ev == null) {
                    problems.add(where + (e.status() != Status.UNKNOWN
                            ? ": status other than unknown without evidence" : ": no evidence"));
                } else {
                    if (blank(ev.title())) {
                        problems.add(where + ": evidence has no title");
                    }
                    if (blank(ev.excerpt())) {
                        problems.add(where + ": evidence has no excerpt");
                    }
                }
            }
        });
        assertNoProblems("incomplete status events", problems);
    }

    @Test
    void statusEventsOfEachPairAreInDateOrder() {
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            Map<String, EventEntry> previous = new HashMap<>();
            for (EventEntry e : r.statusEvents()) {
                EventEntry before = previous.get(e.addressee());
                if (before != null && before.effectiveDate() != null && e.effectiveDate() != null
                        && e.effectiveDate().isBefore(before.effectiveDate())) {
                    problems.add(r.id() + " / " + e.addressee() + ": event of " + e.effectiveDate()
                            + " comes after the event of " + before.effectiveDate());
                }
                previous.put(e.addressee(), e);
            }
        });
        assertNoProblems("status events out of order (oldest first, per addressee)", problems);
    }

    @Test
    void everyCitationFollowsTheRulesTheImportEnforces() {
        // Kind of source, date precision (month: day 01; year: 1 January), evidence not dated before the change it
        // reports at that precision, http(s) URLs, and a note saying why when there is no URL.
        assertNoProblems("citations the import would refuse", DatasetRules.problems(dataset));
    }

    @Test
    void evidenceIsNotDatedBeforeTheChangeItReportsAtItsPrecision() {
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            for (EventEntry e : r.statusEvents()) {
                EvidenceEntry ev = e.evidence();
                if (ev != null && ev.date() != null && e.effectiveDate() != null
                        && EvidenceDates.datedBefore(ev.date(), ev.precision(),
                        e.effectiveDate())) {
                    problems.add(r.id() + " / " + e.addressee() + " of " + e.effectiveDate() + ": evidence dated "
                            + EvidenceDates.atPrecision(ev.date(), ev.precision()));
                }
            }
        });
        assertNoProblems("evidence dated before the change it reports", problems);
    }

    @Test
    void linksAreWhereThePinnedCountsSayAndEveryOtherSourceAndEventHasOne() {
        int[] withoutUrl = {0};
        int[] events = {0};
        forEachRecord((file, r) -> r.statusEvents().forEach(e -> {
            events[0]++;
            if (e.evidence() != null && e.evidence().url() == null) {
                withoutUrl[0]++;
            }
        }));
        Set<String> sourcesWithoutUrl = dataset.sources().stream().map(SourceFile::source)
                .filter(s -> s.url() == null).map(DatasetFiles.SourceEntry::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        if (withoutUrl[0] != EVENTS_WITHOUT_URL) {
            problems.add("events without a URL: " + withoutUrl[0] + " of " + events[0] + ", pinned " + EVENTS_WITHOUT_URL);
        }
        if (!sourcesWithoutUrl.equals(SOURCES_WITHOUT_URL)) {
            problems.add("sources without a URL: " + new TreeSet<>(sourcesWithoutUrl) + ", pinned "
                    + new TreeSet<>(SOURCES_WITHOUT_URL));
        }
        assertNoProblems("links", problems);
    }

    // ---------------------------------------------------------------- 3. pinned counts

    @Test
    void recordCountsPerSourceAndAddresseeAreThePinnedOnes() {
        Map<String, Integer> perSource = new TreeMap<>();
        Map<String, Integer> perAddressee = new TreeMap<>();
        int[] total = {0};
        forEachRecord((file, r) -> {
            total[0]++;
            perSource.merge(sourceId(file), 1, Integer::sum);
            for (String a : new LinkedHashSet<>(nonNull(r.addressees()))) {
                perAddressee.merge(a, 1, Integer::sum);
            }
        });
        List<String> problems = new ArrayList<>();
        if (total[0] != TOTAL_RECORDS) {
            problems.add("total records: " + total[0] + ", pinned " + TOTAL_RECORDS);
        }
        compareCounts("records of source", RECORDS_PER_SOURCE, perSource, problems);
        compareCounts("records naming addressee", RECORDS_PER_ADDRESSEE, perAddressee, problems);
        assertNoProblems("record counts differ from the pinned ones (a record was lost or added?)", problems);
    }

    @Test
    void coi2014HasExactlyTheThirtyEightLeafRecommendationsOfParagraphs89To94() {
        List<String> ids = dataset.sources().stream().filter(f -> "coi-2014".equals(sourceId(f)))
                .flatMap(f -> f.recommendations().stream()).map(RecommendationEntry::id).toList();
        List<String> problems = new ArrayList<>();
        if (ids.size() != 38) {
            problems.add("coi-2014 has " + ids.size() + " records, expected 38");
        }
        Set<String> present = new TreeSet<>(ids);
        for (String expected : new TreeSet<>(COI_2014_IDS)) {
            if (!present.contains(expected)) {
                problems.add("coi-2014 lacks " + expected);
            }
        }
        for (String id : present) {
            if (!COI_2014_IDS.contains(id)) {
                problems.add("coi-2014 has unexpected " + id);
            }
        }
        assertNoProblems("coi-2014 structure", problems);
    }

    // ---------------------------------------------------------------- 4. current status per pair

    @Test
    void everyPairHasACurrentStatusFromTheVocabularyAndTheirCountsAreThePinnedOnes() {
        Set<String> vocabulary = Stream.of(Status.values()).map(Status::wire).collect(Collectors.toSet());
        Map<String, Integer> perStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        forEachRecord((file, r) -> {
            for (String addressee : new LinkedHashSet<>(nonNull(r.addressees()))) {
                String status = wire(currentStatus(r, addressee));
                if (!vocabulary.contains(status)) {
                    problems.add(r.id() + " / " + addressee + ": current status " + status
                            + " is not one of " + new TreeSet<>(vocabulary));
                }
                perStatus.merge(status, 1, Integer::sum);
            }
        });
        compareCounts("pairs with current status", PAIRS_PER_CURRENT_STATUS, perStatus, problems);
        assertNoProblems("current statuses of (recommendation, addressee) pairs", problems);
    }

    /**
     * The pair's current status, as docs/dataset.md defines it: its latest event's status, by effective date and
     * then by order in the file; {@code unknown} without events.
     */
    static Status currentStatus(RecommendationEntry r, String addressee) {
        List<EventEntry> events = r.statusEvents().stream().filter(e -> addressee.equals(e.addressee())).toList();
        return IntStream.range(0, events.size()).boxed()
                .max(Comparator.<Integer, java.time.LocalDate>comparing(i -> events.get(i).effectiveDate(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Comparator.naturalOrder()))
                .map(i -> events.get(i).status())
                .orElse(Status.UNKNOWN);
    }

    // ---------------------------------------------------------------- helpers

    /** Collapses every run of Unicode whitespace (no-break spaces included) to one space, and trims. */
    static String normalise(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    private static String longestFoundPrefix(String text, String haystack) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (haystack.contains(text.substring(0, mid))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String found = text.substring(0, lo);
        return found.length() > 60 ? "..." + found.substring(found.length() - 60) : found;
    }

    private static void compareCounts(String what, Map<String, Integer> pinned, Map<String, Integer> actual,
                                      List<String> problems) {
        Set<String> keys = new TreeSet<>(pinned.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            int p = pinned.getOrDefault(key, 0);
            int a = actual.getOrDefault(key, 0);
            if (p != a) {
                problems.add(what + " " + key + ": " + a + ", pinned " + p);
            }
        }
    }

    private static void assertNoProblems(String heading, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(heading + " (" + problems.size() + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    private static String seedsMissing() {
        return "The seeds folder " + SEEDS + " (../shared/seeds from the project directory "
                + System.getProperty("user.dir") + ") is missing: the dataset's texts cannot be checked against"
                + " their source documents. Run the tests from the project directory with shared/seeds beside it.";
    }

    private interface RecordCheck {
        void check(SourceFile file, RecommendationEntry r);
    }

    private static void forEachRecord(RecordCheck check) {
        for (SourceFile file : dataset.sources()) {
            for (RecommendationEntry r : nonNull(file.recommendations())) {
                check.check(file, r);
            }
        }
    }

    private static String sourceId(SourceFile file) {
        return file.source() == null ? "?" : file.source().id();
    }

    private static String wire(Status status) {
        return status == null ? "null" : status.wire();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> coiIds() {
        Set<String> ids = new LinkedHashSet<>();
        "abcdefghijklmnopqrs".chars().forEach(c -> ids.add("coi-2014-89-" + (char) c));
        "abcdef".chars().forEach(c -> ids.add("coi-2014-90-" + (char) c));
        ids.add("coi-2014-91");
        ids.add("coi-2014-92");
        ids.add("coi-2014-93");
        "abcdefghij".chars().forEach(c -> ids.add("coi-2014-94-" + (char) c));
        return Set.copyOf(ids);
    }
}
