package org.recsregistry.addressee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An actor that recommendations are addressed to: a State, a UN body or mandate, an organisation. */
@Entity
@Table(name = "addressee")
public class Addressee extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public AddresseeKind kind;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
