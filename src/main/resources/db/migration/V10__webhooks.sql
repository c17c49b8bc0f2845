-- Webhooks: admin-managed subscriptions, an outbox of deliveries filled from the change feed,
-- and a log of every delivery attempt. Several instances may share this database: the dispatcher
-- serialises on webhook_dispatcher's row, and senders claim deliveries with FOR UPDATE SKIP LOCKED.

create table webhook_subscription (
    id                   bigint generated always as identity primary key,
    url                  text not null check (url ~* '^https?://'),
    description          text,
    -- Stored as is because it is needed to sign; never returned after creation, never logged.
    secret               text not null,
    addressees           text[] not null default '{}',
    statuses             text[] not null default '{}',
    kinds                text[] not null default '{}',
    enabled              boolean not null default true,
    disabled_reason      text,
    consecutive_failures integer not null default 0,
    -- Feed position up to which changes have been matched and queued for this subscription.
    dispatch_cursor      bigint not null,
    created_by           text not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

-- One row, locked by the dispatching transaction, so that one instance at a time moves the cursors.
create table webhook_dispatcher (
    id            integer primary key check (id = 1),
    dispatched_at timestamptz
);
insert into webhook_dispatcher (id) values (1);

-- The outbox. change_seq is null for pings. Pending rows survive restarts; next_attempt_at is also
-- the lease of a claimed row, so a row whose sender died becomes due again.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    delivery_id     uuid not null unique default gen_random_uuid(),
    subscription_id bigint not null references webhook_subscription (id) on delete cascade,
    change_seq      bigint references change_entry (seq),
    payload         text,
    state           text not null default 'pending' check (state in ('pending', 'delivered')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (subscription_id, change_seq)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, id) where state = 'pending';
create index webhook_delivery_pending_idx on webhook_delivery (subscription_id, id) where state = 'pending';

create table webhook_attempt (
    id              bigint generated always as identity primary key,
    delivery_id     bigint not null references webhook_delivery (id) on delete cascade,
    subscription_id bigint not null references webhook_subscription (id) on delete cascade,
    attempt         integer not null,
    attempted_at    timestamptz not null,
    status_code     integer,
    error           text,
    duration_ms     bigint not null,
    next_retry_at   timestamptz
);
create index webhook_attempt_subscription_idx on webhook_attempt (subscription_id, id);
