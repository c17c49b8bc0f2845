package org.recsregistry.curation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.curation.QueueProblem;

/** One thing a curator should fix, with what is missing and where to fix it. */
@Schema(name = "QueueEntry")
public record QueueEntry(
        @Schema(description = "1 is the most important; the queue is sorted by it.", example = "1") int priority,
        QueueProblem problem,
        @Schema(description = "The record concerned; null for a source.", nullable = true, example = "coi-2014-89-c")
        String recommendationId,
        @Schema(description = "The addressee concerned, for a status or an event.", nullable = true, example = "DPRK")
        String addressee,
        @Schema(description = "The event concerned, as in the record's history.", nullable = true, example = "41")
        Long eventId,
        @Schema(description = "The source concerned, for a source without a URL.", nullable = true,
                example = "r2p-2020-dprk") String sourceId,
        @Schema(description = "What is missing and what to do.",
                example = "text: the verbatim text is not verified; quote it from A/HRC/25/63 para 89(c)")
        String missing,
        @Schema(description = "Where to read and fix it.", example = "/api/v1/recommendations/coi-2014-89-c")
        String link) {
}
