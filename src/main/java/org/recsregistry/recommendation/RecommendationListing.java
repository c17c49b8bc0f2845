package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.dto.RecommendationItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendation list for readers outside this package (the web pages): the list endpoint's own
 * parameters, read by its rules into a {@link RecommendationQuery} here and nowhere else outside
 * {@link RecommendationResource}, so that a page and the API with the same parameters list the same
 * records with the same cursors.
 */
@ApplicationScoped
public class RecommendationListing {

    @Inject
    RecommendationService service;

    /**
     * One page of the list. {@code parameters} holds the values of addressee, status, source, theme, q,
     * sort, limit and cursor by name; a bad value is a 400 naming it, as from the API.
     */
    public Page<RecommendationItem> list(Map<String, List<String>> parameters) {
        QueryParams params = new QueryParams();
        SortOrder.Spec spec = params.single("sort", parameters.get("sort"))
                .map(value -> SortOrder.Spec.parse(value).orElseGet(() -> {
                    params.reject("sort", "unknown sort '" + value + "'; allowed: " + SortOrder.Spec.allowed());
                    return null;
                })).orElseGet(() -> SortOrder.Spec.parse(SortOrder.DEFAULT).orElseThrow());
        Cursor after = params.single("cursor", parameters.get("cursor")).map(value -> Cursor.decode(value).orElseGet(() -> {
            params.reject("cursor", "is not a cursor this service issued");
            return null;
        })).orElse(null);
        if (after != null && spec != null && !after.sort().equals(spec.param())) {
            params.reject("cursor", "belongs to sort '" + after.sort() + "', not '" + spec.param() + "'");
        } else if (after != null && spec != null && !after.fits(spec.key())) {
            params.reject("cursor", "is not a cursor this service issued");
        }
        RecommendationQuery query = new RecommendationQuery(
                params.repeated("addressee", parameters.get("addressee")),
                params.enums("status", parameters.get("status"), Status.class),
                params.repeated("source", parameters.get("source")),
                params.repeated("theme", parameters.get("theme")),
                params.single("q", parameters.get("q")).filter(text -> !text.isBlank()),
                Optional.empty(),
                spec,
                params.integer("limit", parameters.get("limit"), RecommendationResource.DEFAULT_LIMIT, 1,
                        RecommendationResource.MAX_LIMIT),
                Optional.ofNullable(after),
                Optional.empty());
        params.check();
        return service.list(query);
    }
}
