package io.tacit.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/** Unique database names and statement execution shared by the testing databases. */
final class TestingNames {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private TestingNames() {
    }

    /** {@code prefix_} followed by 12 random hex digits: safe to use unquoted in SQL. */
    static String unique(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a test database prefix is lower-case letters, digits and underscores: " + prefix);
        }
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static void execute(Connection connection, String... statements) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
        }
    }
}
