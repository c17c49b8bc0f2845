package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.dto.RecommendationItem;

import java.util.List;
import java.util.Map;

/**
 * The recommendation list for readers outside this package (the web pages): the list endpoint's own
 * parameters, read by {@link ListParams} as the API reads them, so that a page and the API with the
 * same parameters list the same records with the same cursors.
 */
@ApplicationScoped
public class RecommendationListing {

    @Inject
    RecommendationService service;

    /**
     * One page of the list. {@code parameters} holds the list parameters by name; a bad value is a 400
     * naming it, as from the API.
     */
    public Page<RecommendationItem> list(Map<String, List<String>> parameters) {
        QueryParams params = new QueryParams();
        RecommendationQuery query = ListParams.of(parameters).query(params);
        params.check();
        return service.list(query);
    }
}
