package org.recsregistry.stats.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.status.Status;

/** One value of the status vocabulary, what it means, and how often it stands. */
@Schema(name = "StatusInfo")
public record StatusView(
        Status code,
        @Schema(example = "Explicitly refused by the addressee.") String description,
        @Schema(description = "Recommendations whose overall status this is.") long recommendationCount,
        @Schema(description = "(recommendation, addressee) pairs whose status this is.") long addresseeCount) {
}
