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
     * Keeps the answer in the transaction of the write it answers. A live row for the key means a
     * concurrent request with it committed first (PostgreSQL made this insert wait for it): then
     * this write must not commit, and {@link KeyTakenException} rolls it back. An expired row is
     * taken over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String principal, String key, Answer answer) {
        int written = em.createNativeQuery("insert into idempotency_key "
                        + "(principal, key, fingerprint, status, location, etag, body) values (?1, ?2, ?3, ?4, cast(?5 as text), cast(?6 as text), ?7) "
                        + "on conflict (principal, key) do update set fingerprint = excluded.fingerprint, "
                        + "status = excluded.status, location = excluded.location, etag = excluded.etag, "
                        + "body = excluded.body, created_at = now() "
                        + "where idempotency_key.created_at <= now() - make_interval(secs => ?8)")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, answer.fingerprint())
                .setParameter(4, answer.status()).setParameter(5, answer.location()).setParameter(6, answer.etag())
                .setParameter(7, answer.body()).setParameter(8, RETENTION.toSeconds())
                .executeUpdate();
        if (written == 0) {
            throw new KeyTakenException();
        }
    }

    /** Deletes the keys past their retention; answers how many. */
    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("delete from idempotency_key where created_at <= now() - make_interval(secs => ?1)")
                .setParameter(1, RETENTION.toSeconds()).executeUpdate();
    }
}
