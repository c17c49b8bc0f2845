package org.recsregistry.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** What kind of document a source is. */
public enum SourceKind implements WireEnum {
    UN_REPORT, UN_RESOLUTION, RISK_BRIEF, THINK_TANK, DRAFT_RESOLUTION, NEWS, GOVERNMENT, NGO_REPORT, OTHER;

    @JsonCreator
    public static SourceKind fromWire(String value) {
        return WireEnum.parse(SourceKind.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<SourceKind> {
        public JpaConverter() {
            super(SourceKind.class);
        }
    }
}
