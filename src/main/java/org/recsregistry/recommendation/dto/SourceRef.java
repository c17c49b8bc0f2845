package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.source.SourceKind;

/** The source a recommendation comes from, in brief. */
@Schema(name = "SourceRef")
public record SourceRef(
        @Schema(example = "coi-2014") String id,
        @Schema(example = "Report of the commission of inquiry on human rights in the Democratic People's Republic of Korea")
        String title,
        SourceKind kind) {
}
