package org.recsregistry.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;
import org.recsregistry.common.WireEnumConverter;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Implementation status of a recommendation for one addressee. */
@Schema(name = "Status", type = SchemaType.STRING, enumeration = {"not_implemented", "in_progress",
        "partially_implemented", "implemented", "rejected", "superseded", "unknown"},
        description = "not_implemented, in_progress, partially_implemented, implemented, rejected (refused by the addressee), "
                + "superseded, unknown (no public evidence either way). See GET /api/v1/statuses.")
public enum Status implements WireEnum {
    NOT_IMPLEMENTED("The addressee has not acted on it, on the evidence available."),
    IN_PROGRESS("The addressee has started to act on it; the work is under way."),
    PARTIALLY_IMPLEMENTED("Part of it has been done; part has not."),
    IMPLEMENTED("It has been done."),
    REJECTED("Explicitly refused by the addressee."),
    SUPERSEDED("Overtaken by later events or by a later recommendation; no longer applicable as written."),
    UNKNOWN("No public evidence either way.");

    private final String description;

    Status(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static Status fromWire(String value) {
        return WireEnum.parse(Status.class, value).orElseThrow(() -> new IllegalArgumentException(value));
    }

    /**
     * The overall status of a recommendation from its addressees' statuses. Unknown pairs do not
     * count while any pair is known, nor superseded ones while any pair is still live; if the rest
     * agree, that is the answer; otherwise any (partial) implementation makes it
     * partially_implemented, else any in_progress makes it in_progress, else not_implemented.
     */
    public static Status overall(Collection<Status> statuses) {
        Set<Status> known = statuses.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(statuses);
        known.remove(UNKNOWN);
        if (known.isEmpty()) {
            return UNKNOWN;
        }
        Set<Status> live = EnumSet.copyOf(known);
        live.remove(SUPERSEDED);
        if (live.isEmpty()) {
            return SUPERSEDED;
        }
        if (live.size() == 1) {
            return live.iterator().next();
        }
        if (live.contains(IMPLEMENTED) || live.contains(PARTIALLY_IMPLEMENTED)) {
            return PARTIALLY_IMPLEMENTED;
        }
        if (live.contains(IN_PROGRESS)) {
            return IN_PROGRESS;
        }
        return NOT_IMPLEMENTED;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<Status> {
        public JpaConverter() {
            super(Status.class);
        }
    }
}
