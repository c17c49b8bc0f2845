package org.recsregistry.stats;

import org.recsregistry.status.StatusCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import org.recsregistry.addressee.Addressee;
import org.recsregistry.addressee.AddresseeService;
import org.recsregistry.status.Status;
import org.recsregistry.source.Source;
import org.recsregistry.source.SourceService;
import org.recsregistry.stats.HistoricCounts.Grouping;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.stats.dto.StatusView;
import org.recsregistry.theme.Theme;
import org.recsregistry.theme.ThemeService;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Counts of recommendations by addressee, source, theme and status: what lists and dashboards show. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    /** The key of {@link #overall()} and {@link #pairs()}, which have one group only. */
    public static final String ALL = "";

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
        return view(overall(), byAddressee(), bySource(), byTheme());
    }

    /** The counts as they stood at the end of a date, rebuilt from the status history. */
    public StatsView stats(LocalDate asOf) {
        Map<Grouping, StatusCounts> counts = historic.at(List.of(asOf),
                EnumSet.of(Grouping.OVERALL, Grouping.PAIRS_BY_ADDRESSEE, Grouping.BY_SOURCE, Grouping.BY_THEME))
                .get(asOf);
        return view(counts.get(Grouping.OVERALL), counts.get(Grouping.PAIRS_BY_ADDRESSEE),
                counts.get(Grouping.BY_SOURCE), counts.get(Grouping.BY_THEME));
    }

    private static StatsView view(StatusCounts overall, StatusCounts addressees, StatusCounts sources,
                                  StatusCounts themes) {
        return new StatsView(overall.total(ALL), overall.of(ALL),
                Addressee.<Addressee>listAll(Sort.by("code")).stream()
                        .map(a -> group(a.code, a.name, addressees)).toList(),
                Source.<Source>listAll(Sort.by("id")).stream()
                        .map(s -> group(s.id, s.title, sources)).toList(),
                Theme.<Theme>listAll(Sort.by("code")).stream()
                        .map(t -> group(t.code, t.name, themes)).toList());
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
