package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import org.recsregistry.addressee.Addressee;

import java.io.Serializable;
import java.time.LocalDate;

/** A recommendation as addressed to one addressee, with that addressee's own current status. */
@Entity
@Table(name = "recommendation_addressee")
public class RecommendationAddressee {

    @EmbeddedId
    public Key id;

    @MapsId("recommendationId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recommendation_id")
    public Recommendation recommendation;

    @MapsId("addresseeCode")
    @ManyToOne
    @JoinColumn(name = "addressee_code")
    public Addressee addressee;

    public Status status = Status.UNKNOWN;
    /** Effective date of the event that set the current status; null while unknown. */
    @Column(name = "status_since")
    public LocalDate statusSince;

    protected RecommendationAddressee() {
    }

    public RecommendationAddressee(Recommendation recommendation, Addressee addressee) {
        this.id = new Key(recommendation.id, addressee.code);
        this.recommendation = recommendation;
        this.addressee = addressee;
    }

    /** The composite key (recommendation, addressee). */
    @Embeddable
    public record Key(@Column(name = "recommendation_id") String recommendationId,
                      @Column(name = "addressee_code") String addresseeCode) implements Serializable {
    }
}
