package io.tacit.evaluation;

import io.tacit.model.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tables of a freshly loaded benchmark database from PostgreSQL's catalog: what the loader needs to
 * re-declare them on MariaDB or SQLite. It needs numeric precision and scale and the base types of domains,
 * which tacit's schema model does not carry, hence these few queries of its own.
 */
final class PostgresCatalog {
    private static final String USER_SCHEMAS = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    private PostgresCatalog() {
    }

    static List<LoadTable> read(Connection connection) throws SQLException {
        Map<TableName, List<LoadColumn>> columns = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT c.table_schema, c.table_name, c.column_name, c.data_type,
                               coalesce(c.character_maximum_length, 0), coalesce(c.numeric_precision, 0),
                               coalesce(c.numeric_scale, 0), c.is_nullable = 'YES'
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE t.table_type = 'BASE TABLE' AND c.table_schema\s""" + USER_SCHEMAS + """

                        ORDER BY c.table_schema, c.table_name, c.ordinal_position""")) {
            while (rows.next()) {
                TableName table = TableName.of(rows.getString(1), rows.getString(2));
                String type = rows.getString(4);
                int precision = type.equals("numeric") ? rows.getInt(6) : 0;
                columns.computeIfAbsent(table, ignored -> new ArrayList<>()).add(new LoadColumn(
                        rows.getString(3), type, rows.getInt(5), precision, rows.getInt(7), rows.getBoolean(8)));
            }
        }
        Map<TableName, List<String>> primaryKeys = new LinkedHashMap<>();
        Map<TableName, List<List<String>>> uniqueKeys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT n.nspname, c.relname, con.contype::text,
                               array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                                     ORDER BY k.ord)
                        FROM pg_constraint con
                        JOIN pg_class c ON c.oid = con.conrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE con.contype IN ('p', 'u') AND n.nspname\s""" + USER_SCHEMAS + """

                        UNION ALL
                        SELECT n.nspname, c.relname, 'i',
                               array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                     ORDER BY k.ord)
                        FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
                          AND n.nspname\s""" + USER_SCHEMAS + """

                        ORDER BY 1, 2, 3, 4""")) {
            while (rows.next()) {
                TableName table = TableName.of(rows.getString(1), rows.getString(2));
                List<String> keyColumns = textArray(rows.getArray(4));
                if (keyColumns.isEmpty()) {
                    continue;
                }
                if (rows.getString(3).equals("p")) {
                    primaryKeys.put(table, keyColumns);
                } else {
                    List<List<String>> keys = uniqueKeys.computeIfAbsent(table, ignored -> new ArrayList<>());
                    if (!keys.contains(keyColumns)) {
                        keys.add(keyColumns);
                    }
                }
            }
        }
        List<LoadTable> tables = new ArrayList<>();
        for (Map.Entry<TableName, List<LoadColumn>> entry : columns.entrySet()) {
            TableName name = entry.getKey();
            tables.add(new LoadTable(name, entry.getValue(), Optional.ofNullable(primaryKeys.get(name)),
                    uniqueKeys.getOrDefault(name, List.of())));
        }
        return tables;
    }

    private static List<String> textArray(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
