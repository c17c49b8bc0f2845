-- The counts per period, laid out in the order they are read (issue 10). A dated total sums the rows of a
-- few periods, read on the primary key, which leads with (level, period); the rebuild inserted them in the
-- order of its hash aggregate, so the 584 rows of an asOf total at 1M records sat on 375 of the table's
-- 762 pages, each read into shared buffers on the first read after a load or a restart.
--
-- The rebuild now inserts them in key order, the tables are rewritten in that order once here, and each
-- page keeps half its space free, so that a count updated by a write stays on its page (a HOT update, as no
-- indexed column changes) instead of moving to the table's end.

alter table facet_period_count set (fillfactor = 50);
alter table era_edge_count set (fillfactor = 50);

create or replace function rebuild_dated_counts() returns void language plpgsql as $$
begin
    delete from facet_period_count;
    insert into facet_period_count
    select l.level, date_trunc(l.level, f.updated_at, 'UTC'), f.source_id, f.overall_status, f.addressees, f.pairs,
           f.themes, count(*)
    from recommendation_facet f cross join (values ('hour'), ('day'), ('month')) l(level)
    group by 1, 2, f.source_id, f.overall_status, f.addressees, f.pairs, f.themes
    order by 1, 2, f.source_id, f.overall_status, f.pairs, f.themes;
    delete from era_edge_count;
    delete from recommendation_era;
    insert into recommendation_era select * from recommendation_era_of;
    insert into era_edge_count
    select l.level, date_trunc(l.level, x.edge::timestamp)::date, x.source_id, x.themes, x.pairs, x.mask,
           count(*) filter (where x.is_start), count(*) filter (where not x.is_start)
    from (select e.valid_from as edge, true as is_start, e.source_id, e.themes, e.pairs, e.mask from recommendation_era e
          union all
          select e.valid_until, false, e.source_id, e.themes, e.pairs, e.mask from recommendation_era e
          where e.valid_until <> 'infinity') x
    cross join (values ('year'), ('month'), ('day')) l(level)
    group by 1, 2, x.source_id, x.themes, x.pairs, x.mask
    order by 1, 2, x.source_id, x.themes, x.pairs;
end $$;

cluster facet_period_count using facet_period_count_pkey;
cluster era_edge_count using era_edge_count_pkey;
