package org.recsregistry.recommendation;

import org.postgresql.PGStatement;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.recommendation.dto.LinkView;
import org.recsregistry.recommendation.dto.StatusEventView;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.SourceKind;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads recommendations in one statement, nothing lazily or in further batches. A list page reads
 * its keys from recommendation_facet and each record's stored JSON. The export, and a page as of a
 * date, read complete rows: each carries its source, its addressees with their statuses (as of the
 * date when asked), its themes and, for the export, its outgoing links, as arrays.
 */
public final class RecommendationRows {

    /** The columns {@link #read} reads. */
    private static final String COLUMNS = "r.id, r.source_id, s.title as source_title, s.kind as source_kind, r.locator, r.text, r.text_verified,"
            + " r.summary, r.overall_status, r.created_at, r.updated_at, r.version, a.codes as addressee_codes,"
            + " a.names as addressee_names, a.statuses as addressee_statuses, a.since as addressee_since,"
            + " t.codes as theme_codes";

    /**
     * The counts of a page's statement (its CTE c), as the branches' gates read them. c is materialized, so that
     * it is planned and counted once, and a gate reads it through a scalar subquery, a parameter set once, so
     * that the gate stays a one-time filter and a branch that does not fit the counts never runs. Inlined, c was
     * copied into each gate that read c.total: at 1M, the status-as-of-a-date statement took 25 ms to plan and
     * 35 to run on a connection's first read, now 10 and 16. Materialized but read as c.total, the gates had
     * become filters on each row (docs/benchmarks.md, "twenty-second round").
     */
    private static final String COUNT_TOTAL = "(select total from c)";
    private static final String COUNT_RECORDS = "(select records from c)";

    /** One recommendation as read; with asOf, its addressees' statuses and overall status as of that date. */
    public record Row(String id, String sourceId, String sourceTitle, SourceKind sourceKind, String locator,
                      String text, boolean textVerified, String summary, Status overallStatus,
                      List<AddresseeStatus> addressees, List<String> themes, Instant createdAt,
                      Instant updatedAt, long version) {
    }

    /** An outgoing link, as {@link #all} reads them. */
    public record Link(LinkRelation relation, String target) {
    }

    private RecommendationRows() {
    }

