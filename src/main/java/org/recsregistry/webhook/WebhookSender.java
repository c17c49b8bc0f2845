package org.recsregistry.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.recsregistry.db.DatabaseAvailability;
import org.recsregistry.change.FeedNotifications;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One per instance: a thread that queues deliveries when the feed moves (or every sweep interval)
 * and claims the due ones; the HTTP calls themselves are asynchronous.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    DatabaseAvailability availability;

    @Inject
    WebhookConfig config;

    @Inject
    FeedNotifications notifications;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    DeliveryStore store;

    @Inject
    WebhookClient client;

    @Inject
    WebhookMetrics metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService outcomes;

    void onStart(@Observes StartupEvent event) {
        if (!config.send()) {
            return;
        }
        running = true;
        // Outcomes are written to the database here: never on the HTTP client's or the event loop's threads.
        outcomes = Executors.newFixedThreadPool(2, r -> daemon(r, "webhook-outcomes"));
        watchFeed(notifications.head());
        loop = daemon(this::run, "webhook-sender");
        loop.start();
    }

    /**
     * Stops before the datasource closes: the loop finishes its round (interrupting it inside a
     * transaction would fail its rollback) and sends in flight get up to one timeout to record their
     * outcomes. A delivery cut short is sent again when its lease runs out.
     */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (loop == null) {
            return;
        }
        wake();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            loop.join(config.timeout().toMillis());
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.shutdown();
    }

    /** Asks the loop to look for work now. */
    void wake() {
        wakeUps.release();
    }

    private void watchFeed(long after) {
        notifications.moved(after).thenAccept(head -> {
            wake();
            if (running) {
                watchFeed(head);
            }
        });
    }

    private void run() {
        Duration lease = config.timeout().multipliedBy(3);
        while (running) {
            try {
                // While the database is unreachable nothing can be claimed; its probe says when it is back.
                if (!availability.down()) {
                    dispatcher.dispatch();
                    int free = config.concurrency() - inFlight.get();
                    if (free > 0) {
                        store.claim(free, lease).forEach(this::send);
                    }
                }
            } catch (RuntimeException e) {
                if (DatabaseAvailability.isConnectionFailure(e)) {
                    availability.unreachable(e);
                } else {
                    LOG.warnf("Webhook sending paused: %s", e.getMessage());
                }
            }
            try {
                wakeUps.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(DeliveryStore.Claimed delivery) {
        inFlight.incrementAndGet();
        client.send(delivery).whenCompleteAsync((outcome, error) -> {
            try {
                record(delivery, outcome);
            } catch (RuntimeException e) {
                // The lease runs out and the delivery is sent again; receivers drop the copy by its id.
                LOG.warnf("Cannot record the outcome of %s: %s", delivery, e.getMessage());
            } finally {
                inFlight.decrementAndGet();
                wake();
            }
        }, outcomes);
    }

    private void record(DeliveryStore.Claimed delivery, WebhookClient.Outcome outcome) {
        if (outcome == null) {
            throw new IllegalStateException("no outcome");
        }
        metrics.attempted(outcome.success());
        if (outcome.success()) {
            store.succeeded(delivery, outcome.at(), outcome.status(), outcome.millis());
            return;
        }
        Duration delay = Backoff.after(delivery.attempt(), config.backoffBase(), config.backoffMax());
        LOG.debugf("%s failed (%s); retry in %s", delivery, outcome.error(), delay);
        store.failed(delivery, outcome.at(), outcome.status(), outcome.error(), outcome.millis(),
                outcome.at().plusMillis(outcome.millis()).plus(delay), config.maxFailures());
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
