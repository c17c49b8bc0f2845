-- Counts kept for the dated filters (issue 10), so that the exact total of an updatedSince or an
-- asOf page is a sum over a few hundred kept rows instead of a count over every match: at 1M records
-- those counts took 0.7-9.9 s (docs/benchmarks.md, "twenty-second round").
--
-- updatedSince: facet_period_count counts the live records of each facet combination per UTC hour,
-- day and month of their updated_at. [T, infinity) is the rows of T's own hour from T on (counted on
-- recommendation_facet's updated_at index), then whole hours to the end of T's day, whole days to the
-- end of its month and whole months after it, each read once from its level.
--
-- asOf with a status: recommendation_era holds, per live record, the spans of effective dates over
-- which its addressees' statuses stood still (the first from -infinity, all unknown; the last to
-- infinity), with the statuses as of the span. era_edge_count counts the spans that start and end
-- per year, month and day, per combination; the spans that hold on a date D are those started by D
-- minus those ended by D, read once from each level as above.

create table facet_period_count (
    level          text not null, -- 'hour', 'day' or 'month', in UTC
    period         timestamptz not null, -- its start
    source_id      text not null,
    overall_status text not null,
    addressees     text[] not null,
    pairs          text[] not null,
    themes         text[] not null,
    matches        bigint not null check (matches > 0),
    primary key (level, period, source_id, overall_status, pairs, themes)
);

-- The mask of the statuses in 'CODE:status' pairs: bit i is the status of ordinal i in
-- org.recsregistry.status.Status (StatusSetTest checks that the two agree).
create function status_mask(pairs text[]) returns int language sql immutable parallel safe as $$
    select coalesce(bit_or(1 << (array_position(array['not_implemented', 'in_progress', 'partially_implemented',
                                                      'implemented', 'rejected', 'superseded', 'unknown'],
                                                split_part(p, ':', 2)) - 1)), 0)
    from unnest(pairs) p
$$;

