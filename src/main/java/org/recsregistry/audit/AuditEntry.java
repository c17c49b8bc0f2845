package org.recsregistry.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One write: who did what to which record, with the record before and after. Append-only. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String actor;
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String beforeState;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String afterState;
    @Column(name = "occurred_at", insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Instant occurredAt;
}