    /**
     * A forward-only statement over every match, by id, with each record's outgoing links and, per addressee,
     * the evidence of the event behind its status (columns evidence_kinds, evidence_dates,
     * evidence_precisions, evidence_urls). PostgreSQL's driver only keeps a server-side cursor (instead of
     * reading every row into memory) when autocommit is off.
     */
    public static PreparedStatement all(Connection connection, RecommendationFilter filter, int fetchSize)
            throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = "select " + COLUMNS + ", l.relations as link_relations, l.targets as link_targets"
                + ", a.kinds as evidence_kinds, a.dates as evidence_dates, a.precisions as evidence_precisions,"
                + " a.urls as evidence_urls"
                + FilterSql.FROM + joins(filter.asOf(), args, true)
                + " left join lateral (select array_agg(k.relation order by k.id) as relations,"
                + " array_agg(k.to_id order by k.id) as targets"
                + " from recommendation_link k where k.from_id = r.id) l on true"
                + FilterSql.where(filter, args) + " order by r.id";
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        // Rows in binary: pgjdbc then reads a text[] element by element instead of parsing its text form
        // through a StringBuilder each, which was two fifths of what an export allocated. A negative
        // threshold is pgjdbc's switch for binary rows from a statement's first execution.
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        args.bind(connection, statement);
        return statement;
    }

    /**
     * One page and the total in one statement: {@code total} on every row (one row with no record when
     * the page is empty), then the page's records with their sort key, each with its {@code body}, the
     * JSON the list serves, kept by the database on the record's facet row; with asOf, also the addressees'
     * statuses as of that date, which {@link #itemAsOf} puts into that JSON. {@code knownTotal} skips the count.
     * <p>
     * The count also picks the plan, in the statement: the branch of the union that does not fit it
     * is never run. The page walks the sort's index and stops at the page's end when there are
     * {@code sparseMatches} matches or more, or when the walk is short anyway: it reads about
     * (limit + 1) × records / matches rows, and never more than every record, so when that is at most
     * {@code walkRows}. Otherwise it reads every match (through the combinations that match, see
     * {@link FilterSql#byCombination} and {@link FilterSql#clausesByCombination}) and keeps the first of them in
     * the sort's order. Reading every match costs more per row than a walk does, and on a small registry it
     * is a scan of the whole table (docs/benchmarks.md, "twelfth round").
     * <p>
     * An updatedSince page in an order other than updatedAt's may walk for long: where the sort's keys follow
     * the records' age, every record updated before the date comes before the first match (2.6 s at 1M). When
     * the walk is chosen and the days since the date with matches (counted from facet_period_count, column
     * {@code days}) are few enough that a page's worth from each is at most sparseMatches rows, the page reads
     * instead a page's worth from each of those days on the day indexes of V90, and keeps the first of them.
     * <p>
     * Every row also carries {@code records}, the number of live records. When the caller knows that
     * number for the current revision ({@code knownRecords}) and it is at most {@code walkRows}, the walk
     * always wins, so the statement is the counts and the walk alone: the branch that never runs cost
     * PostgreSQL a tenth of its work for the page (docs/benchmarks.md, "eighteenth round"). Which of the
     * two statements reads a page changes how fast it is read, never what is read.
     */
    static PreparedStatement page(Connection connection, RecommendationQuery query, Optional<Long> knownTotal,
                                  Optional<Long> knownRecords, long sparseMatches, long walkRows)
            throws SQLException {
        SqlArgs args = new SqlArgs();
        PreparedStatement statement = connection.prepareStatement(
                pageSql(query, knownTotal, knownRecords, sparseMatches, walkRows, args));
        if (query.filter().updatedSince().isPresent()) {
            // Planned for its values at every execution, never prepared on the server: from its sixth execution
            // on a connection, PostgreSQL may plan a prepared statement once for any values, and without the date
            // it guesses that a third of the registry was updated since it. At 1M, a page since a recent date in
            // an order other than id's or updatedAt's then read the whole facet table for 87 matches (1 s).
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        args.bind(connection, statement);
        return statement;
    }

    /** The text of {@link #page}'s statement; its values are added to {@code args}. */
    static String pageSql(RecommendationQuery query, Optional<Long> knownTotal, Optional<Long> knownRecords,
                          long sparseMatches, long walkRows, SqlArgs args) {
        RecommendationFilter filter = query.filter();
        SortOrder.Spec sort = query.sort();
        String direction = sort.descending() ? " desc" : " asc";
        // The limit is written out, not bound: with it in sight, PostgreSQL's generic plan for the
        // statement is as cheap as a custom one, so after a few executions it stops planning it anew.
        String order = " order by sort_key" + direction + ", id" + direction + " limit " + (query.limit() + 1);
        String counts = knownTotal.isPresent()
                ? "select cast(" + args.add(knownTotal.get()) + " as bigint), coalesce(sum(n.matches), 0)"
                        + " from facet_count n"
                : FilterSql.counts(filter, args);
        String shortWalk = "(" + COUNT_RECORDS + " <= " + walkRows + " or " + (query.limit() + 1) + " * "
                + COUNT_RECORDS + " <= " + walkRows + " * " + COUNT_TOTAL + ")";
        boolean asOf = filter.asOf().isPresent();
        boolean walkAlone = !asOf && knownRecords.isPresent() && knownRecords.get() <= walkRows;
        // Read day by day, a page's worth from each day, when that reads at most about sparseMatches rows.
        long mostDays = FilterSql.readsByDay(filter, sort) && !walkAlone ? sparseMatches / (query.limit() + 1) : 0;
        if (mostDays > 0) {
            counts = "select x.*, d.days from (" + counts + ") x cross join (select count(*) as days from ("
                    + FilterSql.updatedDays(filter, args, mostDays + 1) + ") y) d";
        }
        String pageRows;
        if (walkAlone) {
            // The walk alone, ungated.
            pageRows = keys(query, FilterSql.keysFrom(filter), FilterSql.clausesForWalk(filter, args), "", args,
                    ", f.body") + order;
        } else {
            String walkGate = "(" + COUNT_TOTAL + " >= " + sparseMatches + " or " + COUNT_TOTAL + " >= 1 and "
                    + shortWalk + ")";
            String byDayGate = walkGate + " and (select days from c) <= " + mostDays;
            List<String> branches = new ArrayList<>();
            // The walk reads each body on the facet row it stops at.
            branches.add(keys(query, FilterSql.keysFrom(filter), FilterSql.clausesForWalk(filter, args),
                    mostDays > 0 ? walkGate + " and not (" + byDayGate + ")" : walkGate, args,
                    ", f.body") + order);
            if (mostDays > 0) {
                String days = FilterSql.updatedDays(filter, args, mostDays);
                List<String> clauses = FilterSql.clausesForWalk(filter, args);
                clauses.add(FilterSql.onDay("d.period"));
                branches.add("select k.* from (" + days + ") d cross join lateral ("
                        + keys(query, FilterSql.keysFrom(filter), clauses, "", args, ", f.body") + order
                        + ") k where " + byDayGate + order);
            }
            String gate = COUNT_TOTAL + " between 1 and " + (sparseMatches - 1) + " and not " + shortWalk;
            if (FilterSql.choosesByStatuses(filter)) {
                // Every match, from whichever of its facets and its statuses as of the date has fewer rows to read.
                branches.add(gather(query, FilterSql.keysFrom(filter),
                        FilterSql.clausesByCombination(filter, args, FilterSql.EraRead.PROBE),
                        gate + " and (select by_facets - by_statuses from c) <= 0", args, order));
                branches.add(gather(query, FilterSql.keysFrom(filter),
                        FilterSql.clausesByCombination(filter, args, FilterSql.EraRead.DRIVE),
                        gate + " and (select by_facets - by_statuses from c) > 0", args, order));
            } else if (FilterSql.readsByCombination(filter)) {
                branches.add(gather(query, FilterSql.byCombination(filter, args), new ArrayList<>(), gate, args, order));
            } else {
                branches.add(gather(query, FilterSql.keysFrom(filter),
                        FilterSql.clausesByCombination(filter, args, FilterSql.EraRead.PROBE), gate, args, order));
            }
            pageRows = "(" + String.join(") union all (", branches) + ")";
        }
        return "with c(total, records" + (FilterSql.choosesByStatuses(filter)
                ? ", by_facets, by_statuses" : "") + (mostDays > 0 ? ", days" : "") + ") as materialized (" + counts + ")"
                + " select c.total, c.records, k.sort_key, k.id, k.body::text as body"
                + (asOf ? ", a.statuses as addressee_statuses, a.items as addressee_items" : "")
                + " from c left join lateral (" + pageRows + ") k on true"
                + filter.asOf().map(date -> addresseesAsOf(args.add(date))).orElse("")
                + " order by k.sort_key" + direction + ", k.id" + direction;
    }

    /**
     * One recommendation, deleted or not, in one statement: a row per status event of its history (those
     * effective on or before asOf when given), oldest first, or one row without an event. Each row has the
     * columns of {@link #read} (statuses as of the date with asOf), {@code deleted_at}, the source's
     * {@code published_date} and {@code date_precision}, the links in both directions as arrays (outgoing
     * first, each way by id, as {@link #detailLinks} reads them) and the event's columns
     * ({@link #event} reads them). No rows when there is no such record.
     */
    static PreparedStatement detail(Connection connection, String id, Optional<LocalDate> asOf) throws SQLException {
        SqlArgs args = new SqlArgs();
        String sql = "select " + COLUMNS + ", r.deleted_at, s.published_date, s.date_precision,"
                + " l.relations as link_relations, l.directions as link_directions, l.others as link_others,"
                + " l.summaries as link_summaries, se.id as event_id, se.addressee_code as event_addressee,"
                + " se.from_status, se.to_status, se.effective_date, se.confidence, se.evidence_title,"
                + " se.evidence_publisher, se.evidence_kind, se.evidence_date, se.evidence_date_precision,"
                + " se.evidence_url, se.evidence_excerpt, se.note, se.corrects_event_id, se.recorded_at"
                + " from recommendation r" + joins(asOf, args, false)
                + " left join lateral (select array_agg(x.relation order by x.direction desc, x.id) as relations,"
                + " array_agg(x.direction order by x.direction desc, x.id) as directions,"
                + " array_agg(x.other order by x.direction desc, x.id) as others,"
                + " array_agg(o.summary order by x.direction desc, x.id) as summaries"
                + " from (select k.id, k.relation, 'outgoing' as direction, k.to_id as other from recommendation_link k"
                + " where k.from_id = r.id union all select k.id, k.relation, 'incoming', k.from_id"
                + " from recommendation_link k where k.to_id = r.id) x join recommendation o on o.id = x.other) l on true"
                + " left join status_event se on se.recommendation_id = r.id"
                + asOf.map(date -> " and se.effective_date <= " + args.add(date)).orElse("")
                + " where r.id = " + args.add(id) + " order by se.effective_date, se.id";
        PreparedStatement statement = connection.prepareStatement(sql);
        args.bind(connection, statement);
        return statement;
    }

    /** The links of the current row of {@link #detail}, in both directions. */
    static List<LinkView> detailLinks(ResultSet row) throws SQLException {
        String[] relations = strings(row.getArray("link_relations"));
        String[] directions = strings(row.getArray("link_directions"));
        String[] others = strings(row.getArray("link_others"));
        String[] summaries = strings(row.getArray("link_summaries"));
        List<LinkView> links = new ArrayList<>(relations.length);
        for (int i = 0; i < relations.length; i++) {
            links.add(new LinkView(LinkRelation.fromWire(relations[i]), directions[i], others[i], summaries[i]));
        }
        return links;
    }

    /** The status event of the current row of {@link #detail}; empty on the row of a record without one. */
    static Optional<StatusEventView> event(ResultSet row) throws SQLException {
        long id = row.getLong("event_id");
        if (row.wasNull()) {
            return Optional.empty();
        }
        String fromStatus = row.getString("from_status");
        String evidenceKind = row.getString("evidence_kind");
        String precision = row.getString("evidence_date_precision");
        long corrects = row.getLong("corrects_event_id");
        Long correctsId = row.wasNull() ? null : corrects;
        return Optional.of(new StatusEventView(id, row.getString("event_addressee"),
                fromStatus == null ? null : Status.fromWire(fromStatus), Status.fromWire(row.getString("to_status")),
                row.getObject("effective_date", LocalDate.class), Confidence.fromWire(row.getString("confidence")),
                new StatusEventView.Evidence(row.getString("evidence_title"), row.getString("evidence_publisher"),
                        evidenceKind == null ? null : EvidenceKind.fromWire(evidenceKind),
                        row.getObject("evidence_date", LocalDate.class),
                        precision == null ? null : DatePrecision.fromWire(precision), row.getString("evidence_url"),
                        row.getString("evidence_excerpt")),
                row.getString("note"), correctsId, instant(row, "recorded_at")));
    }

    /**
     * Every match's key when {@code gate} holds, then the top of them in the page's order, then the bodies of
     * that top alone. offset 0 keeps the subquery apart, planned without the order.
     */
    private static String gather(RecommendationQuery query, String from, List<String> clauses, String gate,
                                 SqlArgs args, String order) {
        return "select p.*, (select b.body from recommendation_facet b where b.recommendation_id = p.id) as body"
                + " from (select * from ("
                + keys(query, from, clauses, gate, args, "") + " offset 0) m" + order + ") p";
    }

    /**
     * The ids and sort keys (and {@code columns}) of the rows that meet {@code clauses}, after the cursor,
     * when {@code gate} holds (always when it is empty).
     */
    private static String keys(RecommendationQuery query, String from, List<String> clauses, String gate,
                               SqlArgs args, String columns) {
        String column = query.sort().key().column;
        query.after().ifPresent(cursor -> clauses.add("(" + column + ", f.recommendation_id) "
                + (query.sort().descending() ? "<" : ">") + " ("
                + args.add(query.sort().key().isTimestamp() ? OffsetDateTime.parse(cursor.key()) : cursor.key())
                + ", " + args.add(cursor.id()) + ")"));
        if (!gate.isEmpty()) {
            clauses.add(gate);
        }
        return "select f.recommendation_id as id, " + column + " as sort_key" + columns + from
                + (clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses));
    }

    /**
     * Beside each record k of a page as of a date: its addressees' statuses as of that date ({@code date}, a
     * placeholder) in code order, and the addressees as the list's JSON writes them (V60's recommendation_json),
     * with those statuses and the dates of the events that set them, for {@link #itemAsOf}.
     */
    private static String addresseesAsOf(String date) {
        return " left join lateral (select array_agg(" + AsOfSql.STATUS + " order by ra.addressee_code) as statuses,"
                + " string_agg('{\"code\":' || to_json(ra.addressee_code)::text || ',\"name\":' || to_json(ad.name)::text"
                + " || ',\"status\":' || to_json(" + AsOfSql.STATUS + ")::text"
                + " || ',\"statusSince\":' || coalesce(to_json(e.effective_date)::text, 'null') || '}', ','"
                + " order by ra.addressee_code) as items"
                + " from recommendation_addressee ra join addressee ad on ad.code = ra.addressee_code"
                + AsOfSql.latestEvent("ra", date) + " where ra.recommendation_id = k.id) a on true";
    }

    /**
     * The list's JSON of the current row of a page as of a date: the record's stored JSON with its overall status
     * and addressees as they then stood, spliced in where the stored ones are. A JSON string escapes its quotes,
     * so the keys found are the record's own, never text inside a value.
     */
    static byte[] itemAsOf(ResultSet row) throws SQLException {
        String body = row.getString("body");
        Status overall = Status.overall(Arrays.stream(strings(row.getArray("addressee_statuses")))
                .map(Status::fromWire).toList());
        int from = body.indexOf(",\"overallStatus\":");
        int to = body.indexOf(",\"themes\":[", from);
        String items = row.getString("addressee_items");
        return (body.substring(0, from) + ",\"overallStatus\":\"" + overall.wire() + "\",\"addressees\":["
                + (items == null ? "" : items) + "]" + body.substring(to)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The source and the arrays of addressees (with statuses now or as of the filter's date, and with
     * {@code evidence}, the evidence of the event behind each status) and themes.
     */
    private static String joins(Optional<LocalDate> asOf, SqlArgs args, boolean evidence) {
        // Orders match the entity mappings (addressees and themes by code, links by id).
        String status = asOf.isPresent() ? AsOfSql.STATUS : "ra.status";
        String since = asOf.isPresent() ? "e.effective_date" : "ra.status_since";
        String latest = asOf.isPresent() || evidence
                ? AsOfSql.latestEvent("ra", asOf.map(args::add).orElse(AsOfSql.ANY_DATE)) : "";
        String evidenceArrays = evidence ? ", array_agg(e.evidence_kind order by ra.addressee_code) as kinds,"
                + " array_agg(e.evidence_date::text order by ra.addressee_code) as dates,"
                + " array_agg(e.evidence_date_precision order by ra.addressee_code) as precisions,"
                + " array_agg(e.evidence_url order by ra.addressee_code) as urls" : "";
        return " left join source s on s.id = r.source_id"
                + " left join lateral (select array_agg(ra.addressee_code order by ra.addressee_code) as codes,"
                + " array_agg(ad.name order by ra.addressee_code) as names,"
                + " array_agg(" + status + " order by ra.addressee_code) as statuses,"
                + " array_agg(" + since + "::text order by ra.addressee_code) as since" + evidenceArrays
                + " from recommendation_addressee ra join addressee ad on ad.code = ra.addressee_code" + latest
                + " where ra.recommendation_id = r.id) a on true"
                + " left join lateral (select array_agg(rt.theme_code order by rt.theme_code) as codes"
                + " from recommendation_theme rt where rt.recommendation_id = r.id) t on true";
    }

    /** The record of the current row; null on the empty row of an empty page. */
    public static Row read(ResultSet row, boolean asOf) throws SQLException {
        String id = row.getString("id");
        if (id == null) {
            return null;
        }
        String[] codes = strings(row.getArray("addressee_codes"));
        String[] names = strings(row.getArray("addressee_names"));
        String[] statuses = strings(row.getArray("addressee_statuses"));
        String[] since = strings(row.getArray("addressee_since"));
        List<AddresseeStatus> addressees = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            addressees.add(new AddresseeStatus(codes[i], names[i], Status.fromWire(statuses[i]),
                    since[i] == null ? null : LocalDate.parse(since[i])));
        }
        Status overall = asOf ? Status.overall(addressees.stream().map(AddresseeStatus::status).toList())
                : Status.fromWire(row.getString("overall_status"));
        return new Row(id, row.getString("source_id"), row.getString("source_title"),
                SourceKind.fromWire(row.getString("source_kind")), row.getString("locator"), row.getString("text"),
                row.getBoolean("text_verified"), row.getString("summary"), overall, addressees,
                List.of(strings(row.getArray("theme_codes"))), instant(row, "created_at"),
                instant(row, "updated_at"), row.getLong("version"));
    }

    /** The outgoing links of the current row of {@link #all}. */
    public static List<Link> links(ResultSet row) throws SQLException {
        String[] relations = strings(row.getArray("link_relations"));
        String[] targets = strings(row.getArray("link_targets"));
        List<Link> links = new ArrayList<>(relations.length);
        for (int i = 0; i < relations.length; i++) {
            links.add(new Link(LinkRelation.fromWire(relations[i]), targets[i]));
        }
        return links;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A text array; array_agg over no rows gives null, read as empty. */
    public static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
