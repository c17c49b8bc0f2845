package org.recsregistry.addressee;

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
import org.recsregistry.addressee.dto.AddresseeView;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Page;
import org.recsregistry.common.Problem;
import org.recsregistry.stats.StatsService;
import org.recsregistry.stats.StatusCounts;

/** The addressees: States, UN bodies and mandates, organisations. */
@Path("/api/v1/addressees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Addressees")
@Transactional(Transactional.TxType.SUPPORTS)
public class AddresseeResource {

    @Inject
    StatsService stats;

    @GET
    @Operation(summary = "List addressees", description = "All addressees by code, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every addressee.")
    public Page<AddresseeView> list() {
        StatusCounts counts = stats.byAddressee();
        return Page.of(Addressee.<Addressee>listAll(Sort.by("code")).stream().map(a -> view(a, counts)).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get one addressee")
    @APIResponse(responseCode = "200", description = "The addressee.")
    @APIResponse(responseCode = "404", description = "No addressee has this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AddresseeView get(@Parameter(description = "Addressee code.", example = "DPRK") @PathParam("code") String code) {
        Addressee addressee = Addressee.findById(code);
        if (addressee == null) {
            throw new NotFoundProblem("addressee", code);
        }
        return view(addressee, stats.byAddressee());
    }

    private static AddresseeView view(Addressee a, StatusCounts counts) {
        return new AddresseeView(a.code, a.name, a.kind, counts.total(a.code), counts.of(a.code));
    }
}
