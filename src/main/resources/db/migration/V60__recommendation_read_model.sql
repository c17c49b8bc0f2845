-- The read model of the list (issue 10): a page is the keys of its records, found on one narrow
-- table (recommendation_facet, which now also carries every sort key, so that a filter and its sort
-- read the same rows and indexes), and the JSON of each record as the list serves it
-- (recommendation_item), kept in the transaction that changes the record, its addressees, themes,
-- or the names of its source and addressees. Pages no longer aggregate anything at read time.

alter table recommendation_facet
    add column locator text,
    add column created_at timestamptz,
    add column updated_at timestamptz;
update recommendation_facet f set locator = r.locator, created_at = r.created_at, updated_at = r.updated_at
from recommendation r where r.id = f.recommendation_id;
alter table recommendation_facet
    alter column locator set not null,
    alter column created_at set not null,
    alter column updated_at set not null;

-- One index per sort, each ending in the id that breaks ties (the id sort has the primary key). The
-- source index also serves a source filter sorted by id.
drop index recommendation_facet_source_idx;
create index recommendation_facet_source_idx on recommendation_facet (source_id, recommendation_id);
create index recommendation_facet_updated_idx on recommendation_facet (updated_at, recommendation_id);
create index recommendation_facet_created_idx on recommendation_facet (created_at, recommendation_id);
create index recommendation_facet_locator_idx on recommendation_facet (locator, recommendation_id);
-- A filter with few matches reads them by their combination (the key of facet_count), whichever
-- facets it names (RecommendationRows#page, registry.list.sparse-matches).
create index recommendation_facet_combination_idx on recommendation_facet (source_id, overall_status, pairs, themes);
-- The sorts no longer walk the recommendation table.
drop index recommendation_created_idx;
drop index recommendation_locator_idx;

-- An instant as the API writes every other one (Jackson, java.time.Instant#toString): UTC, with the
-- fraction of a second in groups of three digits, and none when it is zero.
create function json_instant(t timestamptz) returns text language sql immutable parallel safe as $$
    select '"' || to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when extract(microseconds from t)::bigint % 1000000 = 0 then ''
                when extract(microseconds from t)::bigint % 1000 = 0 then to_char(t at time zone 'UTC', '.MS')
                else to_char(t at time zone 'UTC', '.US') end
        || 'Z"'
$$;

-- Each live record as a RecommendationItem in the API's JSON: same fields, same order, same values
-- (RecommendationItemJsonTest compares it with Jackson's rendering of the entity). Selecting one id
-- reads that record alone; selecting all of them rebuilds the table in one pass.
create view recommendation_json as
select r.id as recommendation_id,
       '{"id":' || to_json(r.id)::text
           || ',"source":{"id":' || to_json(s.id)::text || ',"title":' || to_json(s.title)::text
           || ',"kind":' || to_json(s.kind)::text || '}'
           || ',"locator":' || to_json(r.locator)::text
           || ',"text":' || to_json(r.text)::text
           || ',"textVerified":' || r.text_verified::text
           || ',"summary":' || to_json(r.summary)::text
           || ',"overallStatus":' || to_json(r.overall_status)::text
           || ',"addressees":[' || coalesce(a.items, '') || ']'
           || ',"themes":[' || coalesce(t.items, '') || ']'
           || ',"createdAt":' || json_instant(r.created_at)
           || ',"updatedAt":' || json_instant(r.updated_at)
           || ',"version":' || r.version::text || '}' as body
from recommendation r
join source s on s.id = r.source_id
left join lateral (
    select string_agg('{"code":' || to_json(ra.addressee_code)::text || ',"name":' || to_json(ad.name)::text
                          || ',"status":' || to_json(ra.status)::text
                          || ',"statusSince":' || coalesce(to_json(ra.status_since)::text, 'null') || '}',
                      ',' order by ra.addressee_code) as items
    from recommendation_addressee ra join addressee ad on ad.code = ra.addressee_code
    where ra.recommendation_id = r.id) a on true
left join lateral (
    select string_agg(to_json(rt.theme_code)::text, ',' order by rt.theme_code) as items
    from recommendation_theme rt where rt.recommendation_id = r.id) t on true
where r.deleted_at is null;

create table recommendation_item (
    recommendation_id text primary key,
    body              json not null
);
insert into recommendation_item select recommendation_id, body::json from recommendation_json;

-- The facet of one recommendation as its rows stand now; no row when it is deleted or absent.
create or replace function recommendation_facet_of(rid text) returns setof recommendation_facet language sql stable as $$
    select r.id, r.source_id, r.overall_status,
           coalesce((select array_agg(ra.addressee_code order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(ra.addressee_code || ':' || ra.status order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(rt.theme_code order by rt.theme_code)
                     from recommendation_theme rt where rt.recommendation_id = r.id), '{}'),
           r.locator, r.created_at, r.updated_at
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
        -- Same combination, so the counts stand; only a sort key may have moved.
        if (was.locator, was.created_at, was.updated_at) is distinct from (now_.locator, now_.created_at, now_.updated_at) then
            update recommendation_facet set locator = now_.locator, created_at = now_.created_at,
                                            updated_at = now_.updated_at
            where recommendation_id = rid;
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
        delete from recommendation_facet where recommendation_id = rid;
    end if;
    if now_.recommendation_id is not null then
        insert into recommendation_facet values (now_.*);
        insert into facet_count values (now_.source_id, now_.overall_status, now_.addressees, now_.pairs, now_.themes, 1)
        on conflict (source_id, overall_status, pairs, themes) do update set matches = facet_count.matches + 1;
    end if;
end $$;

create function refresh_recommendation_item(rid text) returns void language plpgsql as $$
declare
    body_ text;
begin
    select body into body_ from recommendation_json where recommendation_id = rid;
    if body_ is null then
        delete from recommendation_item where recommendation_id = rid;
    else
        insert into recommendation_item values (rid, body_::json)
        on conflict (recommendation_id) do update set body = excluded.body;
    end if;
end $$;

create or replace function rebuild_recommendation_facets() returns void language plpgsql as $$
begin
    delete from facet_count;
    delete from recommendation_facet;
    insert into recommendation_facet
    select r.id, r.source_id, r.overall_status, coalesce(a.codes, '{}'), coalesce(a.pairs, '{}'), coalesce(t.codes, '{}'),
           r.locator, r.created_at, r.updated_at
    from recommendation r
    left join (select recommendation_id, array_agg(addressee_code order by addressee_code) as codes,
                      array_agg(addressee_code || ':' || status order by addressee_code) as pairs
               from recommendation_addressee group by recommendation_id) a on a.recommendation_id = r.id
    left join (select recommendation_id, array_agg(theme_code order by theme_code) as codes
               from recommendation_theme group by recommendation_id) t on t.recommendation_id = r.id
    where r.deleted_at is null;
    insert into facet_count
    select source_id, overall_status, addressees, pairs, themes, count(*)
    from recommendation_facet group by source_id, overall_status, addressees, pairs, themes;
    delete from recommendation_item;
    insert into recommendation_item select recommendation_id, body::json from recommendation_json;
end $$;

-- Any change of a record, of its addressees or of its themes refreshes its facet and its JSON.
create function refresh_recommendation(rid text) returns void language plpgsql as $$
begin
    perform refresh_recommendation_facet(rid);
    perform refresh_recommendation_item(rid);
end $$;

create or replace function recommendation_facet_refresh() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation(case when tg_op = 'DELETE' then old.recommendation_id else new.recommendation_id end);
    return null;
end $$;

create or replace function recommendation_facet_refresh_self() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation(case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end $$;

drop trigger recommendation_facet on recommendation;
create trigger recommendation_facet after insert or delete or update on recommendation
    for each row execute function recommendation_facet_refresh_self();

-- A renamed addressee or source changes the JSON of every record that names it.
create function recommendation_item_rename() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'addressee' then
        perform refresh_recommendation_item(ra.recommendation_id)
        from recommendation_addressee ra where ra.addressee_code = new.code;
    else
        perform refresh_recommendation_item(r.id) from recommendation r where r.source_id = new.id;
    end if;
    return null;
end $$;

create trigger addressee_item after update of name on addressee
    for each row when (old.name is distinct from new.name) execute function recommendation_item_rename();
create trigger source_item after update of title, kind on source
    for each row when ((old.title, old.kind) is distinct from (new.title, new.kind))
    execute function recommendation_item_rename();
