package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link RecommendationFilter} to SQL: the one place where a filter's meaning is written.
 * Facet clauses read alias {@code f}, which may be {@code recommendation_facet} (one row per live
 * record) or one of the kept counts ({@code facet_count}, one row per combination with its number of
 * records, or the counts per period of V80); the other clauses read the facet row f, and the full text
 * the {@code recommendation} row r joined to it.
 */
final class FilterSql {

    /** The records that match: recommendation r joined with its facet f (which only live records have). */
    static final String FROM = " from recommendation r join recommendation_facet f on f.recommendation_id = r.id";

    /** How many live records there are, as a scalar subquery; facet_count has a row per combination, not per record. */
    static final String RECORDS = "(select coalesce(sum(n.matches), 0) from facet_count n)";

    private FilterSql() {
    }

    /**
     * The facets alone, so that a page walks one table; joined with their records (alias r) when the
     * full text filters, which only the record carries.
     */
    static String keysFrom(RecommendationFilter filter) {
        return filter.text().isEmpty() ? " from recommendation_facet f"
                : " from recommendation_facet f join recommendation r on r.id = f.recommendation_id";
    }

    /**
     * The conditions of the filter for reading every match: its facet clauses turned into the
     * combinations of facet_count that match them, which the combination index of recommendation_facet
     * turns into the matching rows alone: two large sets that hardly overlap (status=rejected and
     * theme=right-to-food) are found without reading either, where the facets' own indexes would read both.
     * {@code read} says how the statuses as of a date are read.
     */
    static List<String> clausesByCombination(RecommendationFilter filter, SqlArgs args, EraRead read) {
        List<String> facets = facetClauses(filter, args);
        List<String> clauses = new ArrayList<>();
        if (!facets.isEmpty()) {
            // The subquery's f is facet_count, whose columns have the same names as recommendation_facet's.
            clauses.add("(f.source_id, f.overall_status, f.pairs, f.themes) in"
                    + " (select f.source_id, f.overall_status, f.pairs, f.themes from facet_count f where "
                    + String.join(" and ", facets) + ")");
        }
        clauses.addAll(recordClauses(filter, args, read));
        return clauses;
    }

    /**
     * Whether the rows of the combinations that match the filter's facets are its matches, or those of them in
     * its updatedSince range: then {@link #byCombination} reads them, and no more, combination by combination.
     */
    static boolean readsByCombination(RecommendationFilter filter) {
        return filter.countedFromKeptCounts() && (filter.asOf().isEmpty() || filter.statuses().isEmpty());
    }

    /**
     * The FROM of every match of a filter that {@link #readsByCombination}: each combination of facet_count that
     * meets the facet clauses, then its facet rows (alias f) on the combination index, bounded by the
     * updatedSince date where there is one. In a lateral, so that PostgreSQL cannot join the two another way: as
     * a semi-join ({@link #clausesByCombination}), it took the 79 combinations of the sources published by
     * 2019-01-01 for all 1M facet rows, and hashed them all to keep 81 (650-1,170 ms at 1M).
     */
    static String byCombination(RecommendationFilter filter, SqlArgs args) {
        List<String> clauses = new ArrayList<>(List.of("f.source_id = combination.source_id",
                "f.overall_status = combination.overall_status", "f.pairs = combination.pairs",
                "f.themes = combination.themes"));
        String combinations = "select f.source_id, f.overall_status, f.pairs, f.themes from facet_count f where true"
                + and(facetClauses(filter, args));
        clauses.addAll(recordClauses(filter, args, EraRead.PROBE));
        // The id and every sort key: a page's keys read its own from the lateral's rows.
        String columns = Arrays.stream(SortOrder.values()).map(key -> key.column).collect(Collectors.joining(", "));
        return " from (" + combinations + ") combination cross join lateral (select " + columns
                + " from recommendation_facet f where " + String.join(" and ", clauses) + " offset 0) f";
    }

