-- Tells every instance when the registry revision moves, so that conditional GETs and the
-- in-memory response cache can be answered from memory without reading registry_state on
-- every request. Payload: "<revision> <modified_at as epoch microseconds>". Sent at commit,
-- like every NOTIFY; a rolled-back write sends nothing.
create function registry_state_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('registry_revision',
                      new.revision::text || ' ' || floor(extract(epoch from new.modified_at) * 1000000)::bigint::text);
    return null;
end $$;

create trigger registry_state_notify after update of revision on registry_state
    for each row when (new.revision is distinct from old.revision)
    execute function registry_state_notify();
