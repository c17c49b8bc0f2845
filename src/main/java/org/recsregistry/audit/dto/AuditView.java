package org.recsregistry.audit.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** One audit-log entry. */
@Schema(name = "AuditEntry")
public record AuditView(
        long id,
        @Schema(description = "Who wrote: token:<id>:<name>, admin-token, or a JWT subject.", example = "token:3:status-sync")
        String actor,
        @Schema(example = "recommendation.update") String action,
        @Schema(example = "recommendation") String targetType,
        @Schema(example = "coi-2014-90-a") String targetId,
        @Schema(description = "The record before the write, as a JSON object; null for a create.",
                nullable = true)
        Map<String, Object> before,
        @Schema(description = "The record after the write, as a JSON object; null for a delete.",
                nullable = true)
        Map<String, Object> after,
        Instant occurredAt) {
}