    /** {@code " where ..."} over {@link #FROM}, or an empty string when nothing filters. */
    static String where(RecommendationFilter filter, SqlArgs args) {
        List<String> clauses = facetClauses(filter, args);
        clauses.addAll(recordClauses(filter, args, EraRead.JOIN));
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /**
     * The conditions of the filter for walking a sort's index: the facet clauses inside
     * {@code coalesce(…, false)}, which is not indexable, so that the planner cannot trade the walk for
     * reading every match; the count has already chosen the walk. PostgreSQL cannot estimate such an
     * expression and guesses that half the rows match, whatever the values. It therefore walks the
     * index on a small table too, and its plan for the values is never cheaper than its generic plan, so
     * it stops planning the statement anew. With {@code (…) is true} it estimated from the values, or 1%
     * of the rows without them: it scanned and sorted a table of 1,087 records, and at 100k records it
     * planned every execution (docs/benchmarks.md, "twelfth round").
     */
    static List<String> clausesForWalk(RecommendationFilter filter, SqlArgs args) {
        List<String> facets = facetClauses(filter, args);
        List<String> clauses = new ArrayList<>();
        if (!facets.isEmpty()) {
            clauses.add("coalesce(" + String.join(" and ", facets) + ", false)");
        }
        clauses.addAll(recordClauses(filter, args, EraRead.PROBE));
        return clauses;
    }

    /**
     * One row: the exact number of matches, and of live records, from counts kept as the records are
     * written (V30 and V80) unless the filter has full text, an evidence kind, or both updatedSince and
     * asOf: those are counted match by match. The kept counts are read whole or by period, so a count
     * costs the number of combinations the registry has, not the number of records.
     */
    static String counts(RecommendationFilter filter, SqlArgs args) {
        if (!filter.countedFromKeptCounts()) {
            return "select count(*), " + RECORDS + FROM + where(filter, args);
        }
        if (filter.updatedSince().isPresent()) {
            return "select " + matchesUpdatedSince(filter, filter.updatedSince().get(), args) + ", " + RECORDS;
        }
        if (choosesByStatuses(filter)) {
            return "select " + matchesAsOf(filter, filter.asOf().get(), args) + ", " + RECORDS
                    + ", (select coalesce(sum(f.matches), 0) from facet_count f where true"
                    + and(facetClauses(filter, args)) + "), " + startedAsOf(filter, filter.asOf().get(), args);
        }
        List<String> clauses = facetClauses(filter, args);
        return "select coalesce(sum(f.matches)" + (clauses.isEmpty() ? "" : " filter (where "
                + String.join(" and ", clauses) + ")") + ", 0), coalesce(sum(f.matches), 0) from facet_count f";
    }

    /**
     * The records updated at or after {@code since} that meet the facet clauses: those from since to the end of
     * its UTC hour counted one by one (none when since is on the hour), then the kept counts of the whole hours,
     * days and months after it (V80), each period read at the coarsest level that starts on or after since.
     */
    private static String matchesUpdatedSince(RecommendationFilter filter, OffsetDateTime since, SqlArgs args) {
        OffsetDateTime utc = since.withOffsetSameInstant(ZoneOffset.UTC);
        // A date on the hour starts a whole hour, which the kept counts hold: counted one by one, its hour read
        // each of its records' facet rows (3,600 at 1M, 25 ms on a first read). Likewise a whole day or month
        // is read as one row per combination, not 24 or about 30: since midnight, a day read by the hour took
        // 82 pages of the kept counts at 1M, read from disk on a first read after a load (9 ms).
        OffsetDateTime hour = startOnOrAfter(utc, ChronoUnit.HOURS);
        OffsetDateTime day = startOnOrAfter(hour, ChronoUnit.DAYS);
        OffsetDateTime month = day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
        // The facet clauses inside coalesce, as in a walk (clausesForWalk), so that the hour is read on the
        // updated_at index alone: with a theme's own index beside it, PostgreSQL read all 125k of that
        // theme's entries to count 450 rows.
        String inHour = "(select count(*) from recommendation_facet f where f.updated_at >= " + args.add(since)
                + " and f.updated_at < " + args.add(hour);
        List<String> facets = facetClauses(filter, args);
        inHour += (facets.isEmpty() ? "" : " and coalesce(" + String.join(" and ", facets) + ", false)") + ")";
        return inHour + " + (select coalesce(sum(f.matches), 0) from facet_period_count f where ("
                + "f.level = 'hour' and f.period >= " + args.add(hour) + " and f.period < " + args.add(day)
                + " or f.level = 'day' and f.period >= " + args.add(day) + " and f.period < " + args.add(month)
                + " or f.level = 'month' and f.period >= " + args.add(month) + ")" + and(facetClauses(filter, args))
                + ")";
    }

    /** The start of the first UTC hour or day ({@code unit}) that starts at or after {@code time}. */
    private static OffsetDateTime startOnOrAfter(OffsetDateTime time, ChronoUnit unit) {
        OffsetDateTime start = time.truncatedTo(unit);
        return start.equals(time) ? time : start.plus(1, unit);
    }

    /**
     * Whether a page of the filter in this order may read the records updated since the date day by day, on
     * the day indexes of V90: an updatedSince page in any order but updatedAt's, whose own index reads the
     * date's range directly.
     */
    static boolean readsByDay(RecommendationFilter filter, SortOrder.Spec sort) {
        return filter.updatedSince().isPresent() && sort.key() != SortOrder.UPDATED_AT;
    }

    /**
     * The UTC days, from that of the filter's updatedSince on, that have records meeting its facet clauses, at
     * most {@code most} of them (column {@code period}, each day's start), read from facet_period_count.
     */
    static String updatedDays(RecommendationFilter filter, SqlArgs args, long most) {
        OffsetDateTime day = filter.updatedSince().orElseThrow().withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS);
        return "select distinct f.period from facet_period_count f where f.level = 'day' and f.period >= "
                + args.add(day) + and(facetClauses(filter, args)) + " order by f.period limit " + most;
    }

