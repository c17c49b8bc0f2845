package org.recsregistry.stats.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Counts for a dashboard: by overall status, by addressee x status, by source and by theme, and of the evidence. */
@Schema(name = "Stats")
public record StatsView(
        @Schema(description = "Number of recommendations.", example = "120") long total,
        @Schema(description = "Recommendations by overall status (every status present, zero where none).")
        Map<String, Long> byStatus,
        @Schema(description = "Per addressee: its recommendations by that addressee's own status.")
        List<Group> byAddressee,
        @Schema(description = "Per source: its recommendations by overall status.") List<Group> bySource,
        @Schema(description = "Per theme: its recommendations by overall status.") List<Group> byTheme,
        @Schema(description = "How far the evidence can be followed: URLs, kinds of source, date precision.")
        EvidenceStatsView evidence) {

    /** Counts for one addressee, source or theme. */
    @Schema(name = "StatsGroup")
    public record Group(
            @Schema(description = "Addressee code, source id or theme code.", example = "DPRK") String key,
            @Schema(example = "Democratic People's Republic of Korea") String name,
            long total,
            Map<String, Long> byStatus) {
    }
}
