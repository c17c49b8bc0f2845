package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.recsregistry.source.Source;
import org.recsregistry.theme.Theme;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One recommendation: its text as the source gives it, whom it addresses and how far it is implemented. */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    public String locator;
    public String text;
    @Column(name = "text_verified")
    public boolean textVerified;
    public String summary;
    @Column(name = "overall_status")
    public Status overallStatus;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
    /** Set by a delete: the record leaves every read, and its id stays reserved. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @OneToMany(mappedBy = "recommendation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id.addresseeCode")
    public Set<RecommendationAddressee> addressees = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "recommendation_theme",
            joinColumns = @JoinColumn(name = "recommendation_id"),
            inverseJoinColumns = @JoinColumn(name = "theme_code"))
    @OrderBy("code")
    public Set<Theme> themes = new LinkedHashSet<>();

    @OneToMany(mappedBy = "from", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public Set<RecommendationLink> links = new LinkedHashSet<>();

    /** Recomputes the overall status from the addressees' statuses; see {@link Status#overall}. */
    public void refreshOverallStatus() {
        overallStatus = Status.overall(addressees.stream().map(a -> a.status).toList());
    }
}