    /** A facet row f of the day {@code period} of {@link #updatedDays}, as the day indexes of V90 read it. */
    static String onDay(String period) {
        return "(timezone('UTC', f.updated_at))::date = (timezone('UTC', " + period + "))::date";
    }

    /**
     * The records whose statuses as they stood at the end of {@code date} meet the filter: the spans that
     * started by then less those that ended by then, read from the kept counts per year, month and day (V80).
     */
    private static String matchesAsOf(RecommendationFilter filter, LocalDate date, SqlArgs args) {
        return "(select coalesce(sum(f.starts - f.ends), 0) from era_edge_count f where " + upTo(date, args)
                + and(facetClauses(filter, args)) + " and " + statusesAsOf(filter, "f", args) + ")";
    }

    /** The rows of era_edge_count f whose edges fall on or before {@code date}, each edge read at one level. */
    private static String upTo(LocalDate date, SqlArgs args) {
        LocalDate year = date.withDayOfYear(1);
        LocalDate month = date.withDayOfMonth(1);
        return "(f.level = 'year' and f.period < " + args.add(year)
                + " or f.level = 'month' and f.period >= " + args.add(year) + " and f.period < " + args.add(month)
                + " or f.level = 'day' and f.period >= " + args.add(month) + " and f.period <= " + args.add(date) + ")";
    }

    /**
     * How many spans that may hold on {@code date} with the filter's statuses a page would read by their
     * statuses (recommendation_era_mask_idx): those started by then with a mask that has one of the statuses.
     */
    private static String startedAsOf(RecommendationFilter filter, LocalDate date, SqlArgs args) {
        return "(select coalesce(sum(f.starts), 0) from era_edge_count f where " + upTo(date, args)
                + " and f.mask = any(" + args.add(indexedMasks(filter)) + "::int[]))";
    }

    /**
     * Whether a page of the filter has two ways to read every match, by their facets or by their statuses
     * as of the date; its counts then have two more columns, how many rows each way would read
     * ({@code by_facets}, {@code by_statuses}).
     */
    static boolean choosesByStatuses(RecommendationFilter filter) {
        return filter.countedFromKeptCounts() && filter.updatedSince().isEmpty() && filter.asOf().isPresent()
                && !filter.statuses().isEmpty();
    }

    /**
     * The masks of the spans where the filter's statuses may hold: without addressees, those whose overall
     * status is one of them; with addressees, every mask that has one of them.
     */
    private static List<String> indexedMasks(RecommendationFilter filter) {
        return (filter.addressees().isEmpty() ? StatusSet.masksWithOverall(filter.statuses())
                : StatusSet.masksWithAny(filter.statuses())).stream().map(String::valueOf).toList();
    }

    private static String and(List<String> clauses) {
        return clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
    }

