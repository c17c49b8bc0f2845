package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Request;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.OwnValidators;
import org.recsregistry.recommendation.dto.RecommendationCreate;
import org.recsregistry.recommendation.dto.RecommendationEdit;
import org.recsregistry.recommendation.dto.StatusEventCreate;
import org.recsregistry.recommendation.dto.StatusEventView;
import org.recsregistry.common.Roles;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.recsregistry.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.RecordResponses;
import org.recsregistry.common.RecordTag;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The recommendations: a filtered, paginated list and single records. */
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "The recommendations, their addressees' statuses and the dated, evidenced status history.")
public class RecommendationResource {


    @Inject
    RecommendationService service;
    @Inject
    RecommendationWriteService writes;
    @Inject
    StatusEventService statusEvents;
    @Inject
    RecordResponses responses;

    @GET
    @Operation(operationId = "listRecommendations", summary = "List recommendations",
            description = "Filters combine with AND; repeated values of one filter combine with OR. Pages are "
                    + "cursor-based: follow nextCursor (or the Link rel=\"next\" header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of recommendations.", headers = @Header(name = "Link",
            description = "<...>; rel=\"next\": this request's URL with cursor set to nextCursor, while there is a "
                    + "next page.",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecommendationPage> list(
            @BeanParam ListParams list,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        RecommendationQuery query = list.query(params);
        params.check();
        RecommendationPage page = service.list(query);
        RestResponse.ResponseBuilder<RecommendationPage> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            response.header(HttpHeaders.LINK, Link.fromUri(
                    uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build()).rel("next").build());
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @OwnValidators
    @Operation(operationId = "getRecommendation", summary = "Get one recommendation",
            description = "With its addressees and each one's status, its themes, links and full status history; "
                    + "with asOf, the statuses as of that date and the history up to it. Its ETag is the one to send "
                    + "as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The recommendation.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No recommendation has this id, or (with asOf) its source was not "
            + "yet published at that date.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The recommendation was deleted; its id stays reserved.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecommendationDetail> get(
            @Parameter(description = "Recommendation id.", example = "coi-2014-89-a") @PathParam("id") String id,
            @Parameter(description = FilterParams.ASOF_DESCRIPTION, example = "2016-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") List<String> asOf,
            @Context Request request, @Context HttpHeaders headers) {
        QueryParams params = new QueryParams();
        Optional<LocalDate> date = params.date("asOf", asOf);
        params.check();
        RestResponse<RecommendationDetail> unchanged = responses.unchanged(headers);
        if (unchanged != null) {
            return unchanged;
        }
        RecommendationDetail detail = service.get(id, date);
        return responses.read(request, headers, detail.version(), detail);
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRecommendation", summary = "Create a recommendation", description = "Needs a curator. The id is derived from source and "
            + "locator when not given. Recorded in the change feed and the audit log.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationDetail.class)),
            headers = {@Header(name = "Location", description = "The new record's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = RecordTag.DESCRIPTION, required = true,
                            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE))})
    @APIResponse(responseCode = "409", description = "The id is taken (deleted ids stay reserved).", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecommendationDetail> create(@Valid @NotNull RecommendationCreate body, @Context UriInfo uri) {
        RecommendationDetail created = writes.create(body);
        return responses.created(uri.getAbsolutePathBuilder().path(created.id()).build(), created.version(), created);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateRecommendation", summary = "Change a recommendation (JSON Merge Patch)", description = "Needs a curator and If-Match with "
            + "the ETag last read. Patchable: locator, text, textVerified, summary, addressees, themes, links (arrays "
            + "are replaced whole). The merged record is validated as a whole. Status changes go through status-events.")
    @APIResponse(responseCode = "200", description = "The changed recommendation.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, required = true,
            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No recommendation has this id.")
    @APIResponse(responseCode = "410", description = "The recommendation was deleted.")
    @APIResponse(responseCode = "409", description = "An addressee with a status history cannot be removed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: the record changed since.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecommendationDetail> update(
            @Parameter(description = "Recommendation id.", example = "coi-2014-89-d") @PathParam("id") String id,
            @Parameter(description = RecordTag.IF_MATCH_DESCRIPTION, required = true, example = RecordTag.EXAMPLE)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of the editable fields.", content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = RecommendationEdit.class)))
            JsonNode patch) {
        RecommendationDetail updated = writes.update(id, ifMatch, patch);
        return responses.written(updated.version(), updated);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteRecommendation", summary = "Delete a recommendation", description = "Needs a curator and If-Match. A soft delete: the "
            + "record leaves every read, the change feed gets a tombstone, and the id stays reserved.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "404", description = "No recommendation has this id.")
    @APIResponse(responseCode = "410", description = "The recommendation was already deleted.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = "Recommendation id.", example = "coi-2014-89-d") @PathParam("id") String id,
                       @Parameter(description = RecordTag.IF_MATCH_DESCRIPTION, required = true,
                               example = RecordTag.EXAMPLE)
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(id, ifMatch);
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @Path("/{id}/status-events")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStatusEvent", summary = "Record a status change", description = "Needs a curator. Appends an event with its evidence to "
            + "the addressee's history; the current status is the latest event's by effective date. To correct an "
            + "event, record a new one with corrects set to its id. If-Match is optional here (histories only grow).")
    @APIResponse(responseCode = "201", description = "The event recorded; Location names the recommendation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StatusEventView.class)),
            headers = @Header(name = "Location", description = "The recommendation's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "404", description = "No recommendation has this id.")
    @APIResponse(responseCode = "410", description = "The recommendation was deleted.")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale: the record changed since.")
    public RestResponse<StatusEventView> recordStatus(
            @Parameter(description = "Recommendation id.", example = "coi-2014-90-a") @PathParam("id") String id,
            @Parameter(description = "Optional: the record's strong ETag as last read (from GET "
                    + "/api/v1/recommendations/{id}); when sent, a stale one answers 412.", example = RecordTag.EXAMPLE)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusEventCreate body, @Context UriInfo uri) {
        StatusEventView event = statusEvents.append(id, ifMatch, body);
        return RestResponse.ResponseBuilder.<StatusEventView>created(uri.getBaseUriBuilder()
                .path("api/v1/recommendations").path(id).build()).entity(event).build();
    }
}
