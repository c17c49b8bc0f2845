package org.recsregistry.recommendation;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** How one recommendation relates to another it links to. */
@Schema(name = "LinkRelation", type = SchemaType.STRING, enumeration = {"derived_from", "restates", "conflicts_with"})
public enum LinkRelation implements WireEnum {
    DERIVED_FROM, RESTATES, CONFLICTS_WITH;

    @JsonCreator
    public static LinkRelation fromWire(String value) {
        return WireEnum.parse(LinkRelation.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<LinkRelation> {
        public JpaConverter() {
            super(LinkRelation.class);
        }
    }
}
