package org.recsregistry.common;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireEnum} as its wire value, the value the CHECK constraints name. */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : WireEnum.parse(type, value)
                .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + value));
    }
}
