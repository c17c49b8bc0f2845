package org.recsregistry.stats;

import org.recsregistry.status.StatusCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.recsregistry.recommendation.AsOfSql;
import org.recsregistry.recommendation.StatusSet;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts as they stood at the end of given dates, rebuilt from the status history in one query.
 * Soft-deleted recommendations are left out, and so is each recommendation at dates before its source was
 * published. The statuses of each recommendation's pairs are grouped
 * as a {@link StatusSet} mask in SQL and turned into an overall status by {@code Status.overall} here.
 */
@ApplicationScoped
class HistoricCounts {

    /** What is counted, and by which key. */
    enum Grouping {
        /** (recommendation, addressee) pairs by status; key {@link StatsService#ALL}. */
        PAIRS("select date, '' as k, status, count(*) from pair group by date, status", false),
        /** Per addressee: pairs by status. */
        PAIRS_BY_ADDRESSEE("select date, addressee_code, status, count(*) from pair group by date, addressee_code, status",
                false),
        /** Recommendations by overall status; key {@link StatsService#ALL}. */
        OVERALL("select date, '', cast(mask as text), count(*) from rec group by date, mask", true),
        /** Per source: recommendations by overall status. */
        BY_SOURCE("select date, source_id, cast(mask as text), count(*) from rec group by date, source_id, mask", true),
        /** Per theme: recommendations by overall status. */
        BY_THEME("select rec.date, rt.theme_code, cast(rec.mask as text), count(*) from rec"
                + " join recommendation_theme rt on rt.recommendation_id = rec.id"
                + " group by rec.date, rt.theme_code, rec.mask", true);

        final String sql;
        /** Whether the value column is a status-set mask rather than a status. */
        final boolean mask;

        Grouping(String sql, boolean mask) {
            this.sql = sql;
            this.mask = mask;
        }
    }

    private static final String POINTS_AND_PAIRS = "with point as (select d as date from unnest(cast(:dates as date[])) d),"
            + " pair as (select p.date, ra.recommendation_id, ra.addressee_code, " + AsOfSql.STATUS + " as status"
            + " from point p cross join recommendation_addressee ra"
            + " join recommendation r on r.id = ra.recommendation_id and r.deleted_at is null"
            + " and " + AsOfSql.published("r", "p.date")
            + AsOfSql.latestEvent("ra", "p.date") + "),"
            + " rec as (select p.date, r.id, r.source_id, " + StatusSet.sqlMask("pair.status") + " as mask"
            + " from point p cross join recommendation r"
            + " left join pair on pair.date = p.date and pair.recommendation_id = r.id"
            + " where r.deleted_at is null and " + AsOfSql.published("r", "p.date")
            + " group by p.date, r.id, r.source_id) ";

    @Inject
    EntityManager em;

    /** Per date, per grouping: the counts. Every date and grouping is present, possibly empty. */
    Map<LocalDate, Map<Grouping, StatusCounts>> at(List<LocalDate> dates, Set<Grouping> groupings) {
        List<Grouping> order = List.copyOf(EnumSet.copyOf(groupings));
        String sql = POINTS_AND_PAIRS + order.stream()
                .map(g -> "select " + g.ordinal() + " as g, q.* from (" + g.sql + ") q")
                .collect(Collectors.joining(" union all "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter("dates", dates.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<LocalDate, Map<Grouping, List<Object[]>>> grouped = new HashMap<>();
        for (Object[] row : rows) {
            Grouping grouping = Grouping.values()[((Number) row[0]).intValue()];
            String value = (String) row[3];
            String status = grouping.mask ? StatusSet.overall(Integer.parseInt(value)).wire() : value;
            grouped.computeIfAbsent(toLocalDate(row[1]), d -> new EnumMap<>(Grouping.class))
                    .computeIfAbsent(grouping, g -> new ArrayList<>())
                    .add(new Object[] {row[2], status, row[4]});
        }
        Map<LocalDate, Map<Grouping, StatusCounts>> counts = new HashMap<>();
        for (LocalDate date : dates) {
            Map<Grouping, StatusCounts> byGrouping = new EnumMap<>(Grouping.class);
            for (Grouping grouping : order) {
                byGrouping.put(grouping, new StatusCounts(
                        grouped.getOrDefault(date, Map.of()).getOrDefault(grouping, List.of())));
            }
            counts.put(date, byGrouping);
        }
        return counts;
    }

    /** The earliest effective date of any event of a live recommendation, or null without any. */
    LocalDate earliestEvent() {
        Object earliest = em.createNativeQuery("select min(se.effective_date) from status_event se"
                + " join recommendation r on r.id = se.recommendation_id where r.deleted_at is null").getSingleResult();
        return earliest == null ? null : toLocalDate(earliest);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
