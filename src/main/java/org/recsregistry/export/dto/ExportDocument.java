package org.recsregistry.export.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The shape of a JSON export, for the contract only: exports are streamed, never built as one object. */
@Schema(name = "ExportDocument")
public record ExportDocument(
        @Schema(description = "The feed position of this snapshot: pass it as since to GET /api/v1/changes to "
                + "follow every change made after it.", example = "1234")
        String cursor,
        @Schema(description = "Every matching recommendation, by id.") List<ExportRecord> items) {
}
