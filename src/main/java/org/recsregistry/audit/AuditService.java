package org.recsregistry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.dto.AuditView;
import org.recsregistry.common.Page;

import java.util.List;
import java.util.Map;

/** Writes the audit log inside each write's transaction, and reads it for admins. */
@ApplicationScoped
public class AuditService {

    /** A record as written to the log: a JSON object, its fields in their order. */
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    /** Records a write by the current caller; before or after is null for a create or a delete. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.beforeState = write(before);
        entry.afterState = write(after);
        entry.persist();
    }

    /** The caller's name as the audit log and created-by fields show it. */
    public String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditView> list(String targetType, String targetId, long before, int limit) {
        StringBuilder query = new StringBuilder("id < ?1");
        List<Object> params = new java.util.ArrayList<>(List.of(before));
        if (targetType != null) {
            params.add(targetType);
            query.append(" and targetType = ?").append(params.size());
        }
        if (targetId != null) {
            params.add(targetId);
            query.append(" and targetId = ?").append(params.size());
        }
        List<AuditEntry> entries = AuditEntry.<AuditEntry>find(query + " order by id desc", params.toArray())
                .page(0, limit + 1).list();
        boolean more = entries.size() > limit;
        List<AuditView> items = entries.stream().limit(limit).map(this::view).toList();
        String next = more ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, AuditEntry.count(query.toString(), params.toArray()), next);
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id, e.actor, e.action, e.targetType, e.targetId, read(e.beforeState), read(e.afterState),
                e.occurredAt);
    }

    private String write(Object state) {
        try {
            return state == null ? null : json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String state) {
        try {
            return state == null ? null : json.readValue(state, STATE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
