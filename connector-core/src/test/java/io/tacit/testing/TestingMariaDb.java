package io.tacit.testing;

import io.tacit.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A uniquely named database on the real MariaDB service at 127.0.0.1:3306 (user {@code root}, empty
 * password), dropped on {@link #close()}. Use a prefix naming your module or helper.
 */
public final class TestingMariaDb implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 3306;
    public static final String USER = "root";

    private final String database;
    private final Connection connection;

    /** @param prefix lower-case letters, digits and underscores */
    public TestingMariaDb(String prefix) {
        this.database = TestingNames.unique(prefix);
        try (Connection admin = DriverManager.getConnection(url(""), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create MariaDB test database " + database + " at " + HOST + ":" + PORT, e);
        }
        try {
            this.connection = DriverManager.getConnection(jdbcUrl(), USER, "");
        } catch (SQLException e) {
            drop();
            throw new IllegalStateException("cannot connect to MariaDB test database " + database, e);
        }
    }

    private static String url(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }

    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return url(database);
    }

    /** Settings reaching the database as {@code root} with no password and default timeouts. */
    public ConnectionSettings settings() {
        return ConnectionSettings.of(jdbcUrl(), USER, null);
    }

    /** A read-write connection to the test database, for setting it up. Closed by {@link #close()}. */
    public Connection connection() {
        return connection;
    }

    public void execute(String... statements) {
        TestingNames.execute(connection, statements);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the database is dropped next
        }
        drop();
    }

    private void drop() {
        try (Connection admin = DriverManager.getConnection(url(""), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop MariaDB test database " + database, e);
        }
    }
}
