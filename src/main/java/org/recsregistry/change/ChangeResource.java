package org.recsregistry.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.recsregistry.change.dto.ChangePage;
import org.recsregistry.common.IfNoneMatch;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The change feed: pages after a cursor, long polling, and a Server-Sent Events stream. */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = ChangeResource.TAG_DESCRIPTION)
public class ChangeResource {

    static final String TAG_DESCRIPTION = "Every change to the registry in commit order: a paged feed, an event "
            + "stream and an Atom feed of status changes.";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_WAIT_SECONDS = 60;
    static final String POLL_INTERVAL = "X-Poll-Interval";

    @Inject
    ChangeService service;

    @Inject
    FeedNotifications notifications;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "registry.feed.poll-interval", defaultValue = "10")
    int pollIntervalSeconds;

    @ConfigProperty(name = "registry.feed.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listChanges", summary = "Read the change feed",
            description = "Entries after the cursor, oldest first. Store nextCursor once the entries are applied and "
                    + "pass it as since next time: nothing is missed or repeated, even when changes commit "
                    + "concurrently. With wait, an empty answer is held until an entry arrives or the wait ends. "
                    + "Come back after X-Poll-Interval seconds; If-None-Match with the last ETag costs almost nothing.")
    @APIResponse(responseCode = "200", description = "Entries after the cursor (possibly none).", headers = {
            @Header(name = "ETag", description = "The feed head this answer was read at.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "max-age of the poll interval.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = POLL_INTERVAL, description = "Seconds to wait before polling again.", schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "304", description = "The feed has not moved since the ETag given; no body.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ChangePage>> changes(
            @Parameter(description = "Cursor to continue from (nextCursor of the previous page, or the cursor of an "
                    + "export); omit or 0 for the start of the feed.", example = "1234",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("since") List<String> since,
            @Parameter(description = "Page size, 1 to 1000; default 100.", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") List<String> limit,
            @BeanParam ChangeFilterParams filter,
            @Parameter(description = "Seconds (1 to 60) to hold an empty answer until an entry arrives.", example = "30",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "60"))
            @QueryParam("wait") List<String> wait,
            @Parameter(description = "The ETag of an earlier answer: 304 while the feed has not moved since.",
                    example = "W/\"1234\"")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        QueryParams params = new QueryParams();
        ChangeQuery query = service.query(params, since, limit, filter);
        int waitSeconds = params.integer("wait", wait, 0, 0, MAX_WAIT_SECONDS);
        params.check();
        long knownHead = service.knownHead();
        if (waitSeconds == 0 && matches(ifNoneMatch, knownHead)) {
            return Uni.createFrom().item(notModified(knownHead));
        }
        ChangeFeed.Result read = service.read(query);
        if (!read.page().items().isEmpty() || waitSeconds == 0) {
            return Uni.createFrom().item(answer(read, ifNoneMatch));
        }
        long seen = read.head();
        CompletionStage<Long> moved = notifications.moved(seen);
        return Uni.createFrom().completionStage(moved)
                .ifNoItem().after(Duration.ofSeconds(waitSeconds)).recoverWithItem(seen)
                .onTermination().invoke(() -> notifications.forget(moved))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(head -> answer(head > seen ? service.read(query) : read, ifNoneMatch));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "followChanges", summary = "Follow the change feed as Server-Sent Events",
            description = "Each entry is an event whose id is its cursor, whose name is its kind and whose data is the "
                    + "entry as JSON. On reconnect the browser's Last-Event-ID resumes after the last entry received. "
                    + "A comment is sent as a heartbeat when nothing happens.")
    @APIResponse(responseCode = "200", description = "An endless event stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Cursor to start after; Last-Event-ID takes precedence.", example = "1234",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("since") List<String> since,
            @BeanParam ChangeFilterParams filter,
            @Parameter(description = "The id of the last event received, sent by EventSource on reconnect.",
                    example = "1234")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        QueryParams params = new QueryParams();
        List<String> start = lastEventId != null && !lastEventId.isBlank() ? List.of(lastEventId) : since;
        ChangeQuery query = service.query(params, start, List.of(Integer.toString(MAX_LIMIT)), filter);
        params.check();
        return new ChangeStream(service, notifications, sse, json, heartbeat).follow(query);
    }

    private RestResponse<ChangePage> answer(ChangeFeed.Result read, String ifNoneMatch) {
        if (read.page().items().isEmpty() && matches(ifNoneMatch, read.head())) {
            return notModified(read.head());
        }
        return pollHeaders(RestResponse.ResponseBuilder.ok(read.page()), read.head()).build();
    }

    private RestResponse<ChangePage> notModified(long head) {
        return pollHeaders(RestResponse.ResponseBuilder.<ChangePage>create(RestResponse.Status.NOT_MODIFIED), head).build();
    }

    private RestResponse.ResponseBuilder<ChangePage> pollHeaders(RestResponse.ResponseBuilder<ChangePage> response, long head) {
        return response.tag(etag(head))
                .header(HttpHeaders.CACHE_CONTROL, "max-age=" + pollIntervalSeconds)
                .header(POLL_INTERVAL, pollIntervalSeconds);
    }

    private static EntityTag etag(long head) {
        return new EntityTag(Long.toString(head), true);
    }

    /** Whether If-None-Match names the feed head's tag (weak comparison, as it asks: RFC 9110 13.1.2). */
    private static boolean matches(String ifNoneMatch, long head) {
        return IfNoneMatch.matches(ifNoneMatch, "\"" + head + "\"");
    }
}
