package org.recsregistry.recommendation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.ProblemException;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.RegistryState;
import org.recsregistry.recommendation.dto.LinkView;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationPage;
import org.recsregistry.recommendation.dto.SourceRef;
import org.recsregistry.recommendation.dto.StatusEventView;
import org.recsregistry.source.DatePrecision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Reads recommendations: filtered pages and single records with their history. */
@ApplicationScoped
public class RecommendationService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownCodes codes;

    @Inject
    MatchCounts counts;

    /** Below this many matches a page reads them all rather than walk a sort's index (RecommendationRows#page). */
    @ConfigProperty(name = "registry.list.sparse-matches")
    long sparseMatches;

    /** ... unless the walk would read at most this many rows (RecommendationRows#page). */
    @ConfigProperty(name = "registry.list.walk-rows")
    long walkRows;

    @Inject
    RegistryState state;

    /** How many live records there were at a revision. */
    private record Size(long revision, long records) {
    }

    /**
     * The registry's size as the last page read it, at the revision known before that read: it picks the
     * shape of the next page's statement (RecommendationRows#page), never what the page holds.
     */
    private final AtomicReference<Size> size = new AtomicReference<>();

    /**
     * One page of the matches and their total, read in one statement. Each item is the JSON the
     * database keeps for the record; with asOf, that JSON with the statuses as they stood then.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationPage list(RecommendationQuery query) {
        QueryParams unknown = new QueryParams();
        codes.check(query.filter(), unknown);
        unknown.check();
        MatchCounts.Lookup lookup = counts.lookup(query.filter());
        Optional<Long> revision = state.known().map(RegistryState.Revision::number);
        Size lastSize = size.get();
        Optional<Long> knownRecords = lastSize != null && revision.isPresent() && lastSize.revision() == revision.get()
                ? Optional.of(lastSize.records()) : Optional.empty();
        boolean asOf = query.filter().asOf().isPresent();
        List<byte[]> items = new ArrayList<>();
        // The last record of the page, whose id and sort key make the next page's cursor.
        String lastId = null;
        Object lastKey = null;
        long total = 0;
        long records = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = RecommendationRows.page(connection, query, lookup.known(), knownRecords,
                     sparseMatches, walkRows);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                total = rows.getLong("total");
                records = rows.getLong("records");
                String id = rows.getString("id");
                if (id != null) {
                    // The body is text in UTF-8, as the driver reads it: its bytes are the JSON.
                    items.add(asOf ? RecommendationRows.itemAsOf(rows) : rows.getBytes("body"));
                    if (items.size() == query.limit()) {
                        lastId = id;
                        lastKey = rows.getObject("sort_key");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a page of recommendations", e);
        }
        counts.keep(lookup, total);
        if (revision.isPresent()) {
            size.set(new Size(revision.get(), records));
        }
        String next = null;
        if (items.size() > query.limit()) {
            items.remove(items.size() - 1);
            next = new Cursor(query.sort().param(), keyText(lastKey), lastId)
                    .encode();
        }
        return new RecommendationPage(items, total, next);
    }

    /**
     * One recommendation, read in one statement; with asOf, its statuses at the end of that date and its history
     * up to it. Inside a write's transaction it sees what that transaction has flushed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationDetail get(String id, Optional<LocalDate> asOf) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = RecommendationRows.detail(connection, id, asOf);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new NotFoundProblem("recommendation", id);
            }
            if (rows.getObject("deleted_at") != null) {
                throw ProblemException.gone("recommendation", id);
            }
            RecommendationRows.Row r = RecommendationRows.read(rows, asOf.isPresent());
            if (asOf.isPresent()) {
                String precision = rows.getString("date_precision");
                requirePublished(r, rows.getObject("published_date", LocalDate.class),
                        precision == null ? null : DatePrecision.fromWire(precision), asOf.get());
            }
            List<LinkView> links = RecommendationRows.detailLinks(rows);
            List<StatusEventView> history = new ArrayList<>();
            do {
                RecommendationRows.event(rows).ifPresent(history::add);
            } while (rows.next());
            return new RecommendationDetail(r.id(), new SourceRef(r.sourceId(), r.sourceTitle(), r.sourceKind()),
                    r.locator(), r.text(), r.textVerified(), r.summary(), r.overallStatus(), r.addressees(), r.themes(),
                    links, history, r.createdAt(), r.updatedAt(), r.version());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read recommendation " + id, e);
        }
    }

    /** Before its source was published a record did not exist: asOf answers 404 and says since when it does. */
    private static void requirePublished(RecommendationRows.Row r, LocalDate published, DatePrecision precision,
                                         LocalDate asOf) {
        if (published == null) {
            return;
        }
        LocalDate knownAsOf = switch (precision) {
            case DAY -> asOf;
            case MONTH -> asOf.withDayOfMonth(1);
            case YEAR -> asOf.withDayOfYear(1);
        };
        if (knownAsOf.isBefore(published)) {
            String when = switch (precision) {
                case DAY -> published.toString();
                case MONTH -> published.toString().substring(0, 7);
                case YEAR -> Integer.toString(published.getYear());
            };
            throw new ProblemException(404, "not-yet-published", "Not yet published",
                    "Recommendation '" + r.id() + "' exists from " + when + ", when its source '" + r.sourceId()
                            + "' was published; asOf " + asOf + " is before that.");
        }
    }

    static StatusEventView event(StatusEvent e) {
        return new StatusEventView(e.id, e.addresseeCode, e.fromStatus, e.toStatus, e.effectiveDate, e.confidence,
                new StatusEventView.Evidence(e.evidenceTitle, e.evidencePublisher, e.evidenceKind, e.evidenceDate,
                        e.evidenceDatePrecision, e.evidenceUrl, e.evidenceExcerpt),
                e.note, e.correctsEventId, e.recordedAt);
    }

    /** A sort key as the cursor keeps it: timestamps as ISO 8601 with their full precision. */
    static String keyText(Object key) {
        if (key instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (key instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toString();
        }
        return key.toString();
    }
}
