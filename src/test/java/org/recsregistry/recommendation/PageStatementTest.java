package org.recsregistry.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recsregistry.status.Status;
import org.recsregistry.support.EarlierUpdates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two shapes of a page's statement read the same pages: the counts and the walk alone, which a
 * registry of at most walk-rows records gets, and the statement that picks between the walk and reading
 * every match. For generated filters, sorts and page sizes, both are walked to the end page by page and
 * must give the same rows (total, registry size, ids, sort keys and bodies) on every page. (A page as of a
 * date always takes the statement that chooses.)
 */
@QuarkusTest
class PageStatementTest {

    private static final long SEED = 20261202L;
    private static final int QUERIES = 60;
    private static final List<String> ADDRESSEES = List.of("DPRK", "CHN", "KOR", "JPN", "UNSC", "OHCHR", "EU");
    private static final List<String> STATUSES = List.of("not_implemented", "in_progress", "partially_implemented",
            "implemented", "rejected", "unknown");
    private static final List<String> SOURCES = List.of("coi-2014", "r2p-2020-dprk", "38north-2014-eu-dialogue",
            "ecfr-2016-eu-role", "piie-2014-hard-part");
    private static final List<String> THEMES = List.of("accountability", "prison-camps", "right-to-food",
            "humanitarian-access", "un-engagement");
    private static final List<String> WORDS = List.of("dialogue", "prison camps", "sanctions -targeted", "china");
    private static final List<String> SINCE = List.of("2014-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
    private static final List<String> EVIDENCE_KINDS = List.of("un_body", "un_mandate", "addressee_statement", "ngo");
    private static final List<String> SORTS = List.of("id", "-id", "updatedAt", "-updatedAt", "createdAt", "-createdAt",
            "source", "-source", "locator", "-locator");

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "registry.list.sparse-matches")
    long sparseMatches;

    @ConfigProperty(name = "registry.list.walk-rows")
    long walkRows;

    @BeforeEach
    void startGenerating() {
        JqwikSession.start();
    }

    @AfterEach
    void stopGenerating() {
        JqwikSession.finish();
    }

    @Test
    void shouldReadTheSamePagesWithTheWalkAloneAsWithTheStatementThatChooses() throws SQLException {
        Random random = new Random(SEED);
        var filters = filters().generator(50);
        int pagesWithRecords = 0;
        for (int i = 0; i < QUERIES; i++) {
            RecommendationFilter filter = filters.next(random).value();
            SortOrder.Spec sort = SortOrder.Spec.parse(SORTS.get(random.nextInt(SORTS.size()))).orElseThrow();
            int limit = 3 + random.nextInt(30);
            Optional<Cursor> after = Optional.empty();
            do {
                RecommendationQuery query = new RecommendationQuery(filter, sort, limit, after);
                List<String> chosen;
                try (Connection connection = dataSource.getConnection()) {
                    chosen = rows(connection, query, Optional.empty());
                    // A registry size of 0 is within any walk-rows: the counts and the walk alone.
                    assertEquals(chosen, rows(connection, query, Optional.of(0L)), "page of " + query);
                }
                pagesWithRecords += "null".equals(chosen.get(0).split("\t")[2]) ? 0 : 1;
                after = chosen.size() > limit ? Optional.of(cursor(sort, chosen.get(limit - 1))) : Optional.empty();
            } while (after.isPresent());
        }
        assertTrue(pagesWithRecords > QUERIES / 2, "the queries read pages of records, not mostly empty ones: "
                + pagesWithRecords);
    }

    /**
     * With records updated in earlier hours, days and months, an updatedSince page in any order but updatedAt's
     * may read the days since the date one by one (V90): for dates at, just after and at the start of the day of
     * each of those updates, with and without an addressee, in every order, the statement that chooses reads the
     * same first pages as the walk alone, and some of them day by day, on the day indexes.
     */
    @Test
    void shouldReadTheSamePagesDayByDayAsByWalking() throws SQLException {
        EarlierUpdates records = EarlierUpdates.create(dataSource, "test-page-days");
        try (Connection connection = dataSource.getConnection()) {
            long dayScans = dayIndexScans(connection, -1);
            for (OffsetDateTime stamp : records.stamps()) {
                for (OffsetDateTime since : List.of(stamp, stamp.plusNanos(1000), stamp.truncatedTo(ChronoUnit.DAYS))) {
                    for (List<String> addressees : List.of(List.<String>of(), List.of("DPRK"))) {
                        RecommendationFilter filter = new RecommendationFilter(addressees, List.of(), List.of(),
                                List.of(), Optional.empty(), Optional.of(since), Optional.empty(), List.of());
                        for (String sortParam : SORTS) {
                            SortOrder.Spec sort = SortOrder.Spec.parse(sortParam).orElseThrow();
                            Optional<Cursor> after = Optional.empty();
                            // The first pages: the walk to the end of the registry is the other test's.
                            for (int page = 0; page < 3; page++) {
                                RecommendationQuery query = new RecommendationQuery(filter, sort, 3, after);
                                List<String> chosen = rows(connection, query, Optional.empty());
                                assertEquals(chosen, rows(connection, query, Optional.of(0L)), "page of " + query);
                                if (chosen.size() <= 3) {
                                    break;
                                }
                                after = Optional.of(cursor(sort, chosen.get(2)));
                            }
                        }
                    }
                }
            }
            dayIndexScans(connection, dayScans);
        } finally {
            records.delete();
        }
    }

