-- Optimistic locking for the vocabulary and sources, and corrections in the status history.

alter table source add column version bigint not null default 0;
alter table addressee add column version bigint not null default 0;
alter table theme add column version bigint not null default 0;

-- A correction is a new event that names the event it corrects; the old one stays as it was.
alter table status_event add column corrects_event_id bigint references status_event (id);
