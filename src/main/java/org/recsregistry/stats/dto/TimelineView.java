package org.recsregistry.stats.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.stats.TimelineInterval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Counts by status at the end of each interval, rebuilt from the status history. */
@Schema(name = "Timeline")
public record TimelineView(
        TimelineInterval interval,
        @Schema(description = "The first point is the end of the interval that holds this date.", example = "2014-02-17")
        LocalDate from,
        @Schema(description = "The date of the last point.", example = "2025-12-31") LocalDate to,
        @Schema(description = "Oldest first: the end of each interval, then to.") List<Point> points) {

    /** The counts as they stood at the end of one date. */
    @Schema(name = "TimelinePoint")
    public record Point(
            @Schema(description = "The counts are those at the end of this date.", example = "2014-12-31")
            LocalDate date,
            @Schema(description = "(recommendation, addressee) pairs by status (every status present, zero where none).")
            Map<String, Long> pairs,
            @Schema(description = "Recommendations by overall status (every status present, zero where none).")
            Map<String, Long> recommendations) {
    }
}
