package org.recsregistry.stats;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The step of a timeline: one point at the end of each year or month. */
@Schema(name = "TimelineInterval", type = SchemaType.STRING, enumeration = {"year", "month"},
        description = "year: a point at the end of each calendar year; month: at the end of each month.")
public enum TimelineInterval implements WireEnum {
    YEAR,
    MONTH;

    /** The last day of the interval that holds the date. */
    public LocalDate endOf(LocalDate date) {
        return this == YEAR ? date.with(TemporalAdjusters.lastDayOfYear())
                : date.with(TemporalAdjusters.lastDayOfMonth());
    }

    /**
     * The end of each interval from the one holding {@code from} while before {@code to}, then {@code to}
     * itself; at most {@code max + 1} dates, so that a caller can tell that there are more than max.
     */
    public List<LocalDate> points(LocalDate from, LocalDate to, int max) {
        List<LocalDate> points = new ArrayList<>();
        for (LocalDate end = endOf(from); end.isBefore(to) && points.size() <= max; end = endOf(end.plusDays(1))) {
            points.add(end);
        }
        if (points.size() <= max) {
            points.add(to);
        }
        return points;
    }
}
