package org.recsregistry.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list: the items, the total that match, and the cursor of the next page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "How many items match the query in all pages.", example = "38")
        long total,
        @Schema(description = "Cursor of the next page, to pass as the cursor parameter; null on the last page.",
                nullable = true, example = "eyJzIjoiaWQiLCJrIjoiY29pLTIwMTQtODktYSIsImlkIjoiY29pLTIwMTQtODktYSJ9")
        String nextCursor) {

    /** A complete, unpaged list. */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, items.size(), null);
    }
}
