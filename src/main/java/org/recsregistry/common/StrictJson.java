package org.recsregistry.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Request bodies are read as exactly one JSON document: text after it and a key given twice are
 * errors (answered 400 by ProblemMappers), not silently dropped or resolved to the last value.
 * Values have the type the contract gives them: a number or boolean is not a string, nor a number or string a boolean, a date is an
 * ISO 8601 string (not an epoch number) in years 1 to 9999, and no string holds a NUL character,
 * which PostgreSQL cannot store.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these readers replace those of the java.time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-values")
                .addDeserializer(String.class, new NoNulString())
                .addDeserializer(LocalDate.class, new IsoDate())
                .addDeserializer(Instant.class, new IsoInstant()));
    }

    static final class NoNulString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            return value != null && value.indexOf('\u0000') >= 0
                    ? (String) ctxt.handleWeirdStringValue(String.class, value, "must not contain a NUL character")
                    : value;
        }
    }

    /** An ISO 8601 date (2024-01-31), nothing trimmed, years 1 to 9999. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() >= 1 && date.getYear() <= 9999) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                    "must be an ISO 8601 date between 0001-01-01 and 9999-12-31");
        }
    }

    /** An ISO 8601 date-time with offset (2027-12-31T00:00:00Z), nothing trimmed, years 1 to 9999. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                OffsetDateTime value = OffsetDateTime.parse(text);
                if (QueryParams.inStoredYears(value)) {
                    return value.toInstant();
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                    "must be an ISO 8601 date-time with offset, years 1 to 9999");
        }
    }
}
