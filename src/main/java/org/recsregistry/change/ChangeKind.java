package org.recsregistry.change;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

/** What happened to a recommendation in one change-feed entry. */
@Schema(name = "ChangeKind", type = SchemaType.STRING, enumeration = {"created", "updated", "status_changed", "deleted"},
        description = "created; updated (any field, addressee, theme or link); status_changed (a status event was "
                + "recorded for one addressee); deleted (a tombstone: remove the record from a synced copy).")
public enum ChangeKind implements WireEnum {
    CREATED, UPDATED, STATUS_CHANGED, DELETED;

    @JsonCreator
    public static ChangeKind fromWire(String value) {
        return WireEnum.parse(ChangeKind.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<ChangeKind> {
        public JpaConverter() {
            super(ChangeKind.class);
        }
    }
}
