package org.recsregistry.security.dto;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A request for a new personal API token. */
@Schema(name = "TokenRequest")
public record TokenRequest(
        @NotBlank @Size(max = 200)
        @Schema(description = "What the token is for.", example = "status-sync script") String name,
        @NotNull @Pattern(regexp = "reader|curator|admin", message = "must be reader, curator or admin")
        @Schema(type = SchemaType.STRING, enumeration = {"reader", "curator", "admin"}, example = "curator") String role,
        @Future
        @Schema(description = "When the token stops working; none means it works until revoked.",
                example = "2027-06-30T00:00:00Z", nullable = true) Instant expiresAt) {
}
