package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of the recommendation list as served: each item is the UTF-8 JSON of a
 * {@link RecommendationItem}, as the database keeps it (on recommendation_facet), written out by
 * {@link org.recsregistry.recommendation.RecommendationPageWriter} without being parsed and serialised again.
 */
@Schema(name = "PageRecommendationItem")
public record RecommendationPage(
        @Schema(type = SchemaType.ARRAY, implementation = RecommendationItem.class)
        List<byte[]> items,
        @Schema(description = "How many items match the query in all pages.", example = "38")
        long total,
        @Schema(description = "Cursor of the next page, to pass as the cursor parameter; null on the last page.",
                nullable = true, example = "eyJzIjoiaWQiLCJrIjoiY29pLTIwMTQtODktYSIsImlkIjoiY29pLTIwMTQtODktYSJ9")
        String nextCursor) {
}
