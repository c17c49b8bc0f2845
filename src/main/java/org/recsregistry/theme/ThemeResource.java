package org.recsregistry.theme;

import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.common.Page;
import org.recsregistry.stats.StatsService;
import org.recsregistry.stats.StatusCounts;
import org.recsregistry.theme.dto.ThemeView;

/** The themes recommendations are tagged with. */
@Path("/api/v1/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Themes")
@Transactional(Transactional.TxType.SUPPORTS)
public class ThemeResource {

    @Inject
    StatsService stats;

    @GET
    @Operation(summary = "List themes", description = "All themes by code, with recommendation counts.")
    @APIResponse(responseCode = "200", description = "Every theme.")
    public Page<ThemeView> list() {
        StatusCounts counts = stats.byTheme();
        return Page.of(Theme.<Theme>listAll(Sort.by("code")).stream()
                .map(t -> new ThemeView(t.code, t.name, counts.total(t.code))).toList());
    }
}
