package org.recsregistry.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether PostgreSQL can be reached: a circuit that opens on the first connection failure, so
 * that requests needing the database are refused at once (503) instead of each waiting for the
 * connection pool, and closes when a probe connects again.
 *
 * <p>Logs one WARN when the database becomes unreachable and one INFO when it is back, with the
 * number of requests refused in between, instead of a stack trace per failed request.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class);
    /** How often a probe tries to connect while the database is unreachable. */
    private static final long PROBE_MILLIS = 200;
    private static final int VALIDATION_SECONDS = 1;

    @Inject
    AgroalDataSource dataSource;

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private volatile long downSince;
    private volatile boolean stopping;

    /** Whether the database is known to be unreachable right now. */
    public boolean down() {
        return down.get();
    }

    /**
     * Whether a failure, or one of its causes, means no connection to the database could be had
     * (as opposed to a bad statement): the database is unreachable ({@link #isUnreachable}), or the
     * pool had no connection to give in time.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Agroal's acquisition timeout carries no SQLSTATE.
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true;
            }
        }
        return isUnreachable(failure);
    }

    /**
     * Whether a failure, or one of its causes, is a connection refused, broken, or closed by a
     * server that is shutting down or starting up (SQLSTATE classes 08 and 57P).
     */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof ConnectException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request failed for want of a connection: counted, and the circuit opens if the database
     * is unreachable. A pool that is merely exhausted (the database answers, slowly) leaves it closed.
     */
    public void requestFailed(Throwable cause) {
        unreachable(cause);
        refused.incrementAndGet();
    }

    /** A request was refused at once because the circuit is open. */
    public void requestRefused() {
        refused.incrementAndGet();
    }

    /** A connection failed (in a listener, a health check, a request): opens the circuit if the database is unreachable. */
    public void unreachable(Throwable cause) {
        if (stopping || !isUnreachable(cause) || !down.compareAndSet(false, true)) {
            return;
        }
        downSince = System.nanoTime();
        refused.set(0);
        LOG.warnf("PostgreSQL cannot be reached (%s); answering 503 until it is back", summary(cause));
        // Pooled connections to the lost server are all broken: none must be handed out once it is back.
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
        Thread probe = new Thread(this::probeUntilBack, "database-probe");
        probe.setDaemon(true);
        probe.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void probeUntilBack() {
        while (!stopping) {
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (reachable()) {
                long millis = (System.nanoTime() - downSince) / 1_000_000L;
                down.set(false);
                LOG.infof("PostgreSQL is reachable again after %d ms; %d requests were answered 503 meanwhile",
                        millis, refused.get());
                return;
            }
        }
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The failure's class and first line, enough to tell refused from broken; never a stack trace. */
    private static String summary(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
