package org.recsregistry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.addressee.AddresseeService;
import org.recsregistry.addressee.dto.AddresseeView;
import org.recsregistry.change.ChangeFilter;
import org.recsregistry.change.StatusChanges;
import org.recsregistry.common.Page;
import org.recsregistry.recommendation.RecommendationListing;
import org.recsregistry.recommendation.RecommendationService;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationItem;
import org.recsregistry.source.SourceService;
import org.recsregistry.source.dto.SourceView;
import org.recsregistry.stats.StatsService;
import org.recsregistry.stats.TimelineInterval;
import org.recsregistry.stats.TimelineService;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.theme.ThemeService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Assembles each page from the services the API reads; no queries of its own. */
@ApplicationScoped
public class PageService {

    static final int LATEST_CHANGES = 10;
    /** The addressee and source pages list this many records, then link to the full filtered list. */
    static final int RECORDS_PER_PAGE = 200;
    /** The sort values of the list, as the API takes them, with their words for the form. */
    static final Map<String, String> SORTS = sorts();
    /** The parameters that narrow the list (sort, limit and cursor only order or page it). */
    static final List<String> FILTERS = List.of("addressee", "status", "source", "theme", "q");

    @Inject
    StatsService stats;
    @Inject
    TimelineService timeline;
    @Inject
    StatusChanges changes;
    @Inject
    RecommendationService recommendations;
    @Inject
    RecommendationListing listing;
    @Inject
    AddresseeService addressees;
    @Inject
    SourceService sources;
    @Inject
    ThemeService themes;

    public Views.Home home() {
        StatsView counts = stats.stats();
        List<Views.StatusCount> statuses = counts(counts.byStatus());
        List<Views.MatrixRow> matrix = counts.byAddressee().stream().filter(group -> group.total() > 0)
                .map(group -> new Views.MatrixRow(group.key(), group.name(), group.total(),
                        counts(group.byStatus()).stream().map(c -> new Views.Cell(c.label(), c.count(),
                                Links.list(Map.of("addressee", List.of(group.key()), "status", List.of(c.status())))))
                                .toList()))
                .toList();
        List<Views.Change> latest = changes.latest(LATEST_CHANGES, ChangeFilter.none()).changes().stream()
                .map(c -> new Views.Change(c.recommendationId(), c.headline(), c.effectiveDate())).toList();
        TimelineChart chart = TimelineChart.of(timeline.timeline(TimelineInterval.YEAR, Optional.empty(), Optional.empty()));
        return new Views.Home(counts.total(), statuses, matrix, chart, latest);
    }

    /** The list for these parameters (blank values, as an empty form field sends, are left out first). */
    public Views.Listing list(Map<String, List<String>> parameters) {
        Map<String, List<String>> given = Links.nonBlank(parameters);
        Page<RecommendationItem> page = listing.list(given);
        Map<String, List<String>> withoutCursor = new LinkedHashMap<>(given);
        withoutCursor.remove("cursor");
        return new Views.Listing(page,
                options(addressees.list(), AddresseeView::code, AddresseeView::name, given.get("addressee")),
                options(List.of(Status.values()), Status::wire, Labels::label, given.get("status")),
                options(sources.list(), SourceView::id, SourceView::title, given.get("source")),
                options(themes.list(), t -> t.code(), t -> t.name(), given.get("theme")),
                options(List.copyOf(SORTS.keySet()), Function.identity(), SORTS::get, given.get("sort")),
                given.getOrDefault("q", List.of("")).get(0),
                FILTERS.stream().anyMatch(given::containsKey),
                page.nextCursor() == null ? null : Links.list(with(withoutCursor, "cursor", page.nextCursor())),
                given.containsKey("cursor") ? Links.list(withoutCursor) : null,
                Links.json("/api/v1/recommendations", given));
    }

    public Views.Record record(String id, String baseUri) {
        RecommendationDetail detail = recommendations.get(id, Optional.empty());
        List<Views.AddresseeHistory> histories = new ArrayList<>();
        for (AddresseeStatus addressee : detail.addressees()) {
            histories.add(new Views.AddresseeHistory(addressee, detail.history().stream()
                    .filter(event -> event.addressee().equals(addressee.code())).toList()));
        }
        return new Views.Record(detail, sources.get(detail.source().id()), histories,
                baseUri + "recommendations/" + Links.segment(id), "/api/v1/recommendations/" + Links.segment(id));
    }

    public Views.Addressee addressee(String code) {
        AddresseeView addressee = addressees.get(code);
        Map<String, List<String>> filter = Map.of("addressee", List.of(addressee.code()));
        return new Views.Addressee(addressee, counts(addressee.statusCounts()), firstRecords(filter),
                Links.list(filter), "/api/v1/addressees/" + Links.segment(addressee.code()));
    }

    public Views.Source source(String id) {
        SourceView source = sources.get(id);
        Map<String, List<String>> filter = Map.of("source", List.of(source.id()));
        return new Views.Source(source, counts(source.statusCounts()), firstRecords(filter), Links.list(filter),
                "/api/v1/sources/" + Links.segment(source.id()));
    }

    private Page<RecommendationItem> firstRecords(Map<String, List<String>> filter) {
        return listing.list(with(filter, "limit", Integer.toString(RECORDS_PER_PAGE)));
    }

    private static Map<String, List<String>> with(Map<String, List<String>> parameters, String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(parameters);
        more.put(name, List.of(value));
        return more;
    }

    /** Counts keyed by status wire value, in vocabulary order. */
    private static List<Views.StatusCount> counts(Map<String, Long> byStatus) {
        List<Views.StatusCount> counts = new ArrayList<>();
        for (Status status : Status.values()) {
            counts.add(new Views.StatusCount(status.wire(), Labels.label(status), byStatus.getOrDefault(status.wire(), 0L)));
        }
        return counts;
    }

    private static <T> List<Views.Option> options(List<T> values, Function<T, String> value, Function<T, String> label,
                                                  List<String> selected) {
        return values.stream().map(v -> new Views.Option(value.apply(v), label.apply(v),
                selected != null && selected.contains(value.apply(v)))).toList();
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("id", "Id");
        sorts.put("-updatedAt", "Recently updated first");
        sorts.put("updatedAt", "Least recently updated first");
        sorts.put("-createdAt", "Newest first");
        sorts.put("createdAt", "Oldest first");
        sorts.put("source", "Source");
        sorts.put("locator", "Locator");
        return sorts;
    }
}