create table recommendation_era (
    recommendation_id text not null,
    valid_from        date not null, -- -infinity before the first event
    valid_until       date not null, -- exclusive; infinity for the statuses that stand now
    source_id         text not null,
    themes            text[] not null,
    pairs             text[] not null, -- 'CODE:status' as they stood, by code
    mask              int not null,    -- status_mask(pairs)
    primary key (recommendation_id, valid_from)
);
-- A filter with few matches as of a date finds them by their statuses (FilterSql#clausesByCombination).
create index recommendation_era_mask_idx on recommendation_era (mask, valid_from);

create table era_edge_count (
    level     text not null, -- 'year', 'month' or 'day'
    period    date not null, -- its start; -infinity for the spans that hold from the start
    source_id text not null,
    themes    text[] not null,
    pairs     text[] not null,
    mask      int not null,
    starts    bigint not null,
    ends      bigint not null,
    primary key (level, period, source_id, themes, pairs)
);

-- The spans of every live record, with their statuses as of each: a span starts at -infinity and
-- at each date on which an event of one of its addressees is effective. Selecting one id reads
-- that record alone; selecting all of them rebuilds the table in one pass.
create view recommendation_era_of as
select f.recommendation_id, d.valid_from,
       coalesce(lead(d.valid_from) over (partition by f.recommendation_id order by d.valid_from), 'infinity') as valid_until,
       f.source_id, f.themes, p.pairs, status_mask(p.pairs) as mask
from recommendation_facet f
cross join lateral (
    select date '-infinity' as valid_from
    union
    select se.effective_date from status_event se
    join recommendation_addressee ra on ra.recommendation_id = se.recommendation_id and ra.addressee_code = se.addressee_code
    where se.recommendation_id = f.recommendation_id) d
cross join lateral (
    select coalesce(array_agg(ra.addressee_code || ':' || coalesce(e.to_status, 'unknown') order by ra.addressee_code), '{}') as pairs
    from recommendation_addressee ra
    left join lateral (select se.to_status from status_event se
                       where se.recommendation_id = ra.recommendation_id and se.addressee_code = ra.addressee_code
                         and se.effective_date <= d.valid_from
                       order by se.effective_date desc, se.id desc limit 1) e on true
    where ra.recommendation_id = f.recommendation_id) p;

-- Adds (delta 1) or takes away (delta -1) one record's facet in the counts per period of its updated_at.
create function count_facet_periods(f recommendation_facet, delta int) returns void language plpgsql as $$
declare
    level_ text;
    period_ timestamptz;
begin
    foreach level_ in array array['hour', 'day', 'month'] loop
        period_ := date_trunc(level_, f.updated_at, 'UTC');
        if delta > 0 then
            insert into facet_period_count
            values (level_, period_, f.source_id, f.overall_status, f.addressees, f.pairs, f.themes, 1)
            on conflict (level, period, source_id, overall_status, pairs, themes)
                do update set matches = facet_period_count.matches + 1;
        else
            delete from facet_period_count
            where (level, period, source_id, overall_status, pairs, themes)
                = (level_, period_, f.source_id, f.overall_status, f.pairs, f.themes) and matches = 1;
            if not found then
                update facet_period_count set matches = matches - 1
                where (level, period, source_id, overall_status, pairs, themes)
                    = (level_, period_, f.source_id, f.overall_status, f.pairs, f.themes);
            end if;
        end if;
    end loop;
end $$;

-- Adds or takes away one span's start and end in the counts per year, month and day.
create function count_era_edges(e recommendation_era, delta int) returns void language plpgsql as $$
declare
    level_ text;
    edge date;
    is_start boolean;
    key_ date;
    left_ bigint;
begin
    foreach is_start in array array[true, false] loop
        edge := case when is_start then e.valid_from else e.valid_until end;
        continue when edge = 'infinity';
        foreach level_ in array array['year', 'month', 'day'] loop
            key_ := date_trunc(level_, edge::timestamp)::date;
            insert into era_edge_count
            values (level_, key_, e.source_id, e.themes, e.pairs, e.mask,
                    case when is_start then delta else 0 end, case when is_start then 0 else delta end)
            on conflict (level, period, source_id, themes, pairs) do update
                set starts = era_edge_count.starts + excluded.starts, ends = era_edge_count.ends + excluded.ends
            returning starts + ends into left_;
            if left_ = 0 then
                delete from era_edge_count
                where (level, period, source_id, themes, pairs) = (level_, key_, e.source_id, e.themes, e.pairs);
            end if;
        end loop;
    end loop;
end $$;

-- Recounts one record's spans; nothing is counted again when they have not changed.
create function refresh_recommendation_eras(rid text) returns void language plpgsql as $$
declare
    era recommendation_era%rowtype;
begin
    perform 1 from registry_state for update;
    if (select coalesce(array_agg(e order by e.valid_from), '{}') from recommendation_era e where e.recommendation_id = rid)
       = (select coalesce(array_agg(cast(row(o.*) as recommendation_era) order by o.valid_from), '{}')
          from recommendation_era_of o where o.recommendation_id = rid) then
        return;
    end if;
    for era in delete from recommendation_era where recommendation_id = rid returning * loop
        perform count_era_edges(era, -1);
    end loop;
    for era in insert into recommendation_era select * from recommendation_era_of where recommendation_id = rid
               returning * loop
        perform count_era_edges(era, 1);
    end loop;
end $$;

create or replace function refresh_recommendation_facet(rid text) returns void language plpgsql as $$
declare
    was recommendation_facet%rowtype;
    now_ recommendation_facet%rowtype;
begin
    -- Every writer locks registry_state (the revision) before it counts, so the count rows are
    -- only ever changed by one transaction at a time and two writers cannot deadlock on them.
    perform 1 from registry_state for update;
    select * into was from recommendation_facet where recommendation_id = rid;
    select * into now_ from recommendation_facet_of(rid);
    if was.recommendation_id is not null and now_.recommendation_id is not null
            and (was.source_id, was.overall_status, was.pairs, was.themes)
                = (now_.source_id, now_.overall_status, now_.pairs, now_.themes) then
        -- Same combination, so its count stands; the sort keys and the JSON may have moved.
        update recommendation_facet set locator = now_.locator, created_at = now_.created_at,
                                        updated_at = now_.updated_at, body = now_.body
        where recommendation_id = rid;
        if was.updated_at <> now_.updated_at then
            perform count_facet_periods(was, -1);
            perform count_facet_periods(now_, 1);
        end if;
        return;
    end if;
    if was.recommendation_id is not null then
        delete from facet_count
        where (source_id, overall_status, pairs, themes) = (was.source_id, was.overall_status, was.pairs, was.themes)
          and matches = 1;
        if not found then
            update facet_count set matches = matches - 1
            where (source_id, overall_status, pairs, themes) = (was.source_id, was.overall_status, was.pairs, was.themes);
        end if;
        perform count_facet_periods(was, -1);
        delete from recommendation_facet where recommendation_id = rid;
    end if;
    if now_.recommendation_id is not null then
        insert into recommendation_facet values (now_.*);
        insert into facet_count values (now_.source_id, now_.overall_status, now_.addressees, now_.pairs, now_.themes, 1)
        on conflict (source_id, overall_status, pairs, themes) do update set matches = facet_count.matches + 1;
        perform count_facet_periods(now_, 1);
    end if;
    -- A record's spans carry its source and themes, and it has none once deleted.
    perform refresh_recommendation_eras(rid);
end $$;

create function status_event_eras() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation_eras(case when tg_op = 'DELETE' then old.recommendation_id else new.recommendation_id end);
    return null;
end $$;

create trigger status_event_eras after insert or update or delete on status_event
    for each row execute function status_event_eras();

-- Rebuilds the counts of this migration from the facets and the history.
create function rebuild_dated_counts() returns void language plpgsql as $$
begin
    delete from facet_period_count;
    insert into facet_period_count
    select l.level, date_trunc(l.level, f.updated_at, 'UTC'), f.source_id, f.overall_status, f.addressees, f.pairs,
           f.themes, count(*)
    from recommendation_facet f cross join (values ('hour'), ('day'), ('month')) l(level)
    group by 1, 2, f.source_id, f.overall_status, f.addressees, f.pairs, f.themes;
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
    group by 1, 2, x.source_id, x.themes, x.pairs, x.mask;
end $$;

create or replace function rebuild_recommendation_facets() returns void language plpgsql as $$
begin
    delete from facet_count;
    delete from recommendation_facet;
    insert into recommendation_facet
    select r.id, r.source_id, r.overall_status, coalesce(a.codes, '{}'), coalesce(a.pairs, '{}'), coalesce(t.codes, '{}'),
           r.locator, r.created_at, r.updated_at, j.body::json
    from recommendation r
    join recommendation_json j on j.recommendation_id = r.id
    left join (select recommendation_id, array_agg(addressee_code order by addressee_code) as codes,
                      array_agg(addressee_code || ':' || status order by addressee_code) as pairs
               from recommendation_addressee group by recommendation_id) a on a.recommendation_id = r.id
    left join (select recommendation_id, array_agg(theme_code order by theme_code) as codes
               from recommendation_theme group by recommendation_id) t on t.recommendation_id = r.id
    where r.deleted_at is null;
    insert into facet_count
    select source_id, overall_status, addressees, pairs, themes, count(*)
    from recommendation_facet group by source_id, overall_status, addressees, pairs, themes;
    perform rebuild_dated_counts();
end $$;

select rebuild_dated_counts();
