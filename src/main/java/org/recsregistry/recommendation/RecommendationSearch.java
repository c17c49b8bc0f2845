package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds the ids of one page of recommendations by keyset pagination, and counts all matches ({@link MatchCounts}). */
@ApplicationScoped
class RecommendationSearch {

    @Inject
    EntityManager em;

    @Inject
    MatchCounts counts;

    /** The ids of a page, one more than the limit when a further page exists. */
    List<Object[]> pageKeys(RecommendationQuery query) {
        Where where = where(query);
        SortOrder.Spec sort = query.sort();
        String direction = sort.descending() ? "desc" : "asc";
        StringBuilder sql = new StringBuilder("select r.id, ").append(sort.key().column)
                .append(" from recommendation r").append(where.sql);
        query.after().ifPresent(cursor -> {
            sql.append(" and ")
                    .append('(').append(sort.key().column).append(", r.id) ")
                    .append(sort.descending() ? "<" : ">").append(" (:afterKey, :afterId)");
            where.params.put("afterKey", sort.key().isTimestamp() ? OffsetDateTime.parse(cursor.key()) : cursor.key());
            where.params.put("afterId", cursor.id());
        });
        sql.append(" order by ").append(sort.key().column).append(' ').append(direction)
                .append(", r.id ").append(direction).append(" limit ").append(query.limit() + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), where.params).getResultList();
        return rows;
    }

    long count(RecommendationQuery query) {
        Where where = where(query);
        return counts.count(where.sql + ' ' + new TreeMap<>(where.params), () -> ((Number) bind(
                em.createNativeQuery("select count(*) from recommendation r" + where.sql), where.params)
                .getSingleResult()).longValue());
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The addressee and status filters on the statuses as of query.asOf(), rebuilt from the history;
     * the overall status of each candidate is that of its pairs' status set (see {@link StatusSet}).
     */
    private static void statusesAsOf(RecommendationQuery query, List<String> statuses, List<String> clauses,
                                     Map<String, Object> params) {
        if (!query.addressees().isEmpty() || !statuses.isEmpty()) {
            params.put("asOf", query.asOf().orElseThrow());
        }
        if (!query.addressees().isEmpty()) {
            clauses.add("exists (select 1 from recommendation_addressee ra" + AsOfSql.latestEvent("ra", ":asOf")
                    + " where ra.recommendation_id = r.id and ra.addressee_code in (:addressees)"
                    + (statuses.isEmpty() ? "" : " and " + AsOfSql.STATUS + " in (:statuses)") + ")");
            params.put("addressees", query.addressees());
            if (!statuses.isEmpty()) {
                params.put("statuses", statuses);
            }
        } else if (!statuses.isEmpty()) {
            clauses.add("(select " + StatusSet.sqlMask(AsOfSql.STATUS) + " from recommendation_addressee ra"
                    + AsOfSql.latestEvent("ra", ":asOf") + " where ra.recommendation_id = r.id) in (:overallMasks)");
            params.put("overallMasks", StatusSet.masksWithOverall(query.statuses()));
        }
    }

    /** The addressee and status filters on the current statuses. */
    private static void statusesNow(RecommendationQuery query, List<String> statuses, List<String> clauses,
                                    Map<String, Object> params) {
        if (!query.addressees().isEmpty()) {
            // With addressees, a status filter applies to those addressees' own statuses.
            clauses.add("exists (select 1 from recommendation_addressee ra where ra.recommendation_id = r.id"
                    + " and ra.addressee_code in (:addressees)"
                    + (statuses.isEmpty() ? "" : " and ra.status in (:statuses)") + ")");
            params.put("addressees", query.addressees());
        } else if (!statuses.isEmpty()) {
            clauses.add("r.overall_status in (:statuses)");
        }
        if (!statuses.isEmpty()) {
            params.put("statuses", statuses);
        }
    }

    private static Where where(RecommendationQuery query) {
        List<String> clauses = new ArrayList<>(List.of("r.deleted_at is null"));
        Map<String, Object> params = new HashMap<>();
        List<String> statuses = query.statuses().stream().map(Status::wire).toList();
        if (query.asOf().isPresent()) {
            statusesAsOf(query, statuses, clauses, params);
        } else {
            statusesNow(query, statuses, clauses, params);
        }
        if (!query.sources().isEmpty()) {
            clauses.add("r.source_id in (:sources)");
            params.put("sources", query.sources());
        }
        if (!query.themes().isEmpty()) {
            clauses.add("exists (select 1 from recommendation_theme rt where rt.recommendation_id = r.id"
                    + " and rt.theme_code in (:themes))");
            params.put("themes", query.themes());
        }
        query.text().ifPresent(q -> {
            clauses.add("r.search @@ websearch_to_tsquery('english', :q)");
            params.put("q", q);
        });
        query.updatedSince().ifPresent(since -> {
            clauses.add("r.updated_at >= :updatedSince");
            params.put("updatedSince", since);
        });
        return new Where(" where " + String.join(" and ", clauses), params);
    }
}
