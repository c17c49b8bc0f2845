package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link RecommendationFilter} to SQL: the one place where a filter's meaning is written.
 * Facet clauses read alias {@code f}, which may be {@code recommendation_facet} (one row per live
 * record) or {@code facet_count} (one row per combination, with its number of records); record
 * clauses read alias {@code r}, the {@code recommendation} row joined to its facet.
 */
final class FilterSql {

    /** The records that match: recommendation r joined with its facet f (which only live records have). */
    static final String FROM = " from recommendation r join recommendation_facet f on f.recommendation_id = r.id";

    /** How many live records there are, as a scalar subquery; facet_count has a row per combination, not per record. */
    static final String RECORDS = "(select coalesce(sum(n.matches), 0) from facet_count n)";

    private FilterSql() {
    }

    /**
     * The facets alone when only facet clauses filter, so that a page walks one table; joined
     * with their records (alias r) when a record clause filters too.
     */
    static String keysFrom(RecommendationFilter filter) {
        return filter.countableFromFacets() ? " from recommendation_facet f"
                : " from recommendation_facet f join recommendation r on r.id = f.recommendation_id";
    }

    /**
     * The conditions of the filter for reading every match: its facet clauses turned into the
     * combinations of facet_count that match them, which the combination index of recommendation_facet
     * turns into the matching rows alone: two large sets that hardly overlap (status=rejected and
     * theme=right-to-food) are found without reading either, where the facets' own indexes would read both.
     */
    static List<String> clausesByCombination(RecommendationFilter filter, SqlArgs args) {
        List<String> facets = facetClauses(filter, args);
        List<String> clauses = new ArrayList<>();
        if (!facets.isEmpty()) {
            // The subquery's f is facet_count, whose columns have the same names as recommendation_facet's.
            clauses.add("(f.source_id, f.overall_status, f.pairs, f.themes) in"
                    + " (select f.source_id, f.overall_status, f.pairs, f.themes from facet_count f where "
                    + String.join(" and ", facets) + ")");
        }
        clauses.addAll(recordClauses(filter, args));
        return clauses;
    }

    /** {@code " where ..."} over {@link #FROM}, or an empty string when nothing filters. */
    static String where(RecommendationFilter filter, SqlArgs args) {
        List<String> clauses = facetClauses(filter, args);
        clauses.addAll(recordClauses(filter, args));
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
        clauses.addAll(recordClauses(filter, args));
        return clauses;
    }

    /**
     * One row: the exact number of matches, and of live records. From the facets, both come from one
     * pass over facet_count (which is read whole either way: it has no index for the facet clauses).
     */
    static String counts(RecommendationFilter filter, SqlArgs args) {
        if (filter.countableFromFacets()) {
            List<String> clauses = facetClauses(filter, args);
            return "select coalesce(sum(f.matches)" + (clauses.isEmpty() ? "" : " filter (where "
                    + String.join(" and ", clauses) + ")") + ", 0), coalesce(sum(f.matches), 0) from facet_count f";
        }
        return "select count(*), " + RECORDS + FROM + where(filter, args);
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
        return clauses;
    }

    private static List<String> recordClauses(RecommendationFilter filter, SqlArgs args) {
        List<String> clauses = new ArrayList<>();
        filter.asOf().ifPresent(date -> {
            clauses.add(AsOfSql.published("r", args.add(date)));
            statusesAsOf(filter, date, clauses, args);
        });
        filter.text().ifPresent(q -> clauses.add("r.search @@ websearch_to_tsquery('english', " + args.add(q) + ")"));
        filter.updatedSince().ifPresent(since -> clauses.add("r.updated_at >= " + args.add(since)));
        if (!filter.evidenceKinds().isEmpty()) {
            String latest = AsOfSql.latestEvent("ra", filter.asOf().map(args::add).orElse(AsOfSql.ANY_DATE));
            clauses.add("exists (select 1 from recommendation_addressee ra" + latest + " where ra.recommendation_id = r.id"
                    + " and e.evidence_kind = any(" + args.add(filter.evidenceKinds().stream().map(EvidenceKind::wire)
                    .toList()) + "))");
        }
        return clauses;
    }

    /**
     * The status filter on the statuses as of the date, rebuilt from the history; the overall
     * status of each candidate is that of its pairs' status set (see {@link StatusSet}).
     */
    private static void statusesAsOf(RecommendationFilter filter, java.time.LocalDate date, List<String> clauses,
                                     SqlArgs args) {
        if (filter.statuses().isEmpty()) {
            return;
        }
        List<String> statuses = filter.statuses().stream().map(Status::wire).toList();
        String latest = AsOfSql.latestEvent("ra", args.add(date));
        if (!filter.addressees().isEmpty()) {
            clauses.add("exists (select 1 from recommendation_addressee ra" + latest
                    + " where ra.recommendation_id = r.id and ra.addressee_code = any(" + args.add(filter.addressees())
                    + ") and " + AsOfSql.STATUS + " = any(" + args.add(statuses) + "))");
        } else {
            clauses.add("(select " + StatusSet.sqlMask(AsOfSql.STATUS) + " from recommendation_addressee ra" + latest
                    + " where ra.recommendation_id = r.id) = any(" + args.add(
                    StatusSet.masksWithOverall(filter.statuses()).stream().map(String::valueOf).toList())
                    + "::int[])");
        }
    }
}
