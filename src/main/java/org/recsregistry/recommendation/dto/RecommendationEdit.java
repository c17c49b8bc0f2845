package org.recsregistry.recommendation.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The editable fields of a recommendation: what PATCH may change (as a JSON Merge Patch of this
 * object) and what a create supplies besides id and source. Validated again after merging.
 */
@Schema(name = "RecommendationEdit")
public record RecommendationEdit(
        @NotBlank @Size(max = 300)
        @Schema(example = "A/HRC/25/63 para 89(d)") String locator,
        @NotNull @Size(max = 20000)
        @Schema(description = "Verbatim text from the source, or empty while it is not verified.", example = "")
        String text,
        @NotNull
        @Schema(description = "True exactly when text is non-empty and checked against the source.",
                example = "false") Boolean textVerified,
        @NotBlank @Size(max = 1000)
        @Schema(example = "Moratorium on the death penalty, then abolition.") String summary,
        @NotEmpty @Size(max = 50)
        @Schema(description = "Addressee codes.", example = "[\"DPRK\"]")
        List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,49}", message = "must be an addressee code") String> addressees,
        @NotEmpty @Size(max = 50)
        @Schema(description = "Theme codes.", example = "[\"death-penalty\"]")
        List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,49}", message = "must be a theme code") String> themes,
        @NotNull @Size(max = 100) List<@NotNull @Valid LinkInput> links) {
}
