package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.recsregistry.source.DatePrecision;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a (recommendation, addressee) status, with its evidence. Append-only. */
@Entity
@Immutable
@Table(name = "status_event")
public class StatusEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "recommendation_id")
    public String recommendationId;
    @Column(name = "addressee_code")
    public String addresseeCode;
    @Column(name = "from_status")
    public Status fromStatus;
    @Column(name = "to_status")
    public Status toStatus;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public Confidence confidence;
    @Column(name = "evidence_title")
    public String evidenceTitle;
    @Column(name = "evidence_publisher")
    public String evidencePublisher;
    @Column(name = "evidence_date")
    public LocalDate evidenceDate;
    @Column(name = "evidence_date_precision")
    public DatePrecision evidenceDatePrecision;
    @Column(name = "evidence_kind")
    public EvidenceKind evidenceKind;
    @Column(name = "evidence_url")
    public String evidenceUrl;
    @Column(name = "evidence_excerpt")
    public String evidenceExcerpt;
    public String note;
    @Column(name = "corrects_event_id")
    public Long correctsEventId;
    @Column(name = "recorded_at", insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Instant recordedAt;
}
