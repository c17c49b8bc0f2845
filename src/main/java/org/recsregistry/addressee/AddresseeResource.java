package org.recsregistry.addressee;

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
import org.recsregistry.addressee.dto.AddresseeCreate;
import org.recsregistry.addressee.dto.AddresseeEdit;
import org.recsregistry.addressee.dto.AddresseeView;
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.OwnValidators;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.common.RecordResponses;
import org.recsregistry.common.RecordTag;
import org.recsregistry.common.Roles;

/** The addressees: States, UN bodies and mandates, organisations. */
@Path("/api/v1/addressees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Addressees", description = "States, UN bodies and mandates, and organisations that recommendations are addressed to.")
public class AddresseeResource {

    @Inject
    AddresseeService service;
    @Inject
    RecordResponses responses;

    @GET
    @Operation(operationId = "listAddressees", summary = "List addressees", description = "All addressees by code, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every addressee.")
    public Page<AddresseeView> list() {
        return Page.of(service.list());
    }

    @GET
    @Path("/{code}")
    @OwnValidators
    @Operation(operationId = "getAddressee", summary = "Get one addressee", description = "Its ETag is the one to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The addressee.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No addressee has this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AddresseeView> get(
            @Parameter(description = "Addressee code.", example = "DPRK") @PathParam("code") String code,
            @Context Request request, @Context HttpHeaders headers) {
        AddresseeView addressee = service.get(code);
        return responses.read(request, headers, addressee.version(), addressee);
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAddressee", summary = "Create an addressee", description = "Needs a curator.")
    @APIResponse(responseCode = "201", description = "Created; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddresseeView.class)),
            headers = {@Header(name = "Location", description = "The new record's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = RecordTag.DESCRIPTION, required = true,
                            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE))})
    @APIResponse(responseCode = "409", description = "The code is taken.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AddresseeView> create(@Valid @NotNull AddresseeCreate body, @Context UriInfo uri) {
        AddresseeView created = service.create(body);
        return responses.created(uri.getAbsolutePathBuilder().path(created.code()).build(), created.version(), created);
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = "bearer")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateAddressee", summary = "Change an addressee (JSON Merge Patch)", description = "Needs a curator and If-Match.")
    @APIResponse(responseCode = "200", description = "The changed addressee.", headers = @Header(name = "ETag",
            description = RecordTag.DESCRIPTION, required = true,
            schema = @Schema(type = SchemaType.STRING, example = RecordTag.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No addressee has this code.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AddresseeView> update(
            @Parameter(description = "Addressee code.", example = "RUS") @PathParam("code") String code,
            @Parameter(description = RecordTag.IF_MATCH_DESCRIPTION, required = true, example = RecordTag.EXAMPLE)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = AddresseeEdit.class))) JsonNode patch) {
        AddresseeView updated = service.update(code, ifMatch, patch);
        return responses.written(updated.version(), updated);
    }
}
