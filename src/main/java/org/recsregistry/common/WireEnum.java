package org.recsregistry.common;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** An enum whose JSON, query-parameter and database form is its lower-case name. */
public interface WireEnum {

    String name();

    @JsonValue
    default String wire() {
        Enum<?> constant = (Enum<?>) this;
        return WireNames.of(constant.getDeclaringClass()).wire(constant.ordinal());
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        return Optional.ofNullable(type.cast(WireNames.of(type).constant(value)));
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return WireNames.of(type).allowed();
    }
}
