package org.recsregistry.theme.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable fields of a theme. */
@Schema(name = "ThemeEdit")
public record ThemeEdit(@NotBlank @Size(max = 300) @Schema(example = "Enforced disappearances") String name) {
}
