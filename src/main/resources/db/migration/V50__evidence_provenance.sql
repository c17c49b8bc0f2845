-- Evidence a reader can follow: how much of the evidence's date is known, and what kind of
-- source says so. Both complete the citation of an event; neither changes what the event says.

alter table status_event add column evidence_date_precision text
    check (evidence_date_precision in ('day', 'month', 'year'));
alter table status_event add column evidence_kind text
    check (evidence_kind in ('un_body', 'un_mandate', 'addressee_statement', 'government_other', 'ngo', 'media',
                             'research', 'curator_judgement'));

-- Every date recorded so far was written as a full date.
alter table status_event disable trigger status_event_append_only;
update status_event set evidence_date_precision = 'day' where evidence_date is not null;
alter table status_event enable trigger status_event_append_only;

-- A precision exactly when there is a date; with month the day is 01, with year also the month.
alter table status_event add constraint status_event_evidence_date_precision_shape check (
    (evidence_date is null) = (evidence_date_precision is null)
    and (evidence_date_precision is distinct from 'month' or extract(day from evidence_date) = 1)
    and (evidence_date_precision is distinct from 'year'
         or (extract(day from evidence_date) = 1 and extract(month from evidence_date) = 1)));

-- The history stays append-only for what an event says (statuses, dates, confidence, the
-- evidence's title, publisher and excerpt); its citation (the evidence's date, precision,
-- kind and URL, and the curator's note) may be completed, so that a re-import can add a link
-- to an event recorded before the link was known.
create or replace function status_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (new.id, new.recommendation_id, new.addressee_code, new.from_status, new.to_status,
            new.effective_date, new.confidence, new.evidence_title, new.evidence_publisher, new.evidence_excerpt,
            new.corrects_event_id, new.recorded_at)
        is not distinct from (old.id, old.recommendation_id, old.addressee_code, old.from_status, old.to_status,
            old.effective_date, old.confidence, old.evidence_title, old.evidence_publisher, old.evidence_excerpt,
            old.corrects_event_id, old.recorded_at) then
        return new;
    end if;
    raise exception 'status_event is append-only' using errcode = 'restrict_violation';
end $$;

create index status_event_kind_idx on status_event (evidence_kind);
