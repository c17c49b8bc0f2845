package org.recsregistry.webhook;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ToDoubleFunction;

/**
 * The webhook outbox as metrics: attempts by outcome (counted by this instance) and, read from the
 * database and so the same on every instance, pending deliveries, the oldest one's age and the
 * disabled subscriptions.
 */
@ApplicationScoped
public class WebhookMetrics {

    // One query serves the three gauges of a scrape; a scrape within this many nanoseconds reuses it.
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final String OUTBOX = "select"
            + " (select count(*) from webhook_delivery where state = 'pending'),"
            + " (select coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)"
            + " from webhook_delivery where state = 'pending'),"
            + " (select count(*) from webhook_subscription where not enabled)";

    /** One reading of the outbox; NaN where the database could not be read. */
    private record Outbox(double pending, double oldestSeconds, double disabled, long readAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    private Counter delivered;
    private Counter failed;
    private volatile Outbox last = new Outbox(Double.NaN, Double.NaN, Double.NaN, System.nanoTime() - FRESH_NANOS);

    void onStart(@Observes StartupEvent event) {
        delivered = attempts("delivered");
        failed = attempts("failed");
        gauge("registry.webhook.pending", "Deliveries waiting to be sent, on every instance", Outbox::pending);
        gauge("registry.webhook.oldest.pending.seconds", "Age of the oldest pending delivery, 0 when none",
                Outbox::oldestSeconds);
        gauge("registry.webhook.disabled", "Subscriptions disabled (by an admin or after repeated failures)",
                Outbox::disabled);
    }

    /** Counts one attempt by its outcome. */
    void attempted(boolean success) {
        (success ? delivered : failed).increment();
    }

    private Counter attempts(String outcome) {
        return Counter.builder("registry.webhook.attempts").tag("outcome", outcome)
                .description("Delivery attempts made by this instance, by outcome").register(metrics);
    }

    private void gauge(String name, String description, ToDoubleFunction<Outbox> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.outbox())).description(description).register(metrics);
    }

    private synchronized Outbox outbox() {
        if (System.nanoTime() - last.readAt() < FRESH_NANOS) {
            return last;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(OUTBOX)) {
            row.next();
            last = new Outbox(row.getLong(1), row.getDouble(2), row.getLong(3), System.nanoTime());
        } catch (SQLException e) {
            // A scrape while the database is away shows the outbox as unknown, not as empty.
            last = new Outbox(Double.NaN, Double.NaN, Double.NaN, System.nanoTime());
        }
        return last;
    }
}
