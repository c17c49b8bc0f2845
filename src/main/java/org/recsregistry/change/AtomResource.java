package org.recsregistry.change;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;

import java.util.List;

/**
 * The latest status changes as an Atom feed, for feed readers. Answers its own conditional GETs
 * from the feed head (ConditionalGetFilters leaves /api/v1/changes* alone).
 */
@Path("/api/v1/changes.atom")
@Tag(name = "Changes", description = ChangeResource.TAG_DESCRIPTION)
public class AtomResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    StatusChanges changes;

    @GET
    @Produces(AtomFeedWriter.MEDIA_TYPE)
    @Operation(operationId = "getChangesAtomFeed", summary = "Follow status changes as an Atom feed",
            description = "The latest status_changed entries of the change feed that match the feed's filters "
                    + "(addressee, status, kind, evidenceKind: as for GET /api/v1/changes), newest first. Each entry's "
                    + "id is urn:uuid:<change id>, its title the change in words (\"Democratic People's "
                    + "Republic of Korea: not implemented, confirmed 2025-09-12 — coi-2014-89-d\"), its alternate links "
                    + "the recommendation's page and its JSON, its summary the effective date and the "
                    + "evidence. The ETag is the feed head: If-None-Match answers 304 while the feed has not moved. "
                    + "If-Modified-Since is not used, as recording times do not follow commit order.")
    @APIResponse(responseCode = "200", description = "An Atom feed (RFC 4287).",
            headers = @Header(name = "ETag", description = "Weak validator of the feed head this answer was read at.",
                    schema = @Schema(type = SchemaType.STRING, example = "W/\"1234\"")),
            content = @Content(mediaType = AtomFeedWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "The feed has not moved since the ETag given; no body.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(
            @Parameter(description = "How many entries, 1 to 200; default 50.", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") List<String> limit,
            @Parameter(description = "The ETag of an earlier answer; 304 while the feed head is unchanged.",
                    example = "W/\"1234\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @BeanParam ChangeFilterParams filter,
            @Context UriInfo uri,
            @Context Request request) {
        QueryParams params = new QueryParams();
        int count = params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        ChangeFilter matching = filter.filter(params);
        params.check();
        StatusChanges.Latest latest = changes.latest(count, matching);
        EntityTag tag = new EntityTag(Long.toString(latest.head()), true);
        // Only the ETag decides: a date could hide a change recorded within the same second.
        Response.ResponseBuilder notModified = ifNoneMatch == null ? null : request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        byte[] feed = AtomFeedWriter.write(latest, uri.getBaseUriBuilder().path("api/v1/changes.atom").build(),
                uri.getRequestUri(), uri.getBaseUri(),
                id -> uri.getBaseUriBuilder().path("recommendations").path(id).build(),
                id -> uri.getBaseUriBuilder().path("api/v1/recommendations").path(id).build());
        return Response.ok(feed, AtomFeedWriter.MEDIA_TYPE).tag(tag).build();
    }
}
