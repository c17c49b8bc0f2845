package org.recsregistry.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.recsregistry.common.QueryParams;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The position after the last item of a page: the sort it belongs to, that item's sort key and
 * its id. Opaque to clients (base64url of a small JSON object).
 */
record Cursor(String sort, String key, String id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the key can be a value of the given sort key, so that a tampered key cannot reach SQL. */
    boolean fits(SortOrder order) {
        if (!order.isTimestamp()) {
            return true;
        }
        try {
            return QueryParams.inStoredYears(OffsetDateTime.parse(key));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Empty when the text is not a cursor this service wrote. */
    static Optional<Cursor> decode(String text) {
        try {
            Cursor cursor = JSON.readValue(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)),
                    Cursor.class);
            return cursor == null || cursor.sort() == null || cursor.key() == null || cursor.id() == null
                    || (cursor.key() + cursor.id()).indexOf('\u0000') >= 0 // PostgreSQL cannot take a NUL
                    ? Optional.empty() : Optional.of(cursor);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
