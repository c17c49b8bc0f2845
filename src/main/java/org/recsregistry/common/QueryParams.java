package org.recsregistry.common;

import org.recsregistry.common.Problem.InvalidParam;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads query parameters strictly, collecting every problem so that one 400 names them all.
 * Call {@link #check()} once all parameters are read.
 */
public final class QueryParams {

    private final List<InvalidParam> problems = new ArrayList<>();

    /** A parameter that may be given once at most. */
    public Optional<String> single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            reject(name, "must be given at most once");
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    /** A repeatable parameter; empty values are rejected. */
    public List<String> repeated(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                reject(name, "must not be empty");
            } else {
                kept.add(value);
            }
        }
        return kept;
    }

    public <E extends Enum<E> & WireEnum> List<E> enums(String name, List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        for (String value : repeated(name, values)) {
            WireEnum.parse(type, value).ifPresentOrElse(parsed::add,
                    () -> reject(name, "unknown value '" + value + "'; allowed: " + WireEnum.allowed(type)));
        }
        return parsed;
    }

    public int integer(String name, List<String> values, int defaultValue, int min, int max) {
        Optional<String> raw = single(name, values);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, "must be an integer between " + min + " and " + max);
        return defaultValue;
    }

    /**
     * A cursor that is the id of the last item of the previous page, in a list ordered by id: a
     * positive integer, as nextCursor gave it.
     */
    public OptionalLong idCursor(String name, List<String> values) {
        Optional<String> raw = single(name, values);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        if (raw.get().matches("[1-9][0-9]{0,17}")) {
            return OptionalLong.of(Long.parseLong(raw.get()));
        }
        reject(name, "is not a cursor this service issued: pass nextCursor as it was given");
        return OptionalLong.empty();
    }

    /** An ISO 8601 date-time with offset, or a date meaning its start in UTC. */
    public Optional<OffsetDateTime> instant(String name, List<String> values) {
        Optional<String> raw = single(name, values);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get().strip();
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            try {
                parsed = LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                parsed = null;
            }
        }
        if (parsed != null && inStoredYears(parsed)) {
            return Optional.of(parsed);
        }
        reject(name, "must be an ISO 8601 date (2024-01-31) or date-time with offset (2024-01-31T12:00:00Z), "
                + "years 1 to 9999");
        return Optional.empty();
    }

    /** Whether the instant is in years 1 to 9999 (UTC), which every timestamp column can be compared with. */
    public static boolean inStoredYears(OffsetDateTime value) {
        int year = value.atZoneSameInstant(java.time.ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }

    /** An ISO 8601 calendar date (2024-01-31), years 1 to 9999. */
    public Optional<LocalDate> date(String name, List<String> values) {
        Optional<String> raw = single(name, values);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate value = LocalDate.parse(raw.get().strip());
            if (value.getYear() >= 1 && value.getYear() <= 9999) {
                return Optional.of(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reject(name, "must be an ISO 8601 date (2024-01-31) between 0001-01-01 and 9999-12-31");
        return Optional.empty();
    }

    public void reject(String name, String reason) {
        problems.add(new InvalidParam(name, reason));
    }

    /** Throws {@link InvalidParametersException} naming every problem found so far. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
    }
}
