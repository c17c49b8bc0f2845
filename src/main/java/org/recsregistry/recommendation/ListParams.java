package org.recsregistry.recommendation;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.recsregistry.common.QueryParams;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parameters of a recommendation list: the filter, the sort and the page. Read by the API and the pages alike. */
public class ListParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @BeanParam
    FilterParams filter = new FilterParams();

    @Parameter(description = "Sort key, descending with a leading '-': id (default), updatedAt, createdAt, "
            + "source, locator. Ties are broken by id.", example = "-updatedAt",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {"id", "-id",
                    "updatedAt", "-updatedAt", "createdAt", "-createdAt", "source", "-source", "locator",
                    "-locator"}))
    @QueryParam("sort")
    List<String> sort;

    @Parameter(description = "Page size, 1 to 200; default 50.", example = "50",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    @QueryParam("limit")
    List<String> limit;

    @Parameter(description = "Opaque cursor from nextCursor of the previous page, with the same sort.",
            example = "eyJzIjoiaWQiLCJrIjoiY29pLTIwMTQtODktYSIsImlkIjoiY29pLTIwMTQtODktYSJ9",
            schema = @Schema(type = SchemaType.STRING))
    @QueryParam("cursor")
    List<String> cursor;

    /** The parameters given by name, as a query string or a form has them. */
    public static ListParams of(Map<String, List<String>> values) {
        ListParams list = new ListParams();
        list.filter.addressee = values.get("addressee");
        list.filter.status = values.get("status");
        list.filter.source = values.get("source");
        list.filter.theme = values.get("theme");
        list.filter.q = values.get("q");
        list.filter.updatedSince = values.get("updatedSince");
        list.filter.asOf = values.get("asOf");
        list.filter.evidenceKind = values.get("evidenceKind");
        list.sort = values.get("sort");
        list.limit = values.get("limit");
        list.cursor = values.get("cursor");
        return list;
    }

    /** Reads the parameters into {@code params}; call {@link QueryParams#check()} before using the query. */
    public RecommendationQuery query(QueryParams params) {
        SortOrder.Spec spec = params.single("sort", sort).map(value -> SortOrder.Spec.parse(value).orElseGet(() -> {
            params.reject("sort", "unknown sort '" + value + "'; allowed: " + SortOrder.Spec.allowed());
            return null;
        })).orElseGet(() -> SortOrder.Spec.parse(SortOrder.DEFAULT).orElseThrow());
        Cursor after = params.single("cursor", cursor).map(value -> Cursor.decode(value).orElseGet(() -> {
            params.reject("cursor", "is not a cursor this service issued");
            return null;
        })).orElse(null);
        if (after != null && spec != null && !after.sort().equals(spec.param())) {
            params.reject("cursor", "belongs to sort '" + after.sort() + "', not '" + spec.param() + "'");
        } else if (after != null && spec != null && !after.fits(spec.key())) {
            params.reject("cursor", "is not a cursor this service issued");
        }
        return new RecommendationQuery(filter.filter(params), spec,
                params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), Optional.ofNullable(after));
    }
}
