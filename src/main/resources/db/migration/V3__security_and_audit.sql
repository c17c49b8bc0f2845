-- Personal API tokens (stored only as a SHA-256 hash) and the audit log of every write.

create table api_token (
    id          bigint generated always as identity primary key,
    name        text not null check (length(name) between 1 and 200),
    role        text not null check (role in ('reader', 'curator', 'admin')),
    token_hash  text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by  text not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz,
    revoked_at  timestamptz
);

create table audit_log (
    id           bigint generated always as identity primary key,
    actor        text not null,
    action       text not null,
    target_type  text not null,
    target_id    text not null,
    before_state jsonb,
    after_state  jsonb,
    occurred_at  timestamptz not null default clock_timestamp()
);
create index audit_log_target_idx on audit_log (target_type, target_id, id);

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function append_only();
