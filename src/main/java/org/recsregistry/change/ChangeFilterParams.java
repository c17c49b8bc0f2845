package org.recsregistry.change;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.status.Status;

import java.util.List;

/** The filter parameters of the change feed, its stream and the Atom feed, declared and documented once. */
public class ChangeFilterParams {

    @Parameter(description = "Entry kind; repeat for any of several.", example = "status_changed",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ChangeKind.class))
    @QueryParam("kind")
    List<String> kind;

    @Parameter(description = "Addressee code; repeat for any of several. Matches status changes of that addressee "
            + "and other entries of recommendations addressed to it.", example = "CHN")
    @QueryParam("addressee")
    List<String> addressee;

    @Parameter(description = "New status of status_changed entries; repeat for any of several.",
            example = "implemented", schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class))
    @QueryParam("status")
    List<String> status;

    @Parameter(description = "Who says so: the evidence kind of status_changed entries; repeat for any of several. "
            + "Other entries never match.", example = "un_body",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceKind.class))
    @QueryParam("evidenceKind")
    List<String> evidenceKind;

    /** Reads the parameters into {@code params}; call {@link QueryParams#check()} before using the filter. */
    public ChangeFilter filter(QueryParams params) {
        return new ChangeFilter(params.enums("kind", kind, ChangeKind.class), params.repeated("addressee", addressee),
                params.enums("status", status, Status.class), params.enums("evidenceKind", evidenceKind, EvidenceKind.class));
    }
}
