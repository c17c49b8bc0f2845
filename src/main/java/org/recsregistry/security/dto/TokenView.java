package org.recsregistry.security.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A personal API token as listed; the secret is present only in the answer that created it. */
@Schema(name = "Token")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        @Schema(example = "3") long id,
        @Schema(example = "status-sync script") String name,
        @Schema(example = "curator") String role,
        @Schema(example = "admin") String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        @Schema(description = "The secret to send as 'Authorization: Bearer <secret>'. Shown once, never again.",
                example = "rr_4mD0x8kq1s6QH2o3xI1d6E3m0yq3T8o2bXl3Zk9c5aA")
        String secret) {
}
