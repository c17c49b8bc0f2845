package org.recsregistry.stats.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** How far a reader can follow the evidence: links, who says so, and how precisely it is dated. */
@Schema(name = "EvidenceStats")
public record EvidenceStatsView(
        @Schema(description = "Status events in the history (of live recommendations; with asOf, those effective by "
                + "then).", example = "97") long events,
        @Schema(description = "Of those, events whose evidence has a URL.", example = "90") long eventsWithUrl,
        @Schema(description = "Events by the kind of source behind them (every kind present, zero where none); "
                + "\"none\" counts events recorded before kinds were kept.")
        Map<String, Long> eventsByKind,
        @Schema(description = "Events by the precision of their evidence's date: day, month, year, or none "
                + "(undated evidence).")
        Map<String, Long> eventsByDatePrecision,
        @Schema(description = "Source documents.", example = "7") long sources,
        @Schema(description = "Of those, sources with a URL.", example = "7") long sourcesWithUrl) {
}
