package org.recsregistry.export;

import org.recsregistry.recommendation.RecommendationFilter;

/** A validated export request: which records (the list's filter) and how to write them. */
public record ExportQuery(RecommendationFilter filter, ExportFormat format, boolean bom) {
}
