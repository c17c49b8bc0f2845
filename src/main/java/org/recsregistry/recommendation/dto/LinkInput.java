package org.recsregistry.recommendation.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.LinkRelation;

/** A link from the recommendation being written to another one. */
@Schema(name = "LinkInput")
public record LinkInput(
        @NotBlank @Size(max = 150) @Schema(example = "coi-2014-90-a") String target,
        @NotNull LinkRelation relation) {
}
