-- The registry: sources, addressees, themes, recommendations and their status histories.
-- Vocabularies are text with CHECK constraints so that the wire values are the stored values.

create table source (
    id             text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    title          text not null check (length(title) between 1 and 500),
    publisher      text not null check (length(publisher) between 1 and 300),
    kind           text not null check (kind in ('un_report', 'un_resolution', 'risk_brief', 'think_tank',
                                                 'draft_resolution', 'news', 'government', 'ngo_report', 'other')),
    published_date date,
    date_precision text not null default 'day' check (date_precision in ('day', 'month', 'year')),
    url            text check (url ~ '^https?://'),
    seed_file      text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table addressee (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{0,49}$'),
    name       text not null check (length(name) between 1 and 300),
    kind       text not null check (kind in ('state', 'un_body', 'un_mandate', 'regional_org', 'other')),
    updated_at timestamptz not null default now()
);

create table theme (
    code       text primary key check (code ~ '^[a-z][a-z0-9-]{0,49}$'),
    name       text not null check (length(name) between 1 and 300),
    updated_at timestamptz not null default now()
);

-- A locator need not be unique: one paragraph can hold several recommendations.
create table recommendation (
    id             text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,149}$'),
    source_id      text not null references source (id),
    locator        text not null check (length(locator) between 1 and 300),
    text           text not null default '',
    text_verified  boolean not null,
    summary        text not null check (length(summary) between 1 and 1000),
    overall_status text not null default 'unknown',
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint not null default 0,
    search         tsvector generated always as (to_tsvector('english', text || ' ' || summary)) stored,
    -- a verified record quotes its source; an unverified one has no quotation at all
    check (text_verified = (text <> '')),
    check (overall_status in ('not_implemented', 'in_progress', 'partially_implemented', 'implemented',
                              'rejected', 'superseded', 'unknown'))
);
create index recommendation_search_idx on recommendation using gin (search);
create index recommendation_updated_idx on recommendation (updated_at, id);
create index recommendation_source_idx on recommendation (source_id, id);

create table recommendation_addressee (
    recommendation_id text not null references recommendation (id),
    addressee_code    text not null references addressee (code),
    status            text not null default 'unknown'
        check (status in ('not_implemented', 'in_progress', 'partially_implemented', 'implemented',
                          'rejected', 'superseded', 'unknown')),
    status_since      date,
    primary key (recommendation_id, addressee_code)
);
create index recommendation_addressee_code_idx on recommendation_addressee (addressee_code, status);

create table recommendation_theme (
    recommendation_id text not null references recommendation (id),
    theme_code        text not null references theme (code),
    primary key (recommendation_id, theme_code)
);
create index recommendation_theme_code_idx on recommendation_theme (theme_code);

create table recommendation_link (
    id        bigint generated always as identity primary key,
    from_id   text not null references recommendation (id),
    to_id     text not null references recommendation (id),
    relation  text not null check (relation in ('derived_from', 'restates', 'conflicts_with')),
    unique (from_id, to_id, relation),
    check (from_id <> to_id)
);
create index recommendation_link_to_idx on recommendation_link (to_id);

create table status_event (
    id                 bigint generated always as identity primary key,
    recommendation_id  text not null,
    addressee_code     text not null,
    from_status        text,
    to_status          text not null
        check (to_status in ('not_implemented', 'in_progress', 'partially_implemented', 'implemented',
                             'rejected', 'superseded', 'unknown')),
    effective_date     date not null,
    confidence         text not null check (confidence in ('high', 'medium', 'low')),
    evidence_title     text not null check (length(evidence_title) between 1 and 500),
    evidence_publisher text,
    evidence_date      date,
    evidence_url       text check (evidence_url ~ '^https?://'),
    evidence_excerpt   text not null check (length(evidence_excerpt) between 1 and 2000),
    note               text,
    recorded_at        timestamptz not null default now(),
    foreign key (recommendation_id, addressee_code)
        references recommendation_addressee (recommendation_id, addressee_code)
);
create index status_event_pair_idx on status_event (recommendation_id, addressee_code, effective_date, id);

-- History is append-only: a wrong event is corrected by a new event, never by editing the old one.
create function status_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'status_event is append-only' using errcode = 'restrict_violation';
end $$;
create trigger status_event_append_only before update or delete on status_event
    for each row execute function status_event_append_only();

-- One row that moves on every write, so that a conditional GET costs one primary-key read.
create table registry_state (
    id          boolean primary key default true check (id),
    revision    bigint not null,
    modified_at timestamptz not null
);
insert into registry_state values (true, 1, now());

create function registry_state_bump() returns trigger language plpgsql as $$
begin
    update registry_state set revision = revision + 1, modified_at = clock_timestamp();
    return null;
end $$;

create trigger source_bump after insert or update or delete on source
    for each statement execute function registry_state_bump();
create trigger addressee_bump after insert or update or delete on addressee
    for each statement execute function registry_state_bump();
create trigger theme_bump after insert or update or delete on theme
    for each statement execute function registry_state_bump();
create trigger recommendation_bump after insert or update or delete on recommendation
    for each statement execute function registry_state_bump();
create trigger recommendation_addressee_bump after insert or update or delete on recommendation_addressee
    for each statement execute function registry_state_bump();
create trigger recommendation_theme_bump after insert or update or delete on recommendation_theme
    for each statement execute function registry_state_bump();
create trigger recommendation_link_bump after insert or update or delete on recommendation_link
    for each statement execute function registry_state_bump();
create trigger status_event_bump after insert on status_event
    for each statement execute function registry_state_bump();
