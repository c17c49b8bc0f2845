package org.recsregistry.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.recsregistry.addressee.Addressee;
import org.recsregistry.dataset.DatasetFiles.EventEntry;
import org.recsregistry.dataset.DatasetFiles.RecommendationEntry;
import org.recsregistry.dataset.DatasetFiles.SourceFile;
import org.recsregistry.recommendation.Recommendation;
import org.recsregistry.recommendation.RecommendationChanged;
import org.recsregistry.recommendation.RecommendationAddressee;
import org.recsregistry.recommendation.RecommendationLink;
import org.recsregistry.recommendation.StatusEvent;
import org.recsregistry.recommendation.StatusHistory;
import org.recsregistry.source.Source;
import org.recsregistry.theme.Theme;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports the dataset: upserts by id, appends status events that are not there yet, and never
 * edits or removes an event already recorded. Running it twice changes nothing the second time.
 */
@ApplicationScoped
public class DatasetImporter {

    /** The advisory-lock key of dataset imports: any constant that nothing else uses. */
    private static final long IMPORT_LOCK = 0x5252_1A_B0_47L;

    private static final int IMPORT_TIMEOUT_SECONDS = 600;

    @Inject
    Event<RecommendationChanged> changes;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Imports into an empty database; replicas that start together take turns, so only the first imports.
     * The whole dataset is one transaction, which may outlast a request's default timeout on a busy machine.
     */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public Optional<ImportReport> importIfEmpty() {
        lockImports();
        return Recommendation.count() > 0 ? Optional.empty() : Optional.of(importDataset(DatasetReader.read()));
    }

    @Transactional
    public ImportReport importDataset(DatasetReader.Dataset dataset) {
        DatasetRules.require(dataset);
        lockImports();
        ImportReport report = new ImportReport();
        Instant now = Instant.now();
        dataset.vocabulary().addressees().forEach(entry -> upsertAddressee(entry, now, report));
        dataset.vocabulary().themes().forEach(entry -> upsertTheme(entry, now, report));
        Map<String, Recommendation> byId = new HashMap<>();
        for (SourceFile file : dataset.sources()) {
            Source source = upsertSource(file.source(), now, report);
            for (RecommendationEntry entry : file.recommendations()) {
                byId.put(entry.id(), upsertRecommendation(source, entry, now, report));
            }
        }
        Recommendation.flush();
        Set<String> changedIds = Set.copyOf(report.changedIds());
        for (SourceFile file : dataset.sources()) {
            for (RecommendationEntry entry : file.recommendations()) {
                Recommendation recommendation = byId.get(entry.id());
                if (syncLinks(recommendation, entry, byId)) {
                    recommendation.updatedAt = now;
                    if (!changedIds.contains(recommendation.id)) {
                        report.updated("links", recommendation.id);
                        changes.fire(RecommendationChanged.updated(recommendation.id));
                    }
                }
                if (appendEvents(recommendation, entry.statusEvents(), report)) {
                    recommendation.updatedAt = now;
                }
            }
        }
        return report;
    }

