package org.recsregistry.source.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.SourceKind;

import java.time.LocalDate;
import java.util.Map;

/** A source document with how many recommendations come from it, by overall status. */
@Schema(name = "Source")
public record SourceView(
        @Schema(example = "r2p-2020-dprk") String id,
        String title,
        @Schema(example = "Global Centre for the Responsibility to Protect") String publisher,
        SourceKind kind,
        @Schema(nullable = true) LocalDate publishedDate,
        @Schema(description = "How much of publishedDate is known: day, month (day is 01) or year (month and day are 01).")
        DatePrecision datePrecision,
        @Schema(nullable = true) String url,
        @Schema(description = "The file in the project's seed documents this source is, if any.", nullable = true)
        String seedFile,
        long recommendationCount,
        @Schema(description = "Its recommendations by overall status (every status present).")
        Map<String, Long> statusCounts,
        @Schema(description = "Optimistic-locking version; moves on every change.") long version) {
}
