package org.recsregistry.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.dto.RecommendationItem;
import org.recsregistry.recommendation.dto.RecommendationPage;

import java.io.IOException;
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

    @Inject
    ObjectMapper json;

    /**
     * One page of the list. {@code parameters} holds the list parameters by name; a bad value is a 400
     * naming it, as from the API.
     */
    public Page<RecommendationItem> list(Map<String, List<String>> parameters) {
        QueryParams params = new QueryParams();
        RecommendationQuery query = ListParams.of(parameters).query(params);
        params.check();
        RecommendationPage page = service.list(query);
        return new Page<>(page.items().stream().map(this::item).toList(), page.total(), page.nextCursor());
    }

    private RecommendationItem item(byte[] stored) {
        try {
            return json.readValue(stored, RecommendationItem.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored recommendation is not a RecommendationItem", e);
        }
    }
}
