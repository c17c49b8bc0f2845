package org.recsregistry.export;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.recsregistry.export.dto.ExportDocument;
import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.FilterParams;

import java.util.List;

/** The whole registry, or a filtered part, as one consistent download that a feed cursor continues. */
@Path("/api/v1/export")
@Tag(name = "Export", description = "The whole registry, or a filtered part, from one consistent snapshot.")
public class ExportResource {

    static final String FEED_CURSOR = "X-Feed-Cursor";

    @Inject
    ExportService service;

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.NDJSON_MEDIA_TYPE, ExportFormat.CSV_MEDIA_TYPE})
    @Operation(operationId = "exportRegistry", summary = "Export the registry",
            description = "Every live recommendation that matches the filters (all of them without filters), by id, "
                    + "streamed from one consistent snapshot. The snapshot is exactly the registry at the feed "
                    + "cursor X-Feed-Cursor: load it, then follow GET /api/v1/changes?since=<cursor> and nothing "
                    + "is missed or applied twice. json carries the cursor in its first field too; ndjson and csv "
                    + "only in the header and the file name. CSV follows RFC 4180 (CRLF, quoted fields); "
                    + "multi-valued fields are joined with \"; \", addressees as CODE:status and statusSince as "
                    + "CODE:date. Soft-deleted records are left out. The filters are those of the list, with the same "
                    + "meaning, so the export holds exactly the ids a walk of the list finds; with asOf, statuses "
                    + "(and overallStatus) are those as of that date.")
    @APIResponse(responseCode = "200", description = "The export, streamed.",
            headers = {
                    @Header(name = FEED_CURSOR, description = "The feed cursor this snapshot corresponds to; pass it "
                            + "as since to GET /api/v1/changes.", schema = @Schema(type = SchemaType.STRING, example = "1234")),
                    @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment; "
                            + "filename=\"registry-<cursor>.<format>\"", schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportDocument.class)),
                    // ndjson: one ExportRecord per line.
                    @Content(mediaType = ExportFormat.NDJSON_MEDIA_TYPE, schema = @Schema(implementation = ExportRecord.class)),
                    @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 CSV with a header row: id, sourceId, locator, text, textVerified, "
                                    + "summary, overallStatus, addressees, statusSince, statusEvidenceKind, "
                                    + "statusEvidenceDate, statusEvidenceUrl, themes, links, createdAt, updatedAt, "
                                    + "version. A text cell that a spreadsheet would run as a formula (starting "
                                    + "with =, +, -, @, tab or carriage return) starts with an apostrophe."))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each one is named in invalidParams.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "json (default): {\"cursor\", \"items\"}; ndjson: one record per line; csv.",
                    schema = @Schema(implementation = ExportFormat.class), example = "csv")
            @QueryParam("format") List<String> format,
            @Parameter(description = "true: start the CSV with a UTF-8 byte order mark, for spreadsheet programs. "
                    + "csv only; default false.", schema = @Schema(type = SchemaType.BOOLEAN), example = "true")
            @QueryParam("bom") List<String> bom,
            @BeanParam FilterParams filter,
            @Context RoutingContext routing) {
        QueryParams params = new QueryParams();
        ExportQuery query = service.query(params, format, bom, filter);
        params.check();
        ExportSnapshot snapshot = service.open(query);
        // Should the exchange end before the body is written, the transaction must not stay open.
        routing.addEndHandler(ended -> Infrastructure.getDefaultWorkerPool().execute(snapshot::abandon));
        return Response.ok(service.body(snapshot), query.format().mediaType())
                .header(FEED_CURSOR, Long.toString(snapshot.head()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + query.format().fileName(snapshot.head()) + "\"")
                .build();
    }
}
