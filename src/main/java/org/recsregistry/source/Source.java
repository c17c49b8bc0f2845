package org.recsregistry.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A document that recommendations are taken from. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    public String id;
    public String title;
    public String publisher;
    public SourceKind kind;
    @Column(name = "published_date")
    public LocalDate publishedDate;
    @Column(name = "date_precision")
    public DatePrecision datePrecision;
    public String url;
    @Column(name = "seed_file")
    public String seedFile;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
