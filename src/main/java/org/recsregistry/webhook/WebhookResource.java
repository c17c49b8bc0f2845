package org.recsregistry.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.Roles;
import org.recsregistry.webhook.dto.DeliveryAttemptView;
import org.recsregistry.webhook.dto.PingView;
import org.recsregistry.webhook.dto.WebhookPatch;
import org.recsregistry.webhook.dto.WebhookRequest;
import org.recsregistry.webhook.dto.WebhookView;

import java.util.List;
import java.util.OptionalLong;

/** Webhook subscriptions and their delivery logs, managed by admins. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Subscriptions that receive the change feed as signed HTTP deliveries; admins only.")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token is not an admin's.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    DeliveryLog log;

    @Inject
    SecurityIdentity identity;

    @Inject
    WebhookSender sender;

    @Idempotent(withheld = "secret")
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to changes",
            description = "Deliveries start with the changes committed after this call. The secret (given or made) "
                    + "is in this answer only; keep it to verify X-Registry-Signature.")
    @APIResponse(responseCode = "201", description = "The subscription, with its secret; Location names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)),
            headers = @Header(name = "Location", description = "The new subscription's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "A field or parameter is invalid; each is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookView> create(@Valid @NotNull WebhookRequest request, @Context UriInfo uri) {
        WebhookView created = webhooks.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<WebhookView>created(
                uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions", description = "Without their secrets.")
    @APIResponse(responseCode = "200", description = "Every subscription, disabled ones included.")
    public Page<WebhookView> list() {
        return Page.of(webhooks.list());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get one webhook subscription", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription.")
    @APIResponse(responseCode = "404", description = "No subscription with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@Parameter(description = "Subscription id.", example = "7") @PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(operationId = "updateWebhook", summary = "Change a webhook subscription",
            description = "Enable or disable it, or change its URL, filters or description; absent fields stay.")
    @APIResponse(responseCode = "200", description = "The subscription as changed.")
    @APIResponse(responseCode = "400", description = "A field or parameter is invalid; each is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView patch(@Parameter(description = "Subscription id.", example = "7") @PathParam("id") long id,
                             @Valid @NotNull WebhookPatch patch) {
        WebhookView changed = webhooks.patch(id, patch);
        sender.wake(); // committed: a re-enabled subscription's pending deliveries go now, not at the next sweep
        return changed;
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription", description = "With its pending deliveries and its log.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "404", description = "No subscription with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = "Subscription id.", example = "7") @PathParam("id") long id) {
        webhooks.delete(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read the delivery log", description = "Every attempt to send a delivery, newest first, "
            + "in pages: follow nextCursor (or the Link rel=\"next\" header) until it is null.")
    @APIResponse(responseCode = "200", description = "One page of attempts; total counts them all.",
            headers = @Header(name = "Link", description = "rel=\"next\": the next page, when there is one.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A field or parameter is invalid; each is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<DeliveryAttemptView>> deliveries(
            @Parameter(description = "Subscription id.", example = "7") @PathParam("id") long id,
            @Parameter(description = "How many attempts, 1 to 200; default 50.", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") List<String> limit,
            @Parameter(description = "Cursor from nextCursor of the previous page.", example = "1187",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("cursor") List<String> cursor,
            @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        int size = params.integer("limit", limit, 50, 1, 200);
        OptionalLong before = params.idCursor("cursor", cursor);
        params.check();
        Page<DeliveryAttemptView> page = log.attempts(id, size, before);
        RestResponse.ResponseBuilder<Page<DeliveryAttemptView>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            response.header(HttpHeaders.LINK, Link.fromUri(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor()).build()).rel("next").build());
        }
        return response.build();
    }

    @Idempotent
    @Parameter(ref = Idempotent.HEADER_PARAMETER)
    @POST
    @Path("/{id}/test")
    @Operation(operationId = "pingWebhook", summary = "Send a ping", description = "Queues a delivery of type ping with no entries, sent after "
            + "the deliveries already pending for this subscription, and only while it is enabled.")
    @APIResponse(responseCode = "202", description = "The ping is queued.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PingView.class)))
    @APIResponse(responseCode = "404", description = "No subscription with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PingView> test(@Parameter(description = "Subscription id.", example = "7")
                                       @PathParam("id") long id) {
        PingView ping = webhooks.ping(id);
        sender.wake();
        return RestResponse.accepted(ping);
    }
}
