package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.status.Status;

import java.time.Instant;
import java.util.List;

/** A recommendation as it appears in lists. */
@Schema(name = "RecommendationItem")
public record RecommendationItem(
        @Schema(description = "Stable id derived from the source and the locator.", example = "coi-2014-89-a") String id,
        SourceRef source,
        @Schema(description = "Where in the source: paragraph, section and item as the source numbers them.",
                example = "A/HRC/25/63 para 89(a) (A/HRC/25/CRP.1 para 1220(a))") String locator,
        @Schema(description = "Verbatim text from the source; empty when it is not yet verified.") String text,
        @Schema(description = "True when text is the source's exact words; false when only the summary (ours) is known.")
        boolean textVerified,
        @Schema(description = "Our one-line summary; never a quotation.") String summary,
        @Schema(description = "Derived from the addressees' statuses by the documented rule.") Status overallStatus,
        List<AddresseeStatus> addressees,
        @Schema(description = "Theme codes.", example = "[\"political-reform\"]") List<String> themes,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-locking version; moves on every change of the record.") long version) {
}
