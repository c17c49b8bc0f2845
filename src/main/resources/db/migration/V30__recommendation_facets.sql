-- Facets: what the list filters look at, kept per live recommendation (recommendation_facet) and
-- counted per distinct combination (facet_count), both in the transaction that changes them. The
-- same filter SQL runs on either table, so a page is filtered on the first and its exact total is
-- a sum over the second, whose size depends on how many combinations exist, not on how many
-- records do.
create table recommendation_facet (
    recommendation_id text primary key,
    source_id         text not null,
    overall_status    text not null,
    addressees        text[] not null, -- addressee codes, sorted
    pairs             text[] not null, -- 'CODE:status' for each addressee, sorted
    themes            text[] not null  -- theme codes, sorted
);
create index recommendation_facet_pairs_idx on recommendation_facet using gin (pairs);
create index recommendation_facet_addressees_idx on recommendation_facet using gin (addressees);
create index recommendation_facet_themes_idx on recommendation_facet using gin (themes);
create index recommendation_facet_source_idx on recommendation_facet (source_id);

-- Every sort of the list walks an index in order (id and updated_at, source_id have theirs, V1).
create index recommendation_created_idx on recommendation (created_at, id);
create index recommendation_locator_idx on recommendation (locator, id);

create table facet_count (
    source_id      text not null,
    overall_status text not null,
    addressees     text[] not null,
    pairs          text[] not null,
    themes         text[] not null,
    matches        bigint not null check (matches > 0),
    primary key (source_id, overall_status, pairs, themes)
);

-- The facet of one recommendation as its rows stand now; no row when it is deleted or absent.
create function recommendation_facet_of(rid text) returns setof recommendation_facet language sql stable as $$
    select r.id, r.source_id, r.overall_status,
           coalesce((select array_agg(ra.addressee_code order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(ra.addressee_code || ':' || ra.status order by ra.addressee_code)
                     from recommendation_addressee ra where ra.recommendation_id = r.id), '{}'),
           coalesce((select array_agg(rt.theme_code order by rt.theme_code)
                     from recommendation_theme rt where rt.recommendation_id = r.id), '{}')
    from recommendation r where r.id = rid and r.deleted_at is null
$$;

create function refresh_recommendation_facet(rid text) returns void language plpgsql as $$
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

-- Rebuilds both tables from the registry: for this migration and for bulk loads that skip triggers.
create function rebuild_recommendation_facets() returns void language plpgsql as $$
begin
    delete from facet_count;
    delete from recommendation_facet;
    insert into recommendation_facet
    select r.id, r.source_id, r.overall_status, coalesce(a.codes, '{}'), coalesce(a.pairs, '{}'), coalesce(t.codes, '{}')
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
end $$;

create function recommendation_facet_refresh() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform refresh_recommendation_facet(old.recommendation_id);
    else
        perform refresh_recommendation_facet(new.recommendation_id);
    end if;
    return null;
end $$;

create function recommendation_facet_refresh_self() returns trigger language plpgsql as $$
begin
    perform refresh_recommendation_facet(case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end $$;

create trigger recommendation_facet after insert or delete or update of source_id, overall_status, deleted_at
    on recommendation for each row execute function recommendation_facet_refresh_self();
create trigger recommendation_addressee_facet after insert or update or delete on recommendation_addressee
    for each row execute function recommendation_facet_refresh();
create trigger recommendation_theme_facet after insert or update or delete on recommendation_theme
    for each row execute function recommendation_facet_refresh();

select rebuild_recommendation_facets();

-- Whether a change-feed entry matches the feed's filters (kinds, addressees, statuses, evidence kinds;
-- an empty array does not filter): written once here for the feed, its stream, the Atom feed and webhook
-- subscriptions. A status change concerns its own addressee; other entries every addressee of the
-- record; status and evidence-kind filters match status changes only.
create function change_entry_matches(kind text, recommendation_id text, addressee_code text, to_status text,
                                     evidence jsonb, kinds text[], addressees text[], statuses text[],
                                     evidence_kinds text[])
    returns boolean language sql stable as $$
    select (cardinality($6) = 0 or $1 = any($6))
       and (cardinality($8) = 0 or $4 = any($8))
       and (cardinality($9) = 0 or $5->>'kind' = any($9))
       and (cardinality($7) = 0 or $3 = any($7)
            or ($3 is null and exists (select 1 from recommendation_addressee ra
                                       where ra.recommendation_id = $2 and ra.addressee_code = any($7))))
$$;