    /**
     * A page's counts are counted once however many of its gates read them: as of a date with a status, the
     * kept span edges are read twice (the total, and the spans started by the date that a read by status would
     * take), in every order.
     */
    @Test
    void shouldCountThePageOnce() throws SQLException, JsonProcessingException {
        RecommendationFilter filter = new RecommendationFilter(List.of(), List.of(Status.IMPLEMENTED), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.of(LocalDate.parse("2024-06-30")), List.of());
        try (Connection connection = dataSource.getConnection()) {
            for (String sortParam : SORTS) {
                RecommendationQuery query = new RecommendationQuery(filter,
                        SortOrder.Spec.parse(sortParam).orElseThrow(), 10, Optional.empty());
                SqlArgs args = new SqlArgs();
                String sql = RecommendationRows.pageSql(query, Optional.empty(), Optional.empty(), sparseMatches,
                        walkRows, args);
                try (PreparedStatement statement = connection.prepareStatement("explain (analyze, format json) " + sql)) {
                    args.bind(connection, statement);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        assertEquals(2, scansRun(new ObjectMapper().readTree(row.getString(1)), "era_edge_count"),
                                "span edge counts read by " + query);
                    }
                }
            }
        }
    }

    /**
     * A page since a date is planned for its date every time: read more often on one connection than the driver
     * and PostgreSQL take to plan a statement once for any values, it is never prepared on the server, where a
     * page with no date is. (Page sizes no other test uses, so that neither statement was prepared before.)
     */
    @Test
    void shouldPlanAPageSinceADateForItsDate() throws SQLException {
        RecommendationFilter since = new RecommendationFilter(List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.of(OffsetDateTime.parse("2014-01-01T00:00:00Z")), Optional.empty(), List.of());
        RecommendationFilter undated = new RecommendationFilter(List.of("DPRK"), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        SortOrder.Spec sort = SortOrder.Spec.parse("createdAt").orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(0, preparedBy(connection, new RecommendationQuery(since, sort, 41, Optional.empty())));
            assertEquals(1, preparedBy(connection, new RecommendationQuery(undated, sort, 43, Optional.empty())));
        }
    }

    /** How many more statements the connection has prepared on the server after reading the page 12 times. */
    private int preparedBy(Connection connection, RecommendationQuery query) throws SQLException {
        int before = preparedStatements(connection);
        for (int i = 0; i < 12; i++) {
            rows(connection, query, Optional.empty());
        }
        return preparedStatements(connection) - before;
    }

    private static int preparedStatements(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from pg_prepared_statements")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** How many nodes of a JSON plan that ran read the table {@code table}. */
    private static int scansRun(JsonNode node, String table) {
        int scans = table.equals(node.path("Relation Name").asText()) && node.path("Actual Loops").asLong() > 0 ? 1 : 0;
        for (JsonNode child : node.isArray() ? node : node.path("Plans")) {
            scans += scansRun(child.has("Plan") ? child.get("Plan") : child, table);
        }
        return scans;
    }

    /**
     * How many scans the day indexes have had, once more than {@code before}: statistics reach the view when
     * a backend flushes them, which it may put off for a while.
     */
    private static long dayIndexScans(Connection connection, long before) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (int attempt = 0; attempt < 50; attempt++) {
                sql.execute("select pg_stat_force_next_flush()");
                try (ResultSet row = sql.executeQuery("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes"
                        + " where indexrelname like 'recommendation_facet_day_%'")) {
                    row.next();
                    if (row.getLong(1) > before) {
                        return row.getLong(1);
                    }
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no page was read day by day");
    }

    /** Each row as total, records, id, sort key and body, tab-separated, in the statement's order. */
    private List<String> rows(Connection connection, RecommendationQuery query, Optional<Long> knownRecords)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = RecommendationRows.page(connection, query, Optional.empty(), knownRecords,
                     sparseMatches, walkRows);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Object key = row.getObject("sort_key");
                rows.add(String.join("\t", row.getString("total"), row.getString("records"), row.getString("id"),
                        key == null ? null : RecommendationService.keyText(key), row.getString("body")));
            }
        }
        return rows;
    }

    private static Cursor cursor(SortOrder.Spec sort, String row) {
        String[] columns = row.split("\t");
        return new Cursor(sort.param(), columns[3], columns[2]);
    }

    private static Arbitrary<RecommendationFilter> filters() {
        return Combinators.combine(
                Arbitraries.of(ADDRESSEES).list().uniqueElements().ofMaxSize(2),
                Arbitraries.of(STATUSES).list().uniqueElements().ofMaxSize(2),
                Arbitraries.of(SOURCES).list().uniqueElements().ofMaxSize(2).injectNull(0.6),
                Arbitraries.of(THEMES).list().uniqueElements().ofMaxSize(2).injectNull(0.6),
                Arbitraries.of(WORDS).injectNull(0.7),
                Arbitraries.of(SINCE).injectNull(0.8),
                Arbitraries.of(EVIDENCE_KINDS).list().uniqueElements().ofMaxSize(1).injectNull(0.8)
        ).as((addressees, statuses, sources, themes, q, since, evidenceKinds) -> new RecommendationFilter(
                addressees, statuses.stream().map(Status::fromWire).toList(), orEmpty(sources), orEmpty(themes),
                Optional.ofNullable(q), Optional.ofNullable(since).map(OffsetDateTime::parse), Optional.empty(),
                orEmpty(evidenceKinds).stream().map(EvidenceKind::fromWire).toList()));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
