package org.recsregistry.dataset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
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
import org.recsregistry.common.Problem;
import org.recsregistry.common.QueryParams;
import org.recsregistry.dataset.dto.ImportResult;
import org.recsregistry.common.Roles;

import java.util.List;

/** The admin's re-import of the dataset files shipped with this version of the service. */
@Path("/api/v1/admin/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Maintenance of the dataset; admins only.")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class DatasetAdminResource {

    @Inject
    DatasetAdminService service;

    @POST
    @Operation(operationId = "importDataset", summary = "Re-import the dataset files", description = "Upserts by id, appends status events not yet "
            + "recorded and never edits recorded history. dryRun=true (the default) reports what would change and "
            + "changes nothing; dryRun=false applies it.")
    @APIResponse(responseCode = "200", description = "What changed, or would change.")
    @APIResponse(responseCode = "422", description = "The dataset files shipped with this build break the rules of "
            + "docs/dataset.md; detail names each record, event and field. Nothing is imported.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "dryRun is neither true nor false.")
    public ImportResult importDataset(
            @Parameter(description = "Report only (true, the default) or apply (false).", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("dryRun") List<String> dryRun) {
        QueryParams params = new QueryParams();
        String value = params.single("dryRun", dryRun).orElse("true");
        if (!value.equals("true") && !value.equals("false")) {
            params.reject("dryRun", "must be true or false");
        }
        params.check();
        return service.run(!value.equals("false"));
    }
}
