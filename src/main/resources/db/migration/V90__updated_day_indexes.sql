-- The sorts' indexes again, each after the UTC day of updated_at (issue 10). An updatedSince page sorted by
-- anything but updatedAt walked its sort's index from the start and read every record updated before
-- the date until it met the first one after it: where ids and creation follow the age of the records, as
-- they do on a registry that grows, that was every older record (2.6 s at 1M). With these a page reads
-- each day since the date in the sort's order, a page's worth at most from each, and keeps the first
-- (RecommendationRows#page; docs/benchmarks.md, "twenty-third round"). The day is the one
-- facet_period_count keeps ('day' rows), so the days to read are known from the counts.

create index recommendation_facet_day_id_idx
    on recommendation_facet (((timezone('UTC', updated_at))::date), recommendation_id);
create index recommendation_facet_day_created_idx
    on recommendation_facet (((timezone('UTC', updated_at))::date), created_at, recommendation_id);
create index recommendation_facet_day_source_idx
    on recommendation_facet (((timezone('UTC', updated_at))::date), source_id, recommendation_id);
create index recommendation_facet_day_locator_idx
    on recommendation_facet (((timezone('UTC', updated_at))::date), locator, recommendation_id);