    private static List<String> facetClauses(RecommendationFilter filter, SqlArgs args) {
        List<String> clauses = new ArrayList<>();
        List<String> statuses = filter.statuses().stream().map(Status::wire).toList();
        boolean statusesNow = filter.asOf().isEmpty() && !statuses.isEmpty();
        if (!filter.addressees().isEmpty() && statusesNow) {
            // With addressees, a status filter applies to those addressees' own statuses.
            List<String> pairs = filter.addressees().stream()
                    .flatMap(code -> statuses.stream().map(status -> code + ':' + status)).toList();
            clauses.add("f.pairs && " + args.add(pairs));
        } else if (!filter.addressees().isEmpty() && statuses.isEmpty()) {
            clauses.add("f.addressees && " + args.add(filter.addressees()));
        } else if (statusesNow) {
            clauses.add("f.overall_status = any(" + args.add(statuses) + ")");
        }
        if (!filter.sources().isEmpty()) {
            clauses.add("f.source_id = any(" + args.add(filter.sources()) + ")");
        }
        if (!filter.themes().isEmpty()) {
            clauses.add("f.themes && " + args.add(filter.themes()));
        }
        filter.asOf().ifPresent(date -> clauses.add(AsOfSql.published("f", args.add(date))));
        return clauses;
    }

    /**
     * How the statuses as of a date are read for each facet row: as a join, left to the planner (the export,
     * which reads every match); as a probe of the row's spans, one index lookup per row (a walk, or the
     * rows of the matching combinations); or the other way round, the spans with the statuses first, found
     * on their mask, then their facet rows. Written as a scalar subquery and as an array, the last two
     * cannot be turned into a join: PostgreSQL estimated the rows of the matching combinations at 1M where
     * there were 78, and hashed the 921k spans of their statuses to find 63 of them (979 ms).
     */
    enum EraRead { JOIN, PROBE, DRIVE }

    /**
     * The clauses that the kept counts cannot answer, on the facet row f (and the record r for the full text).
     */
    private static List<String> recordClauses(RecommendationFilter filter, SqlArgs args, EraRead read) {
        List<String> clauses = new ArrayList<>();
        filter.asOf().ifPresent(date -> {
            if (!filter.statuses().isEmpty()) {
                clauses.add(switch (read) {
                    case JOIN -> "exists (select 1 from recommendation_era e where e.recommendation_id = f.recommendation_id"
                            + " and e.valid_from <= " + args.add(date) + " and e.valid_until > " + args.add(date)
                            + " and " + statusesAsOf(filter, "e", args) + ")";
                    case PROBE -> "coalesce((select true from recommendation_era e"
                            + " where e.recommendation_id = f.recommendation_id and e.valid_from <= " + args.add(date)
                            + " and e.valid_until > " + args.add(date) + " and " + statusesAsOf(filter, "e", args)
                            + " limit 1), false)";
                    case DRIVE -> "f.recommendation_id = any(array(select e.recommendation_id from recommendation_era e"
                            + " where e.mask = any(" + args.add(indexedMasks(filter)) + "::int[]) and e.valid_from <= "
                            + args.add(date) + " and e.valid_until > " + args.add(date) + " and "
                            + statusesAsOf(filter, "e", args) + "))";
                });
            }
        });
        filter.text().ifPresent(q -> clauses.add("r.search @@ websearch_to_tsquery('english', " + args.add(q) + ")"));
        filter.updatedSince().ifPresent(since -> clauses.add("f.updated_at >= " + args.add(since)));
        if (!filter.evidenceKinds().isEmpty()) {
            String latest = AsOfSql.latestEvent("ra", filter.asOf().map(args::add).orElse(AsOfSql.ANY_DATE));
            clauses.add("exists (select 1 from recommendation_addressee ra" + latest
                    + " where ra.recommendation_id = f.recommendation_id and e.evidence_kind = any("
                    + args.add(filter.evidenceKinds().stream().map(EvidenceKind::wire).toList()) + "))");
        }
        return clauses;
    }

    /**
     * The status filter on the statuses as they stood, on a row with alias {@code alias} of recommendation_era
     * or era_edge_count: with addressees, theirs ({@code pairs}); without, the overall status of the
     * statuses' set ({@code mask}, see {@link StatusSet}).
     */
    private static String statusesAsOf(RecommendationFilter filter, String alias, SqlArgs args) {
        List<String> statuses = filter.statuses().stream().map(Status::wire).toList();
        if (!filter.addressees().isEmpty()) {
            return alias + ".pairs && " + args.add(filter.addressees().stream()
                    .flatMap(code -> statuses.stream().map(status -> code + ':' + status)).toList());
        }
        return alias + ".mask = any(" + args.add(StatusSet.masksWithOverall(filter.statuses()).stream()
                .map(String::valueOf).toList()) + "::int[])";
    }
}
