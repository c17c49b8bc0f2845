package org.recsregistry.theme;

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
import org.recsregistry.theme.dto.ThemeCreate;
import org.recsregistry.theme.dto.ThemeEdit;
import org.recsregistry.theme.dto.ThemeView;
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.OwnValidators;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.common.RecordResponses;
import org.recsregistry.common.RecordTag;
import org.recsregistry.common.Roles;

/** The themes recommendations are tagged with. */
@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Themes", description = "The themes recommendations are tagged with.")
public class ThemeResource {

    @Inject
    ThemeService service;
    @Inject
    RecordResponses responses;

    @GET
    @Operation(operationId = "listThemes", summary = "List themes", description = "All themes by code, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every theme.")
    public Page<ThemeView> list() {
        return Page.of(service.list());
    }

    @GET
    @Path("/{code}")
    @OwnValidators
    @Operation(operationId = "getTheme", summary = "Get one theme", description = "Its ETag is the one to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The theme.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No theme has this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ThemeView> get(
            @Parameter(description = "Theme code.", example = "accountability") @PathParam("code") String code,
            @Context Request request, @Context HttpHeaders headers) {
        ThemeView theme = service.get(code);
        return responses.read(request, headers, theme.version(), theme);
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTheme", summary = "Create a theme", description = "Needs a curator.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThemeView.class)),
            headers = {@Header(name = "Location", description = "The new record's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = RecordTag.DESCRIPTION, required = true,
                            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE))})
    @APIResponse(responseCode = "409", description = "The code is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ThemeView> create(@Valid @NotNull ThemeCreate body, @Context UriInfo uri) {
        ThemeView created = service.create(body);
        return responses.created(uri.getAbsolutePathBuilder().path(created.code()).build(), created.version(), created);
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateTheme", summary = "Change a theme (JSON Merge Patch)", description = "Needs a curator and If-Match.")
    @APIResponse(responseCode = "200", description = "The changed theme.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, required = true,
            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No theme has this code.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ThemeView> update(
            @Parameter(description = "Theme code.", example = "enforced-disappearances") @PathParam("code") String code,
            @Parameter(description = RecordTag.IF_MATCH_DESCRIPTION, required = true, example = RecordTag.EXAMPLE)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = ThemeEdit.class))) JsonNode patch) {
        ThemeView updated = service.update(code, ifMatch, patch);
        return responses.written(updated.version(), updated);
    }
}
