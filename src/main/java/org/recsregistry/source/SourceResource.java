package org.recsregistry.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.recsregistry.idempotency.Idempotent;
import org.recsregistry.source.dto.SourceCreate;
import org.recsregistry.source.dto.SourceEdit;
import org.recsregistry.source.dto.SourceView;
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.OwnValidators;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.common.RecordResponses;
import org.recsregistry.common.RecordTag;
import org.recsregistry.common.Roles;

/** The source documents recommendations are taken from. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "The documents recommendations come from.")
public class SourceResource {

    @Inject
    SourceService service;
    @Inject
    RecordResponses responses;

    @GET
    @Operation(operationId = "listSources", summary = "List sources", description = "All sources by id, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every source.")
    public Page<SourceView> list() {
        return Page.of(service.list());
    }

    @GET
    @Path("/{id}")
    @OwnValidators
    @Operation(operationId = "getSource", summary = "Get one source", description = "Its ETag is the one to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The source.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No source has this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SourceView> get(
            @Parameter(description = "Source id.", example = "coi-2014") @PathParam("id") String id,
            @Context Request request, @Context HttpHeaders headers) {
        SourceView source = service.get(id);
        return responses.read(request, headers, source.version(), source);
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSource", summary = "Create a source", description = "Needs a curator.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)),
            headers = {@Header(name = "Location", description = "The new record's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = RecordTag.DESCRIPTION, required = true,
                            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE))})
    @APIResponse(responseCode = "409", description = "The id is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SourceView> create(@Valid @NotNull SourceCreate body, @Context UriInfo uri) {
        SourceView created = service.create(body);
        return responses.created(uri.getAbsolutePathBuilder().path(created.id()).build(), created.version(), created);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateSource", summary = "Change a source (JSON Merge Patch)", description = "Needs a curator and If-Match.")
    @APIResponse(responseCode = "200", description = "The changed source.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, required = true,
            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No source has this id.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SourceView> update(
            @Parameter(description = "Source id.", example = "coi-2014") @PathParam("id") String id,
            @Parameter(description = RecordTag.IF_MATCH_DESCRIPTION, required = true, example = RecordTag.EXAMPLE)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = SourceEdit.class))) JsonNode patch) {
        SourceView updated = service.update(id, ifMatch, patch);
        return responses.written(updated.version(), updated);
    }
}
