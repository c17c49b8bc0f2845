-- Synthetic recommendations bench-0000001 .. bench-<:upto>, added after the ones already there
-- (ids from :from + 1). One statement per table, so each table is filled in one pass.
-- Triggers are skipped while loading (session_replication_role = replica): the change_entry
-- trigger would serialise a million inserts on registry_state and queue a notification each.
-- What they would have done is done at the end, once: sequence numbers, feed head, revision.
--
-- Shape of each record, consistent with the schema and the derivation rules:
--   two addressees: DPRK, with a status cycling through the vocabulary (half not_implemented),
--   and one of CHN/KOR/JPN/USA at unknown; so the overall status is DPRK's.
--   one theme; one status event for the DPRK pair (unless unknown); one 'created' feed entry.

\set ON_ERROR_STOP on
set session_replication_role = replica;
begin;

insert into source (id, title, publisher, kind, published_date, url)
values ('bench-synthetic', 'Synthetic benchmark source', 'Benchmark', 'other', date '2020-01-01', 'https://example.org/bench')
on conflict (id) do nothing;

create temporary table bench_rows on commit drop as
select i,
       'bench-' || lpad(i::text, 7, '0') as id,
       (array['not_implemented', 'not_implemented', 'not_implemented', 'not_implemented', 'in_progress',
              'partially_implemented', 'implemented', 'rejected', 'unknown', 'not_implemented'])[1 + i % 10] as status,
       (array['CHN', 'KOR', 'JPN', 'USA'])[1 + i % 4] as other,
       (array['accountability', 'prison-camps', 'right-to-food', 'humanitarian-access', 'freedom-of-movement',
              'abductions-disappearances', 'women-and-girls', 'un-engagement'])[1 + i % 8] as theme,
       date '2014-02-17' + (i % 3650) as effective,
       timestamptz '2024-01-01 00:00:00+00' + make_interval(secs => i) as stamp
from generate_series(:from + 1, :upto) as i;

insert into recommendation (id, source_id, locator, text, text_verified, summary, overall_status, created_at, updated_at, version)
select id, 'bench-synthetic', 'para ' || i, '', false,
       'Synthetic recommendation ' || i || ' on ' || theme || ' addressed to the DPRK and ' || other || '.',
       status, stamp, stamp, 0
from bench_rows;

insert into recommendation_addressee (recommendation_id, addressee_code, status, status_since)
select id, 'DPRK', status, case when status = 'unknown' then null else effective end from bench_rows
union all
select id, other, 'unknown', null from bench_rows;

insert into recommendation_theme (recommendation_id, theme_code)
select id, theme from bench_rows;

insert into status_event (recommendation_id, addressee_code, from_status, to_status, effective_date, confidence,
                          evidence_title, evidence_publisher, evidence_kind, evidence_date, evidence_date_precision,
                          evidence_url, evidence_excerpt, recorded_at)
select id, 'DPRK', null, status, effective, 'medium', 'Synthetic evidence ' || i, 'Benchmark', 'research', effective,
       'day', 'https://example.org/bench/' || i, 'Synthetic excerpt for record ' || i || '.', stamp
from bench_rows where status <> 'unknown';

insert into change_entry (seq, kind, recommendation_id, occurred_at)
select nextval('change_seq'), 'created', id, stamp from bench_rows order by i;

commit;
set session_replication_role = origin;

-- Statistics first: the rebuild's joins are planned when it runs, and on tables autovacuum has not
-- analysed yet (a first load into a fresh database) it ran 16 minutes at 1M without finishing; 73 s after this.
analyze recommendation, recommendation_addressee, recommendation_theme, status_event, change_entry;

-- What the triggers would have done, once; this update also notifies the running instances.
select rebuild_recommendation_facets();
update registry_state set feed_head = (select coalesce(max(seq), 0) from change_entry),
                          revision = revision + 1, modified_at = clock_timestamp();
-- Vacuumed, not only analysed: the reads are measured on tables as a running database keeps them
-- (visibility maps set for index-only scans, the rebuilt read model's dead rows gone), not while
-- autovacuum works through a million new rows beside the measurement.
vacuum (analyze);
