-- The first answer to each POST that carried an Idempotency-Key, per token, so that a retry with
-- the same key is answered from here instead of writing again, on whichever instance it lands.
-- The row is written in the same transaction as the write it answers: both commit, or neither.
create table idempotency_key (
    principal   text        not null,
    key         text        not null,
    -- SHA-256 of the method, path and body of the first request: a different request with the same key is refused.
    fingerprint text        not null,
    status      integer     not null,
    location    text,
    etag        text,
    -- The answer's body; secrets (a new token's or webhook's) are never kept here.
    body        text        not null,
    created_at  timestamptz not null default now(),
    primary key (principal, key)
);

-- Expired keys are deleted by age.
create index idempotency_key_created_at on idempotency_key (created_at);
