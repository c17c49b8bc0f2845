package org.recsregistry.change.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the change feed and where to continue from. */
@Schema(name = "ChangePage")
public record ChangePage(
        @Schema(description = "Entries after the cursor given, in feed order.") List<ChangeView> items,
        @Schema(description = "Pass as since on the next call; never null. Store it once the entries are applied.",
                example = "1234")
        String nextCursor,
        @Schema(description = "True when more entries are waiting beyond this page: call again at once.")
        boolean hasMore) {
}
