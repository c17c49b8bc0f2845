package org.recsregistry.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsregistry.audit.dto.AuditView;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.Roles;

import java.util.List;

/** The audit log of every write, newest first, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who wrote what and when; admins only.")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log", description = "Every write: who, when, what, and the record before and after.")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first.")
    public Page<AuditView> list(
            @Parameter(description = "Only writes to this kind of record.", example = "recommendation",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("targetType") List<String> targetType,
            @Parameter(description = "Only writes to this record.", example = "coi-2014-90-a",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("targetId") List<String> targetId,
            @Parameter(description = "Page size, 1 to 200; default 50.", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") List<String> limit,
            @Parameter(description = "nextCursor of the previous page.", example = "120",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("cursor") List<String> cursor) {
        QueryParams params = new QueryParams();
        String type = params.single("targetType", targetType).orElse(null);
        String id = params.single("targetId", targetId).orElse(null);
        int size = params.integer("limit", limit, 50, 1, 200);
        long before = params.idCursor("cursor", cursor).orElse(Long.MAX_VALUE);
        params.check();
        return audit.list(type, id, before, size);
    }
}
