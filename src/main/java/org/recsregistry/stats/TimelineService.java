package org.recsregistry.stats;

import org.recsregistry.status.StatusCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.common.InvalidParametersException;
import org.recsregistry.stats.HistoricCounts.Grouping;
import org.recsregistry.stats.dto.TimelineView;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the statuses stood over time: counts at the end of each year or month. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineService {

    public static final int MAX_POINTS = 600;

    @Inject
    HistoricCounts historic;

    /**
     * From the earliest effective date of any event (or to, without events) and to today (UTC) by default.
     * Throws {@link InvalidParametersException} naming interval when there would be more than {@link #MAX_POINTS}.
     */
    public TimelineView timeline(TimelineInterval interval, Optional<LocalDate> from, Optional<LocalDate> to) {
        LocalDate last = to.orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
        LocalDate first = from.orElseGet(() -> Optional.ofNullable(historic.earliestEvent())
                .filter(earliest -> earliest.isBefore(last)).orElse(last));
        if (first.isAfter(last)) {
            throw InvalidParametersException.of(from.isPresent() ? "from" : "to",
                    "from (" + first + ") must not be after to (" + last + ")");
        }
        List<LocalDate> dates = interval.points(first, last, MAX_POINTS);
        if (dates.size() > MAX_POINTS) {
            throw InvalidParametersException.of("interval", "from " + first + " to " + last + " gives more than "
                    + MAX_POINTS + " points; use a longer interval or a shorter range");
        }
        Map<LocalDate, Map<Grouping, StatusCounts>> counts =
                historic.at(dates, EnumSet.of(Grouping.PAIRS, Grouping.OVERALL));
        return new TimelineView(interval, first, last, dates.stream().map(date -> new TimelineView.Point(date,
                counts.get(date).get(Grouping.PAIRS).of(StatsService.ALL),
                counts.get(date).get(Grouping.OVERALL).of(StatsService.ALL))).toList());
    }
}
