package org.recsregistry.recommendation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Problem;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The recommendations: a filtered, paginated list and single records. */
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    public static final String ASOF_DESCRIPTION = "The registry as it stood at the end of this ISO 8601 date: statuses "
            + "rebuilt from the status history (events effective on or before it). A future date gives the current "
            + "statuses. Only statuses are rebuilt: every record is listed, since when a record was published is not "
            + "known from the dates we hold.";

    @Inject
    RecommendationService service;

    @GET
    @Operation(summary = "List recommendations",
            description = "Filters combine with AND; repeated values of one filter combine with OR. Pages are "
                    + "cursor-based: follow nextCursor (or the Link rel=\"next\" header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of recommendations.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<RecommendationItem>> list(
            @Parameter(description = "Addressee code; repeat for any of several.", example = "CHN")
            @QueryParam("addressee") List<String> addressee,
            @Parameter(description = "Status; repeat for any of several. With addressee, matches that addressee's own "
                    + "status; without, the overall status. With asOf, the statuses as of that date.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class))
            @QueryParam("status") List<String> status,
            @Parameter(description = "Source id; repeat for any of several.", example = "coi-2014")
            @QueryParam("source") List<String> source,
            @Parameter(description = "Theme code; repeat for any of several.", example = "accountability")
            @QueryParam("theme") List<String> theme,
            @Parameter(description = "Full-text search over text and summary (PostgreSQL websearch syntax: words, "
                    + "\"quoted phrases\", or, -excluded).", example = "prison camps")
            @QueryParam("q") List<String> q,
            @Parameter(description = "Only records updated at or after this instant (ISO 8601 date or date-time).",
                    example = "2024-01-01T00:00:00Z")
            @QueryParam("updatedSince") List<String> updatedSince,
            @Parameter(description = "Sort key, descending with a leading '-': id (default), updatedAt, createdAt, "
                    + "source, locator. Ties are broken by id.", example = "-updatedAt")
            @QueryParam("sort") List<String> sort,
            @Parameter(description = "Page size, 1 to 200; default 50.", example = "50")
            @QueryParam("limit") List<String> limit,
            @Parameter(description = "Opaque cursor from nextCursor of the previous page, with the same sort.")
            @QueryParam("cursor") List<String> cursor,
            @Parameter(description = ASOF_DESCRIPTION, example = "2016-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") List<String> asOf,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        SortOrder.Spec spec = params.single("sort", sort).map(value -> SortOrder.Spec.parse(value).orElseGet(() -> {
            params.reject("sort", "unknown sort '" + value + "'; allowed: " + SortOrder.Spec.allowed());
            return null;
        })).orElseGet(() -> SortOrder.Spec.parse(SortOrder.DEFAULT).orElseThrow());
        Cursor after = params.single("cursor", cursor).map(value -> Cursor.decode(value).orElseGet(() -> {
            params.reject("cursor", "is not a cursor this service issued");
            return null;
        })).orElse(null);
        if (after != null && spec != null && !after.sort().equals(spec.param())) {
            params.reject("cursor", "belongs to sort '" + after.sort() + "', not '" + spec.param() + "'");
        } else if (after != null && spec != null && !after.fits(spec.key())) {
            params.reject("cursor", "is not a cursor this service issued");
        }
        RecommendationQuery query = new RecommendationQuery(
                params.repeated("addressee", addressee),
                params.enums("status", status, Status.class),
                params.repeated("source", source),
                params.repeated("theme", theme),
                params.single("q", q).filter(text -> !text.isBlank()),
                params.instant("updatedSince", updatedSince),
                spec,
                params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                Optional.ofNullable(after),
                params.date("asOf", asOf));
        params.check();
        Page<RecommendationItem> page = service.list(query);
        RestResponse.ResponseBuilder<Page<RecommendationItem>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            response.header(HttpHeaders.LINK, Link.fromUri(
                    uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build()).rel("next").build());
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one recommendation",
            description = "With its addressees and each one's status, its themes, links and full status history; "
                    + "with asOf, the statuses as of that date and the history up to it.")
    @APIResponse(responseCode = "200", description = "The recommendation.")
    @APIResponse(responseCode = "400", description = "asOf is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No recommendation has this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationDetail get(@Parameter(description = "Recommendation id.", example = "coi-2014-89-a")
                                    @PathParam("id") String id,
                                    @Parameter(description = ASOF_DESCRIPTION, example = "2016-01-01",
                                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                                    @QueryParam("asOf") List<String> asOf) {
        QueryParams params = new QueryParams();
        Optional<LocalDate> date = params.date("asOf", asOf);
        params.check();
        return service.get(id, date);
    }
}
