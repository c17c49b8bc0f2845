package org.recsregistry.dataset.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** What an import of the dataset changed, or would change on a dry run. */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "True when nothing was kept: the report says what the import would do.") boolean dryRun,
        @Schema(description = "Records created, by kind.", example = "{\"recommendation\": 2}") Map<String, Integer> created,
        @Schema(description = "Records updated, by kind.") Map<String, Integer> updated,
        @Schema(description = "Records left as they were, by kind.") Map<String, Integer> unchanged,
        @Schema(description = "Ids of the records created or updated.") List<String> changedIds,
        @Schema(description = "Status events appended.") int eventsAppended,
        @Schema(description = "Status events of the files that were already recorded.") int eventsAlreadyPresent) {
}
