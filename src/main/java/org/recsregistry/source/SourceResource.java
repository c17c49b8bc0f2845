package org.recsregistry.source;

import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.source.dto.SourceView;
import org.recsregistry.stats.StatsService;
import org.recsregistry.stats.StatusCounts;

/** The source documents recommendations are taken from. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceResource {

    @Inject
    StatsService stats;

    @GET
    @Operation(summary = "List sources", description = "All sources by id, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every source.")
    public Page<SourceView> list() {
        StatusCounts counts = stats.bySource();
        return Page.of(Source.<Source>listAll(Sort.by("id")).stream().map(s -> view(s, counts)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one source")
    @APIResponse(responseCode = "200", description = "The source.")
    @APIResponse(responseCode = "404", description = "No source has this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourceView get(@Parameter(description = "Source id.", example = "coi-2014") @PathParam("id") String id) {
        Source source = Source.findById(id);
        if (source == null) {
            throw new NotFoundProblem("source", id);
        }
        return view(source, stats.bySource());
    }

    private static SourceView view(Source s, StatusCounts counts) {
        return new SourceView(s.id, s.title, s.publisher, s.kind, s.publishedDate, s.datePrecision, s.url, s.seedFile,
                counts.total(s.id), counts.of(s.id));
    }
}
