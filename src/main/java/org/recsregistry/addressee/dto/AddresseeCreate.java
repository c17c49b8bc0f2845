package org.recsregistry.addressee.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.addressee.AddresseeKind;

/** A new addressee; its editable fields are validated as an {@link AddresseeEdit}. */
@Schema(name = "AddresseeCreate")
public record AddresseeCreate(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,49}", message = "must be upper-case letters, digits and underscores")
        @Schema(example = "RUS") String code,
        @Schema(example = "Russian Federation") String name,
        AddresseeKind kind) {

    public AddresseeEdit edit() {
        return new AddresseeEdit(name, kind);
    }
}
