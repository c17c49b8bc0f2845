package org.recsregistry.addressee.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.addressee.AddresseeKind;

import java.util.Map;

/** An addressee with how many recommendations it has, by its own status. */
@Schema(name = "Addressee")
public record AddresseeView(
        @Schema(example = "DPRK") String code,
        @Schema(example = "Democratic People's Republic of Korea") String name,
        AddresseeKind kind,
        @Schema(description = "Recommendations addressed to it.") long recommendationCount,
        @Schema(description = "Those recommendations by this addressee's own status (every status present).")
        Map<String, Long> statusCounts,
        @Schema(description = "Optimistic-locking version; moves on every change.") long version) {
}
