package org.recsregistry.stats;

import org.recsregistry.status.StatusCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.hibernate.query.NativeQuery;
import org.recsregistry.addressee.Addressee;
import org.recsregistry.addressee.AddresseeService;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.Source;
import org.recsregistry.source.SourceService;
import org.recsregistry.stats.HistoricCounts.Grouping;
import org.recsregistry.stats.dto.EvidenceStatsView;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.stats.dto.StatusView;
import org.recsregistry.theme.Theme;
import org.recsregistry.theme.ThemeService;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of recommendations by addressee, source, theme and status: what lists and dashboards show. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    /** The key of {@link #overall()} and {@link #pairs()}, which have one group only. */
    public static final String ALL = "";
    /** The key of evidence counted without a kind or a date. */
    static final String NONE = "none";

    @Inject
    EntityManager em;

    @Inject
    HistoricCounts historic;

    /** Per addressee: its recommendations by that addressee's own status. */
    public StatusCounts byAddressee() {
        return AddresseeService.statusCounts(null);
    }

    /** Per source: its recommendations by overall status. */
    public StatusCounts bySource() {
        return SourceService.statusCounts(null);
    }

    /** Per theme: its recommendations by overall status. */
    public StatusCounts byTheme() {
        return ThemeService.statusCounts(null);
    }

    /** All recommendations by overall status; read with key {@link #ALL}. */
    public StatusCounts overall() {
        return StatusCounts.read("select '' as k, overall_status, sum(matches) from facet_count group by 2", null);
    }

    /** (recommendation, addressee) pairs by status; read with key {@link #ALL}. */
    public StatusCounts pairs() {
        return StatusCounts.read("select '' as k, split_part(p, ':', 2), sum(matches) from facet_count, unnest(pairs) p"
                + " group by 2", null);
    }

    public StatsView stats() {
        return view(overall(), byAddressee(), bySource(), byTheme(), evidence(null));
    }

    /** The counts as they stood at the end of a date, rebuilt from the status history. */
    public StatsView stats(LocalDate asOf) {
        Map<Grouping, StatusCounts> counts = historic.at(List.of(asOf),
                EnumSet.of(Grouping.OVERALL, Grouping.PAIRS_BY_ADDRESSEE, Grouping.BY_SOURCE, Grouping.BY_THEME))
                .get(asOf);
        return view(counts.get(Grouping.OVERALL), counts.get(Grouping.PAIRS_BY_ADDRESSEE),
                counts.get(Grouping.BY_SOURCE), counts.get(Grouping.BY_THEME), evidence(asOf));
    }

    /** The evidence of the history (effective by {@code asOf} when given) and of the sources. */
    public EvidenceStatsView evidence(LocalDate asOf) {
        String events = " from status_event se join recommendation r on r.id = se.recommendation_id"
                + " and r.deleted_at is null where (cast(?1 as date) is null or se.effective_date <= cast(?1 as date))";
        Map<String, Long> byKind = new LinkedHashMap<>();
        Arrays.stream(EvidenceKind.values()).forEach(k -> byKind.put(k.wire(), 0L));
        byKind.put(NONE, 0L);
        counted("select coalesce(se.evidence_kind, '" + NONE + "'), count(*)" + events + " group by 1", asOf, byKind);
        Map<String, Long> byPrecision = new LinkedHashMap<>();
        Arrays.stream(DatePrecision.values()).forEach(p -> byPrecision.put(p.wire(), 0L));
        byPrecision.put(NONE, 0L);
        counted("select coalesce(se.evidence_date_precision, '" + NONE + "'), count(*)" + events + " group by 1", asOf,
                byPrecision);
        Object[] totals = (Object[]) em.createNativeQuery("select count(*), count(se.evidence_url)" + events)
                .unwrap(NativeQuery.class).setParameter(1, asOf, LocalDate.class).getSingleResult();
        Object[] sources = (Object[]) em.createNativeQuery("select count(*), count(url) from source").getSingleResult();
        return new EvidenceStatsView(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(), byKind,
                byPrecision, ((Number) sources[0]).longValue(), ((Number) sources[1]).longValue());
    }

    @SuppressWarnings("unchecked")
    private void counted(String sql, LocalDate asOf, Map<String, Long> into) {
        List<Object[]> rows = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .setParameter(1, asOf, LocalDate.class).getResultList();
        rows.forEach(row -> into.put((String) row[0], ((Number) row[1]).longValue()));
    }

    private static StatsView view(StatusCounts overall, StatusCounts addressees, StatusCounts sources,
                                  StatusCounts themes, EvidenceStatsView evidence) {
        return new StatsView(overall.total(ALL), overall.of(ALL),
                Addressee.<Addressee>listAll(Sort.by("code")).stream()
                        .map(a -> group(a.code, a.name, addressees)).toList(),
                Source.<Source>listAll(Sort.by("id")).stream()
                        .map(s -> group(s.id, s.title, sources)).toList(),
                Theme.<Theme>listAll(Sort.by("code")).stream()
                        .map(t -> group(t.code, t.name, themes)).toList(),
                evidence);
    }

    public List<StatusView> statuses() {
        Map<String, Long> recommendations = overall().of(ALL);
        Map<String, Long> pairs = pairs().of(ALL);
        return Arrays.stream(Status.values())
                .map(s -> new StatusView(s, s.description(), recommendations.get(s.wire()), pairs.get(s.wire())))
                .toList();
    }

    private static StatsView.Group group(String key, String name, StatusCounts counts) {
        return new StatsView.Group(key, name, counts.total(key), counts.of(key));
    }
}
