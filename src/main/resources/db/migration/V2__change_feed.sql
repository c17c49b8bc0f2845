-- The change feed: one entry per create, update, status change and delete, written in the
-- same transaction as the change. Writers are serialised on the registry_state row before
-- they take a sequence number, so sequence order is commit order: a reader that has seen
-- entry N has seen every committed entry before N (rolled-back ones only leave gaps).

alter table registry_state add column feed_head bigint not null default 0;

alter table recommendation add column deleted_at timestamptz;

create sequence change_seq;

create table change_entry (
    seq               bigint primary key,
    id                uuid not null unique default gen_random_uuid(),
    kind              text not null check (kind in ('created', 'updated', 'status_changed', 'deleted')),
    recommendation_id text not null references recommendation (id),
    addressee_code    text,
    from_status       text,
    to_status         text,
    effective_date    date,
    evidence          jsonb,
    occurred_at       timestamptz not null default clock_timestamp(),
    check ((kind = 'status_changed') = (to_status is not null))
);
create index change_entry_recommendation_idx on change_entry (recommendation_id, seq);

create function change_entry_sequence() returns trigger language plpgsql as $$
begin
    -- Lock first (held to commit), then number: commits happen in sequence order.
    update registry_state set revision = revision + 1, modified_at = clock_timestamp();
    new.seq := nextval('change_seq');
    update registry_state set feed_head = new.seq;
    return new;
end $$;
create trigger change_entry_sequence before insert on change_entry
    for each row execute function change_entry_sequence();

-- Wakes long polls, streams and webhook senders on every instance when the change commits.
create function change_entry_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('registry_changes', new.seq::text);
    return null;
end $$;
create trigger change_entry_notify after insert on change_entry
    for each row execute function change_entry_notify();

create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger change_entry_append_only before update or delete on change_entry
    for each row execute function append_only();
