package org.recsregistry.recommendation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The values of a statement's {@code ?} placeholders, in order; lists are bound as text arrays. */
final class SqlArgs {

    private final List<Object> values = new ArrayList<>();

    /** Adds a value and answers its placeholder, so that SQL and values are written side by side. */
    String add(Object value) {
        values.add(value);
        return "?";
    }

    void bind(Connection connection, PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof List<?> list) {
                statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
