package org.recsregistry.recommendation;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** How strongly the evidence of a status event supports it. */
@Schema(name = "Confidence", type = SchemaType.STRING, enumeration = {"high", "medium", "low"})
public enum Confidence implements WireEnum {
    HIGH, MEDIUM, LOW;

    @JsonCreator
    public static Confidence fromWire(String value) {
        return WireEnum.parse(Confidence.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<Confidence> {
        public JpaConverter() {
            super(Confidence.class);
        }
    }
}
