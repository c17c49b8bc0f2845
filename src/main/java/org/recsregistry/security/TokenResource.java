package org.recsregistry.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.recsregistry.idempotency.Idempotent;
import org.recsregistry.common.Page;
import org.recsregistry.common.Roles;
import org.recsregistry.security.dto.TokenRequest;
import org.recsregistry.security.dto.TokenView;

/** Personal API tokens, managed by admins. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "Personal API tokens for writes; admins only.")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class TokenResource {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @Idempotent(withheld = "secret")
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Issue a personal API token", description = "The secret is in this answer only; keep it.")
    @APIResponse(responseCode = "201", description = "The token, with its secret; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)),
            headers = @Header(name = "Location", description = "The new token's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public RestResponse<TokenView> create(@Valid @NotNull TokenRequest request, @Context UriInfo uri) {
        TokenView created = tokens.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<TokenView>created(
                uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List personal API tokens", description = "Without their secrets, which are not kept.")
    @APIResponse(responseCode = "200", description = "Every token, revoked ones included.")
    public Page<TokenView> list() {
        return Page.of(tokens.list());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a personal API token",
            description = "The token stops authenticating and stays in the list with its revocation time.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked); no body.")
    @APIResponse(responseCode = "404", description = "No token has this id.")
    public void revoke(@Parameter(description = "Token id.", example = "3") @PathParam("id") long id) {
        tokens.revoke(id);
    }
}
