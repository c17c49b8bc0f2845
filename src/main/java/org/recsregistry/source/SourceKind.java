package org.recsregistry.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** What kind of document a source is. */
@Schema(name = "SourceKind", type = SchemaType.STRING, enumeration = {"un_report", "un_resolution", "risk_brief", "think_tank", "draft_resolution", "news", "government", "ngo_report", "other"})
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
