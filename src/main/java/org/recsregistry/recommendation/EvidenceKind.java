package org.recsregistry.recommendation;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** Who says so: the kind of document a status event rests on, by who published it (see docs/dataset.md). */
@Schema(name = "EvidenceKind", type = SchemaType.STRING, enumeration = {"un_body", "un_mandate", "addressee_statement",
        "government_other", "ngo", "media", "research", "curator_judgement"},
        description = "The kind of the cited document: un_body, un_mandate, addressee_statement (a document of the "
                + "addressee itself), government_other, ngo, media, research, curator_judgement (our own reading; no "
                + "source states the status outright). See docs/dataset.md.")
public enum EvidenceKind implements WireEnum {
    UN_BODY("A UN organ, office or agency speaking as such: a resolution, an OHCHR report, a meeting record."),
    UN_MANDATE("An independent UN mandate: the Special Rapporteur, the commission of inquiry, a group of experts."),
    ADDRESSEE_STATEMENT("A document of the addressee itself: its statement, reply, record or publication."),
    GOVERNMENT_OTHER("A government other than the addressee, or a parliament: a written answer, a ministry's record."),
    NGO("A non-governmental organisation's statement or report."),
    MEDIA("A news report."),
    RESEARCH("A think tank's or scholar's analysis."),
    CURATOR_JUDGEMENT("Our own reading of the sources: no source states the status outright.");

    private final String description;

    EvidenceKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static EvidenceKind fromWire(String value) {
        return WireEnum.parse(EvidenceKind.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<EvidenceKind> {
        public JpaConverter() {
            super(EvidenceKind.class);
        }
    }
}
