package org.recsregistry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.common.ProblemException;
import org.recsregistry.common.RecordTag;

import java.util.function.Function;

/** The steps every audited write of one record shares: the id and version checks, the views before and after, the audit entry. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditedWrites {

    @Inject
    AuditService audit;

    /** Creates a record: 409 if its id is taken; {@code insert} writes it and {@code read} gives its view. */
    public <V> V create(String type, String id, boolean taken, Runnable insert, Function<String, V> read) {
        if (taken) {
            throw ProblemException.conflict("The " + type + " id '" + id + "' is taken.");
        }
        insert.run();
        V created = read.apply(id);
        audit.record(type + ".create", type, id, null, created);
        return created;
    }

    /** Changes a record at the version If-Match names (428 without it, 412 when stale). */
    public <V> V update(String type, String id, String ifMatch, long version, Runnable change, Function<String, V> read) {
        RecordTag.requireMatch(ifMatch, version);
        V before = read.apply(id);
        change.run();
        V after = read.apply(id);
        audit.record(type + ".update", type, id, before, after);
        return after;
    }
}
