package org.recsregistry.addressee;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** What kind of actor an addressee is. */
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
