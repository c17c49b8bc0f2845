package org.recsregistry.curation;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;
import org.recsregistry.curation.dto.QueueEntry;
import org.recsregistry.common.Roles;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The curator's work queue: what the registry lacks, most important first. */
@Path("/api/v1/curation/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
@RolesAllowed(Roles.CURATOR)
@SecurityRequirement(name = "bearer")
public class CurationResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    CurationService service;

    @GET
    @Operation(operationId = "listCurationQueue", summary = "Read the curator's work queue",
            description = "Needs a curator. Records whose text is not verified, then pairs whose status is unknown "
                    + "with no event, events without a URL, pairs whose status rests on a low-confidence event more "
                    + "than a year old, and sources without a URL. Each entry says what is missing and links the "
                    + "record. The first entries only: fix them and ask again (nextCursor is always null); total "
                    + "is the length of the whole queue.")
    @APIResponse(responseCode = "200", description = "The head of the queue, most important first.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid credentials.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The credentials lack the curator role.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<QueueEntry> queue(
            @Parameter(description = "Only entries of this problem; repeat for any of several.",
                    example = "event_without_url",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = QueueProblem.class))
            @QueryParam("problem") List<String> problem,
            @Parameter(description = "How many entries, 1 to 1000; default 100.", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") List<String> limit) {
        QueryParams params = new QueryParams();
        List<QueueProblem> problems = params.enums("problem", problem, QueueProblem.class);
        int size = params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.check();
        return service.queue(problems, size, LocalDate.now(ZoneOffset.UTC));
    }
}
