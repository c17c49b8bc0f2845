package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.LinkRelation;

/** A relation between this recommendation and another. */
@Schema(name = "Link")
public record LinkView(
        LinkRelation relation,
        @Schema(type = SchemaType.STRING, enumeration = {"outgoing", "incoming"},
                description = "outgoing: this record relates to the other (this restates it); incoming: the other relates to this one.")
        String direction,
        @Schema(description = "The other recommendation's id.", example = "coi-2014-90-a") String recommendationId,
        @Schema(description = "The other recommendation's summary.") String summary) {
}