    /**
     * Rewrites the tables that an import into an empty database leaves mostly dead. The triggers rewrite a
     * record's facet row, and its combination's count, for each addressee, theme and event added, so the
     * dataset's 87 facet rows ended on 72 pages instead of 14, and every read that scans them read all 72
     * (docs/benchmarks.md, seventeenth round). VACUUM cannot run in a transaction: autocommit, on a
     * connection of its own.
     */
    public void compact() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (full, analyze) recommendation_facet, facet_count, recommendation, registry_state");
        }
    }

    /** One import at a time across every instance on this database, held to the end of the transaction. */
    private void lockImports() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getSingleResult();
    }

    private static void upsertAddressee(DatasetFiles.AddresseeEntry entry, Instant now, ImportReport report) {
        Addressee addressee = Addressee.findById(entry.code());
        if (addressee == null) {
            addressee = new Addressee();
            addressee.code = entry.code();
            report.created("addressee", entry.code());
        } else if (Objects.equals(addressee.name, entry.name()) && addressee.kind == entry.kind()) {
            report.unchanged("addressee");
            return;
        } else {
            report.updated("addressee", entry.code());
        }
        addressee.name = entry.name();
        addressee.kind = entry.kind();
        addressee.updatedAt = now;
        addressee.persist();
    }

    private static void upsertTheme(DatasetFiles.ThemeEntry entry, Instant now, ImportReport report) {
        Theme theme = Theme.findById(entry.code());
        if (theme == null) {
            theme = new Theme();
            theme.code = entry.code();
            report.created("theme", entry.code());
        } else if (Objects.equals(theme.name, entry.name())) {
            report.unchanged("theme");
            return;
        } else {
            report.updated("theme", entry.code());
        }
        theme.name = entry.name();
        theme.updatedAt = now;
        theme.persist();
    }

    private static Source upsertSource(DatasetFiles.SourceEntry entry, Instant now, ImportReport report) {
        Source source = Source.findById(entry.id());
        if (source == null) {
            source = new Source();
            source.id = entry.id();
            source.createdAt = now;
            report.created("source", entry.id());
        } else if (Objects.equals(source.title, entry.title()) && Objects.equals(source.publisher, entry.publisher())
                && source.kind == entry.kind() && Objects.equals(source.publishedDate, entry.publishedDate())
                && source.datePrecision == precision(entry) && Objects.equals(source.url, entry.url())
                && Objects.equals(source.seedFile, entry.seedFile())) {
            report.unchanged("source");
            return source;
        } else {
            report.updated("source", entry.id());
        }
        source.title = entry.title();
        source.publisher = entry.publisher();
        source.kind = entry.kind();
        source.publishedDate = entry.publishedDate();
        source.datePrecision = precision(entry);
        source.url = entry.url();
        source.seedFile = entry.seedFile();
        source.updatedAt = now;
        source.persist();
        return source;
    }

    private static org.recsregistry.source.DatePrecision precision(DatasetFiles.SourceEntry entry) {
        return entry.datePrecision() == null ? org.recsregistry.source.DatePrecision.DAY : entry.datePrecision();
    }

    private Recommendation upsertRecommendation(Source source, RecommendationEntry entry, Instant now,
                                                       ImportReport report) {
        Recommendation found = Recommendation.findById(entry.id());
        boolean created = found == null;
        Recommendation r = created ? new Recommendation() : found;
        if (created) {
            r.id = entry.id();
            r.createdAt = now;
        }
        Set<String> themes = Set.copyOf(entry.themes());
        Set<String> addressees = Set.copyOf(entry.addressees());
        boolean same = !created && r.source == source && Objects.equals(r.locator, entry.locator())
                && Objects.equals(r.text, entry.text()) && r.textVerified == entry.textVerified()
                && Objects.equals(r.summary, entry.summary())
                && r.themes.stream().map(t -> t.code).collect(Collectors.toSet()).equals(themes)
                && r.addressees.stream().map(a -> a.id.addresseeCode()).collect(Collectors.toSet()).equals(addressees);
        if (same) {
            report.unchanged("recommendation");
            return r;
        }
        r.source = source;
        r.locator = entry.locator();
        r.text = entry.text();
        r.textVerified = entry.textVerified();
        r.summary = entry.summary();
        r.updatedAt = now;
        r.themes.clear();
        entry.themes().forEach(code -> r.themes.add(require(Theme.findById(code), "theme", code, entry)));
        // An addressee with recorded history stays: history is never dropped by an import.
        r.addressees.removeIf(a -> !addressees.contains(a.id.addresseeCode())
                && StatusEvent.count("recommendationId = ?1 and addresseeCode = ?2", r.id, a.id.addresseeCode()) == 0);
        Set<String> present = r.addressees.stream().map(a -> a.id.addresseeCode()).collect(Collectors.toSet());
        for (String code : entry.addressees()) {
            if (!present.contains(code)) {
                r.addressees.add(new RecommendationAddressee(r, require(Addressee.findById(code), "addressee", code, entry)));
            }
        }
        r.refreshOverallStatus();
        r.persist();
        if (created) {
            report.created("recommendation", r.id);
            changes.fire(RecommendationChanged.created(r.id));
        } else {
            report.updated("recommendation", r.id);
            changes.fire(RecommendationChanged.updated(r.id));
        }
        return r;
    }

    private static boolean syncLinks(Recommendation r, RecommendationEntry entry, Map<String, Recommendation> byId) {
        Set<String> wanted = entry.links().stream().map(l -> l.target() + " " + l.relation().wire())
                .collect(Collectors.toSet());
        Set<String> present = r.links.stream().map(l -> l.to.id + " " + l.relation.wire()).collect(Collectors.toSet());
        if (wanted.equals(present)) {
            return false;
        }
        r.links.removeIf(l -> !wanted.contains(l.to.id + " " + l.relation.wire()));
        for (DatasetFiles.LinkEntry link : entry.links()) {
            if (!present.contains(link.target() + " " + link.relation().wire())) {
                RecommendationLink added = new RecommendationLink();
                added.from = r;
                Recommendation target = byId.get(link.target());
                added.to = target != null ? target
                        : require(Recommendation.findById(link.target()), "link target", link.target(), entry);
                added.relation = link.relation();
                r.links.add(added);
            }
        }
        return true;
    }

    /**
     * Appends the events not yet recorded and moves each pair's current status to its latest event.
     * An event already recorded keeps what it says; only its citation is completed from the file.
     */
    private boolean appendEvents(Recommendation r, List<EventEntry> events, ImportReport report) {
        boolean appended = false;
        boolean completed = false;
        for (EventEntry entry : events) {
            Optional<StatusEvent> present = StatusEvent.<StatusEvent>find("recommendationId = ?1 and addresseeCode = ?2"
                            + " and toStatus = ?3 and effectiveDate = ?4 and evidenceTitle = ?5 order by id",
                    r.id, entry.addressee(), entry.status(), entry.effectiveDate(), entry.evidence().title())
                    .firstResultOptional();
            if (present.isPresent()) {
                report.eventAlreadyPresent();
                completed |= completeCitation(present.get(), entry);
                continue;
            }
            RecommendationAddressee pair = r.addressees.stream()
                    .filter(a -> a.id.addresseeCode().equals(entry.addressee())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Recommendation " + r.id
                            + " has a status event for " + entry.addressee() + ", which it is not addressed to"));
            StatusEvent event = new StatusEvent();
            event.recommendationId = r.id;
            event.addresseeCode = entry.addressee();
            event.fromStatus = StatusHistory.statusBefore(r.id, entry.addressee(), entry.effectiveDate());
            event.toStatus = entry.status();
            event.effectiveDate = entry.effectiveDate();
            event.confidence = entry.confidence();
            event.evidenceTitle = entry.evidence().title();
            event.evidencePublisher = entry.evidence().publisher();
            event.evidenceKind = entry.evidence().kind();
            event.evidenceDate = entry.evidence().date();
            event.evidenceDatePrecision = entry.evidence().precision();
            event.evidenceUrl = entry.evidence().url();
            event.evidenceExcerpt = entry.evidence().excerpt();
            event.note = entry.note();
            event.persistAndFlush();
            changes.fire(RecommendationChanged.statusChanged(event));
            StatusHistory.refreshCurrent(pair);
            report.eventAppended();
            appended = true;
        }
        if (completed && !report.changedIds().contains(r.id)) {
            report.updated("evidence", r.id);
            changes.fire(RecommendationChanged.updated(r.id));
        }
        if (appended) {
            r.refreshOverallStatus();
        }
        return appended || completed;
    }

    /** Brings a recorded event's citation (date, precision, kind, URL, note) to the file's; true if it changed. */
    private boolean completeCitation(StatusEvent recorded, EventEntry entry) {
        DatasetFiles.EvidenceEntry evidence = entry.evidence();
        if (Objects.equals(recorded.evidenceDate, evidence.date())
                && recorded.evidenceDatePrecision == evidence.precision()
                && recorded.evidenceKind == evidence.kind() && Objects.equals(recorded.evidenceUrl, evidence.url())
                && Objects.equals(recorded.note, entry.note())) {
            return false;
        }
        // The entity is immutable to Hibernate; V50 lets exactly these columns change.
        em.createNativeQuery("update status_event set evidence_date = ?1, evidence_date_precision = ?2,"
                        + " evidence_kind = ?3, evidence_url = ?4, note = ?5 where id = ?6").unwrap(NativeQuery.class)
                .setParameter(1, evidence.date(), LocalDate.class)
                .setParameter(2, evidence.precision() == null ? null : evidence.precision().wire(), String.class)
                .setParameter(3, evidence.kind().wire(), String.class)
                .setParameter(4, evidence.url(), String.class)
                .setParameter(5, entry.note(), String.class)
                .setParameter(6, recorded.id, Long.class)
                .executeUpdate();
        return true;
    }

    private static <T> T require(T found, String what, String code, RecommendationEntry entry) {
        if (found == null) {
            throw new IllegalArgumentException("Recommendation " + entry.id() + " names unknown " + what + " " + code);
        }
        return found;
    }
}
