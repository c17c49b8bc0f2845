package org.recsregistry.theme.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A theme with how many recommendations carry it. */
@Schema(name = "Theme")
public record ThemeView(
        @Schema(example = "accountability") String code,
        @Schema(example = "Accountability and international justice") String name,
        long recommendationCount,
        @Schema(description = "Optimistic-locking version; moves on every change.") long version) {
}
