package org.recsregistry.recommendation.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new recommendation. Its editable fields are validated as a {@link RecommendationEdit}. */
@Schema(name = "RecommendationCreate")
public record RecommendationCreate(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,149}", message = "must be lower-case letters, digits and hyphens")
        @Schema(description = "Stable id; derived from source and locator when omitted.", example = "coi-2014-89-d")
        String id,
        @NotBlank @Size(max = 100) @Schema(description = "Source id.", example = "coi-2014") String source,
        @Schema(example = "A/HRC/25/63 para 89(d)") String locator,
        @Schema(description = "Verbatim text, or empty (the default) while it is not verified.", example = "")
        String text,
        @Schema(description = "Defaults to false.", example = "false") Boolean textVerified,
        @Schema(example = "Moratorium on the death penalty, then abolition.") String summary,
        @Schema(example = "[\"DPRK\"]") List<String> addressees,
        @Schema(example = "[\"death-penalty\"]") List<String> themes,
        @Schema(description = "Defaults to none.") List<LinkInput> links) {

    public RecommendationEdit edit() {
        return new RecommendationEdit(locator, text == null ? "" : text,
                textVerified == null ? Boolean.FALSE : textVerified, summary, addressees, themes,
                links == null ? List.of() : links);
    }
}
