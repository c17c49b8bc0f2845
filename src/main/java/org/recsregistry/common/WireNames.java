package org.recsregistry.common;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each {@link WireEnum} type's wire names, worked out once per type: an export writes several per
 * record, and lower-casing a name on every call allocated a fifth of what the export allocates.
 */
final class WireNames {

    private static final ClassValue<WireNames> BY_TYPE = new ClassValue<>() {
        @Override
        protected WireNames computeValue(Class<?> type) {
            return new WireNames(type);
        }
    };

    private final String[] byOrdinal;
    private final Map<String, Object> byName = new HashMap<>();

    private WireNames(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        byOrdinal = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            // Locale.ROOT: in the default locale, a Turkish one would make NOT_IMPLEMENTED "not_ımplemented".
            byOrdinal[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            byName.put(byOrdinal[i], constants[i]);
        }
    }

    static WireNames of(Class<?> type) {
        return BY_TYPE.get(type);
    }

    String wire(int ordinal) {
        return byOrdinal[ordinal];
    }

    /** The constant with this wire name, or null. */
    Object constant(String wire) {
        return wire == null ? null : byName.get(wire);
    }

    String allowed() {
        return String.join(", ", byOrdinal);
    }
}
