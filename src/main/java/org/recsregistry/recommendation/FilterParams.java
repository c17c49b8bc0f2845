package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.recsregistry.common.QueryParams;

import java.util.List;

/** The filter parameters of every endpoint that selects recommendations, declared and documented once. */
public class FilterParams {

    public static final String ASOF_DESCRIPTION = "The registry as it stood at the end of this ISO 8601 date: only "
            + "the records whose source had been published by then (at the precision of its date), with statuses "
            + "rebuilt from the status history (events effective on or before it). A future date gives the current "
            + "statuses.";

    @Parameter(description = "Addressee code; repeat for any of several.", example = "CHN")
    @QueryParam("addressee")
    List<String> addressee;

    @Parameter(description = "Status; repeat for any of several. With addressee, matches that addressee's own "
            + "status; without, the overall status. With asOf, the statuses as of that date.",
            example = "not_implemented", schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class))
    @QueryParam("status")
    List<String> status;

    @Parameter(description = "Source id; repeat for any of several.", example = "coi-2014")
    @QueryParam("source")
    List<String> source;

    @Parameter(description = "Theme code; repeat for any of several.", example = "accountability")
    @QueryParam("theme")
    List<String> theme;

    @Parameter(description = "Full-text search over text and summary (PostgreSQL websearch syntax: words, "
            + "\"quoted phrases\", or, -excluded).", example = "prison camps",
            schema = @Schema(type = SchemaType.STRING))
    @QueryParam("q")
    List<String> q;

    @Parameter(description = "Only records updated at or after this instant (ISO 8601 date or date-time).",
            example = "2024-01-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING))
    @QueryParam("updatedSince")
    List<String> updatedSince;

    @Parameter(description = ASOF_DESCRIPTION, example = "2016-01-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("asOf")
    List<String> asOf;

    @Parameter(description = "Who says so: records with an addressee whose status (as of asOf when given) rests on "
            + "evidence of this kind; repeat for any of several.", example = "un_body",
            schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceKind.class))
    @QueryParam("evidenceKind")
    List<String> evidenceKind;

    /** Reads the parameters into {@code params}; call {@link QueryParams#check()} before using the filter. */
    public RecommendationFilter filter(QueryParams params) {
        return new RecommendationFilter(
                params.repeated("addressee", addressee),
                params.enums("status", status, Status.class),
                params.repeated("source", source),
                params.repeated("theme", theme),
                params.single("q", q).filter(text -> !text.isBlank()),
                params.instant("updatedSince", updatedSince),
                params.date("asOf", asOf),
                params.enums("evidenceKind", evidenceKind, EvidenceKind.class));
    }
}
