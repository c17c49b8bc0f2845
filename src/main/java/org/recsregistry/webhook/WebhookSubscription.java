package org.recsregistry.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A webhook subscription: where to send which changes, and the secret to sign them with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String url;
    public String description;
    /** Kept as is because signing needs it; never returned after creation and never logged. */
    public String secret;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] addressees;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] statuses;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] kinds;
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "dispatch_cursor")
    public long dispatchCursor;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String toString() {
        // Never the secret: this may end up in a log line.
        return "WebhookSubscription[" + id + " " + url + "]";
    }
}
