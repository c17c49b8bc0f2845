-- The combination index again, ending with updated_at (issue 10). An updatedSince filter with few matches
-- reads them by their combination (RecommendationRows#page), and the index found every record of each
-- combination, whatever its update: addressee=DPRK&updatedSince=... read all 100k DPRK rows to keep 35
-- (150 ms at 100k records). With updated_at in the key, the date bounds each combination's range too
-- (289 buffers, 4 ms; docs/benchmarks.md, "twenty-fourth round"). Equality on the four columns alone, the
-- other filters' reads, uses it as before.

drop index recommendation_facet_combination_idx;
create index recommendation_facet_combination_idx
    on recommendation_facet (source_id, overall_status, pairs, themes, updated_at);
