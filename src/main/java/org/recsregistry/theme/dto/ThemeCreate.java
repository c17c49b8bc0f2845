package org.recsregistry.theme.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new theme; its editable fields are validated as a {@link ThemeEdit}. */
@Schema(name = "ThemeCreate")
public record ThemeCreate(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,49}", message = "must be lower-case letters, digits and hyphens")
        @Schema(example = "enforced-disappearances") String code,
        @Schema(example = "Enforced disappearances") String name) {

    public ThemeEdit edit() {
        return new ThemeEdit(name);
    }
}
