package org.recsregistry.theme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A subject that recommendations are tagged with. */
@Entity
@Table(name = "theme")
public class Theme extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
