package org.recsregistry.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Page;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.stats.dto.StatusView;

/** Registry-wide counts and the status vocabulary. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatsResource {

    @Inject
    StatsService service;

    @GET
    @Path("/stats")
    @Operation(summary = "Counts for dashboards",
            description = "Recommendations by overall status, by addressee x status, by source and by theme.")
    @APIResponse(responseCode = "200", description = "The counts.")
    public StatsView stats() {
        return service.stats();
    }

    @GET
    @Path("/statuses")
    @Operation(summary = "The status vocabulary",
            description = "Every status with its meaning and how many recommendations and addressee pairs have it.")
    @APIResponse(responseCode = "200", description = "All seven statuses.")
    public Page<StatusView> statuses() {
        return Page.of(service.statuses());
    }
}
