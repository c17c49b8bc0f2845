package org.recsregistry.audit.dto;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One audit-log entry. */
@Schema(name = "AuditEntry")
public record AuditView(
        long id,
        @Schema(description = "Who wrote: token:<id>:<name>, admin-token, or a JWT subject.", example = "token:3:status-sync")
        String actor,
        @Schema(example = "recommendation.update") String action,
        @Schema(example = "recommendation") String targetType,
        @Schema(example = "coi-2014-90-a") String targetId,
        @Schema(type = SchemaType.OBJECT, description = "The record before the write; null for a create.", nullable = true)
        JsonNode before,
        @Schema(type = SchemaType.OBJECT, description = "The record after the write; null for a delete.", nullable = true)
        JsonNode after,
        Instant occurredAt) {
}
