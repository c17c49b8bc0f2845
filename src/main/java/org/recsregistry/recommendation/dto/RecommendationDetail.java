package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.status.Status;

import java.time.Instant;
import java.util.List;

/** A recommendation with its links and its full status history. */
@Schema(name = "RecommendationDetail")
public record RecommendationDetail(
        @Schema(example = "coi-2014-89-a") String id,
        SourceRef source,
        String locator,
        @Schema(description = "Verbatim text from the source; empty when it is not yet verified.") String text,
        boolean textVerified,
        @Schema(description = "Our one-line summary; never a quotation.") String summary,
        Status overallStatus,
        List<AddresseeStatus> addressees,
        List<String> themes,
        List<LinkView> links,
        @Schema(description = "Every status event of every addressee, oldest effective date first; with asOf, those "
                + "effective on or before it.")
        List<StatusEventView> history,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
