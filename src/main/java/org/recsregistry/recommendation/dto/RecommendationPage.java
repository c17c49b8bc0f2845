package org.recsregistry.recommendation.dto;

import com.fasterxml.jackson.databind.util.RawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of the recommendation list as served: each item is the JSON of a {@link RecommendationItem},
 * read as the database keeps it (recommendation_item) and written as it is, without a round of
 * parsing and serialising per request.
 */
@Schema(name = "PageRecommendationItem")
public record RecommendationPage(
        @Schema(type = SchemaType.ARRAY, implementation = RecommendationItem.class)
        List<RawValue> items,
        @Schema(description = "How many items match the query in all pages.", example = "38")
        long total,
        @Schema(description = "Cursor of the next page, to pass as the cursor parameter; null on the last page.",
                nullable = true, example = "eyJzIjoiaWQiLCJrIjoiY29pLTIwMTQtODktYSIsImlkIjoiY29pLTIwMTQtODktYSJ9")
        String nextCursor) {
}
