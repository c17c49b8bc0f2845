package org.recsregistry.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** How much of a source's published date is known: with month, the day is 01; with year, also the month. */
@Schema(name = "DatePrecision", type = SchemaType.STRING, enumeration = {"day", "month", "year"})
public enum DatePrecision implements WireEnum {
    DAY, MONTH, YEAR;

    @JsonCreator
    public static DatePrecision fromWire(String value) {
        return WireEnum.parse(DatePrecision.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<DatePrecision> {
        public JpaConverter() {
            super(DatePrecision.class);
        }
    }
}
