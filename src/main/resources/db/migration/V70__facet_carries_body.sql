-- Each record's JSON moves from recommendation_item onto its facet row (issue 10). A page that walks a
-- sort's index then finds each record's JSON on the row it already reads, instead of one more index
-- lookup per record: on 1M records PostgreSQL answered the uncached page 1.7 times as often
-- (docs/benchmarks.md, "eighth round"). Pages with few matches still read keys first and the JSON of
-- the page's records alone.

alter table recommendation_facet add column body json;
update recommendation_facet f set body = i.body from recommendation_item i where i.recommendation_id = f.recommendation_id;
alter table recommendation_facet alter column body set not null;
drop function refresh_recommendation_item(text);
drop table recommendation_item;

-- The facet of one recommendation as its rows stand now, with its JSON; no row when it is deleted or absent.
create or replace function recommendation_facet_of(rid text) returns setof recommendation_facet language sql stable as $$
    select r.id, r.source_id, r.overall_status,
           coalesce((select array_agg(ra.addressee_code order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(ra.addressee_code || ':' || ra.status order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(rt.theme_code order by rt.theme_code)
                     from recommendation_theme rt where rt.recommendation_id = r.id), '{}'),
           r.locator, r.created_at, r.updated_at,
           (select j.body::json from recommendation_json j where j.recommendation_id = r.id)
    from recommendation r where r.id = rid and r.deleted_at is null
$$;

create or replace function refresh_recommendation_facet(rid text) returns void language plpgsql as $$
declare
    was recommendation_facet%rowtype;
    now_ recommendation_facet%rowtype;
begin
    -- Every writer locks registry_state (the revision) before it counts, so facet_count rows are
    -- only ever changed by one transaction at a time and two writers cannot deadlock on them.
    perform 1 from registry_state for update;
    select * into was from recommendation_facet where recommendation_id = rid;
    select * into now_ from recommendation_facet_of(rid);
    if was.recommendation_id is not null and now_.recommendation_id is not null
            and (was.source_id, was.overall_status, was.pairs, was.themes)
                = (now_.source_id, now_.overall_status, now_.pairs, now_.themes) then
        -- Same combination, so the counts stand; the sort keys and the JSON may have moved.
        update recommendation_facet set locator = now_.locator, created_at = now_.created_at,
                                        updated_at = now_.updated_at, body = now_.body
        where recommendation_id = rid;
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
        delete from recommendation_facet where recommendation_id = rid;
    end if;
    if now_.recommendation_id is not null then
        insert into recommendation_facet values (now_.*);
        insert into facet_count values (now_.source_id, now_.overall_status, now_.addressees, now_.pairs, now_.themes, 1)
        on conflict (source_id, overall_status, pairs, themes) do update set matches = facet_count.matches + 1;
    end if;
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
end $$;

-- The triggers refresh the facet, which now carries the JSON too.
create or replace function recommendation_facet_refresh() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation_facet(case when tg_op = 'DELETE' then old.recommendation_id else new.recommendation_id end);
    return null;
end $$;

create or replace function recommendation_facet_refresh_self() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation_facet(case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end $$;

drop function refresh_recommendation(text);

-- A renamed addressee or source changes the JSON of every record that names it.
create function refresh_recommendation_body(rid text) returns void language sql as $$
    update recommendation_facet set body = (select j.body::json from recommendation_json j where j.recommendation_id = rid)
    where recommendation_id = rid
$$;

create or replace function recommendation_item_rename() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'addressee' then
        perform refresh_recommendation_body(ra.recommendation_id)
        from recommendation_addressee ra where ra.addressee_code = new.code;
    else
        perform refresh_recommendation_body(r.id) from recommendation r where r.source_id = new.id;
    end if;
    return null;
end $$;
