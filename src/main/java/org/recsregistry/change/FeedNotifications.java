package org.recsregistry.change;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.recsregistry.common.RegistryState;
import org.recsregistry.db.DatabaseAvailability;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows the feed head through PostgreSQL LISTEN/NOTIFY, so that long polls, streams and
 * webhook senders on every instance wake when a change commits, wherever it was written; and,
 * on the same connection, the registry revision ({@code registry_revision}, sent on every write),
 * so that conditional GETs and the response cache are answered from memory on every instance.
 */
@ApplicationScoped
public class FeedNotifications {

    static final String CHANNEL = "registry_changes";
    static final String REVISION_CHANNEL = "registry_revision";
    private static final Logger LOG = Logger.getLogger(FeedNotifications.class);
    private static final int POLL_MILLIS = 1000;

    private record Waiter(long after, CompletableFuture<Long> future) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    @Inject
    RegistryState state;

    @Inject
    DatabaseAvailability availability;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong head = new AtomicLong();
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;
    private Timer delay;

    void onStart(@Observes StartupEvent event) {
        head.set(feed.head());
        Gauge.builder("registry.feed.head", head, AtomicLong::get)
                .description("The newest change feed position this instance has been told of").register(metrics);
        Gauge.builder("registry.feed.listening", this, f -> f.listening ? 1 : 0)
                .description("1 while this instance follows the database's notifications, else 0").register(metrics);
        // From the write that moved the revision (registry_state.modified_at, set just before its commit)
        // to its notification reaching this instance; database and application clocks are compared.
        delay = Timer.builder("registry.feed.notify.delay")
                .description("Time from a write to its notification being seen by this instance")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(metrics);
        running = true;
        listener = new Thread(this::listen, "feed-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    /** Lets the listener leave its connection (within one poll) before the datasource closes. */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        state.following(false);
        waiters.forEach(w -> w.future().complete(head.get()));
        if (listener != null) {
            try {
                listener.join(2L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The newest feed position this instance has been told of. */
    public long head() {
        return head.get();
    }

    /** Completes with the new head once the feed has moved past {@code after}; at once if it has. */
    public CompletionStage<Long> moved(long after) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        waiters.add(new Waiter(after, future));
        wake();
        return future;
    }

    /** Lets go of a waiter whose caller stopped waiting. */
    public void forget(CompletionStage<Long> stage) {
        waiters.removeIf(w -> w.future() == stage);
    }

    private void advance(long seq) {
        head.accumulateAndGet(seq, Math::max);
        wake();
    }

    private void wake() {
        long current = head.get();
        waiters.removeIf(w -> w.after() < current && w.future().complete(current));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                statement.execute("listen " + REVISION_CHANNEL);
                // Anything committed before LISTEN took effect is read here, so nothing slips between.
                advance(feed.head());
                state.fromDatabase();
                state.following(true);
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (REVISION_CHANNEL.equals(n.getName())) {
                                RegistryState.Revision revision = RegistryState.parseNotification(n.getParameter());
                                delay.record(Duration.between(revision.modifiedAt(), Instant.now()));
                                state.advance(revision);
                            } else {
                                advance(Long.parseLong(n.getParameter()));
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // Until listening again, the revision is read from the database on every request.
                state.following(false);
                listening = false;
                if (running) {
                    if (DatabaseAvailability.isConnectionFailure(e)) {
                        // Logged once per outage by DatabaseAvailability, not once per reconnection attempt.
                        availability.unreachable(e);
                    } else {
                        LOG.warnf("Feed notifications interrupted (%s); reconnecting", e.getMessage());
                    }
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
