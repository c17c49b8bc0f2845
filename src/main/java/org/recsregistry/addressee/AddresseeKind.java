package org.recsregistry.addressee;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** What kind of actor an addressee is. */
@Schema(name = "AddresseeKind", type = SchemaType.STRING, enumeration = {"state", "un_body", "un_mandate", "regional_org", "other"})
public enum AddresseeKind implements WireEnum {
    STATE, UN_BODY, UN_MANDATE, REGIONAL_ORG, OTHER;

    @JsonCreator
    public static AddresseeKind fromWire(String value) {
        return WireEnum.parse(AddresseeKind.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<AddresseeKind> {
        public JpaConverter() {
            super(AddresseeKind.class);
        }
    }
}
