package org.recsregistry.addressee.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.addressee.AddresseeKind;

/** The editable fields of an addressee. */
@Schema(name = "AddresseeEdit")
public record AddresseeEdit(
        @NotBlank @Size(max = 300) @Schema(example = "Russian Federation") String name,
        @NotNull AddresseeKind kind) {
}
