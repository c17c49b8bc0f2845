package org.recsregistry.hostile;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An md5 of every row of every table in the application's schema, each table's rows ordered by
 * their primary key (by the whole row where a table has none), computed in one query.
 */
final class DatabaseChecksum {

    private DatabaseChecksum() {
    }

    /** Table name to the md5 of its rows; nothing is excluded. */
    static Map<String, String> of(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, String> orderBy = new TreeMap<>();
            try (ResultSet tables = statement.executeQuery("""
                    select t.table_name,
                           (select string_agg(quote_ident(k.column_name), ', ' order by k.ordinal_position)
                              from information_schema.table_constraints c
                              join information_schema.key_column_usage k
                                on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
                                   and k.table_name = c.table_name
                             where c.constraint_type = 'PRIMARY KEY' and c.table_schema = t.table_schema
                               and c.table_name = t.table_name)
                      from information_schema.tables t
                     where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                    """)) {
                while (tables.next()) {
                    orderBy.put(tables.getString(1), tables.getString(2));
                }
            }
            List<String> parts = new ArrayList<>();
            orderBy.forEach((table, key) -> parts.add("select '" + table + "' as t, count(*) || ':' || md5(coalesce("
                    + "string_agg(x::text, E'\\n' order by " + (key == null ? "x::text" : prefixed(key)) + "), '')) "
                    + "from " + quoteIdent(table) + " x"));
            Map<String, String> sums = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(String.join(" union all ", parts))) {
                while (rows.next()) {
                    sums.put(rows.getString(1), rows.getString(2));
                }
            }
            return sums;
        }
    }

    private static String prefixed(String keyColumns) {
        return String.join(", ", java.util.Arrays.stream(keyColumns.split(", ")).map(c -> "x." + c).toList());
    }

    private static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
