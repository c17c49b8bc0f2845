package org.recsregistry.stats;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.RecommendationResource;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.stats.dto.StatusView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
            description = "Recommendations by overall status, by addressee x status, by source and by theme; "
                    + "with asOf, as they stood at the end of that date.")
    @APIResponse(responseCode = "200", description = "The counts.")
    @APIResponse(responseCode = "400", description = "asOf is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsView stats(@Parameter(description = RecommendationResource.ASOF_DESCRIPTION, example = "2016-01-01",
                                   schema = @Schema(type = SchemaType.STRING, format = "date"))
                           @QueryParam("asOf") List<String> asOf) {
        QueryParams params = new QueryParams();
        Optional<LocalDate> date = params.date("asOf", asOf);
        params.check();
        return date.map(service::stats).orElseGet(service::stats);
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
