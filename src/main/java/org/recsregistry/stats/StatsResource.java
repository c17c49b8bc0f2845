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
import org.recsregistry.common.WireEnum;
import org.recsregistry.recommendation.FilterParams;
import org.recsregistry.stats.dto.StatsView;
import org.recsregistry.stats.dto.StatusView;
import org.recsregistry.stats.dto.TimelineView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Registry-wide counts, their timeline and the status vocabulary. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Counts by status, addressee, source and theme, now or as of a date, and over time.")
public class StatsResource {

    @Inject
    StatsService service;

    @Inject
    TimelineService timeline;

    @GET
    @Path("/stats")
    @Operation(operationId = "getStats", summary = "Counts for dashboards",
            description = "Recommendations by overall status, by addressee x status, by source and by theme; "
                    + "with asOf, as they stood at the end of that date.")
    @APIResponse(responseCode = "200", description = "The counts.")
    @APIResponse(responseCode = "400", description = "asOf is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsView stats(@Parameter(description = FilterParams.ASOF_DESCRIPTION, example = "2016-01-01",
                                   schema = @Schema(type = SchemaType.STRING, format = "date"))
                           @QueryParam("asOf") List<String> asOf) {
        QueryParams params = new QueryParams();
        Optional<LocalDate> date = params.date("asOf", asOf);
        params.check();
        return date.map(service::stats).orElseGet(service::stats);
    }

    @GET
    @Path("/stats/timeline")
    @Operation(operationId = "getTimeline", summary = "Counts over time",
            description = "(recommendation, addressee) pairs by status and recommendations by overall status as they "
                    + "stood at the end of each year or month, rebuilt from the status history; the last point is "
                    + "the to date. At most " + TimelineService.MAX_POINTS + " points.")
    @APIResponse(responseCode = "200", description = "The points, oldest first.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the range gives too many points.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineView timeline(
            @Parameter(description = "One point at the end of each year (default) or month.", example = "month",
                    schema = @Schema(implementation = TimelineInterval.class))
            @QueryParam("interval") List<String> interval,
            @Parameter(description = "ISO 8601 date; the first point ends the interval that holds it. Default: the "
                    + "earliest effective date in the history.", example = "2014-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") List<String> from,
            @Parameter(description = "ISO 8601 date of the last point. Default: today (UTC).", example = "2024-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") List<String> to) {
        QueryParams params = new QueryParams();
        TimelineInterval step = params.single("interval", interval)
                .map(value -> WireEnum.parse(TimelineInterval.class, value).orElseGet(() -> {
                    params.reject("interval", "unknown value '" + value + "'; allowed: "
                            + WireEnum.allowed(TimelineInterval.class));
                    return null;
                })).orElse(TimelineInterval.YEAR);
        Optional<LocalDate> first = params.date("from", from);
        Optional<LocalDate> last = params.date("to", to);
        params.check();
        return timeline.timeline(step, first, last);
    }

    @GET
    @Path("/statuses")
    @Operation(operationId = "listStatuses", summary = "The status vocabulary",
            description = "Every status with its meaning and how many recommendations and addressee pairs have it.")
    @APIResponse(responseCode = "200", description = "All seven statuses.")
    public Page<StatusView> statuses() {
        return Page.of(service.statuses());
    }
}
