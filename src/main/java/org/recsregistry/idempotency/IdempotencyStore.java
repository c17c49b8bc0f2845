package org.recsregistry.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The first answers to idempotent requests, per token and key, in PostgreSQL so that every instance sees them. */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key is honoured: at least the 24 hours the README promises. */
    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    EntityManager em;

    /** The first answer given to a request with this key, within the retention. */
    public record Answer(String fingerprint, int status, String location, String etag, String body) {
    }

    /** A request with the same key committed while this one ran; this one must roll back. */
    static class KeyTakenException extends RuntimeException {
        KeyTakenException() {
            super("The idempotency key was used by a concurrent request");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Answer> find(String principal, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select fingerprint, status, location, etag, body "
                        + "from idempotency_key where principal = ?1 and key = ?2 "
                        + "and created_at > now() - make_interval(secs => ?3)")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, RETENTION.toSeconds())
                .getResultList();
        return rows.stream().findFirst().map(row -> new Answer((String) row[0], ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4]));
    }

    /**
     * Claims the key at the start of the write's transaction, so that a concurrent request with
     * the same key waits here (on the primary key) until this one commits or rolls back, and then
     * fails with {@link KeyTakenException} or proceeds. An expired row is taken over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String principal, String key, String fingerprint) {
        int written = em.createNativeQuery("insert into idempotency_key (principal, key, fingerprint, status, body) "
                        + "values (?1, ?2, ?3, 0, '') "
                        + "on conflict (principal, key) do update set fingerprint = excluded.fingerprint, status = 0, "
                        + "location = null, etag = null, body = '', created_at = now() "
                        + "where idempotency_key.created_at <= now() - make_interval(secs => ?4)")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, RETENTION.toSeconds())
                .executeUpdate();
        if (written == 0) {
            throw new KeyTakenException();
        }
    }

    /** Keeps the answer with the claim, in the transaction of the write it answers: both commit, or neither. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(String principal, String key, Answer answer) {
        em.createNativeQuery("update idempotency_key set status = ?3, location = cast(?4 as text), "
                        + "etag = cast(?5 as text), body = ?6 where principal = ?1 and key = ?2")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.location()).setParameter(5, answer.etag()).setParameter(6, answer.body())
                .executeUpdate();
    }

    /** Deletes the keys past their retention; answers how many. */
    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("delete from idempotency_key where created_at <= now() - make_interval(secs => ?1)")
                .setParameter(1, RETENTION.toSeconds()).executeUpdate();
    }
}
