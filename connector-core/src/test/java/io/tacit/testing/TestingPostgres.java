package io.tacit.testing;

import io.tacit.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A uniquely named database on the real PostgreSQL service at 127.0.0.1:5432 (user {@code postgres}, trust
 * auth), dropped on {@link #close()}. Use a prefix naming your module or helper ({@code tacit_jdbc}) so
 * parallel test runs never collide.
 *
 * <pre>{@code
 * try (TestingPostgres postgres = new TestingPostgres("tacit_cli")) {
 *     postgres.execute("CREATE TABLE customers (id int PRIMARY KEY)");
 *     try (JdbcSource source = JdbcSource.open(postgres.settings())) { ... }
 * }
 * }</pre>
 */
public final class TestingPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";

    private final String database;
    private final Connection connection;

    /** @param prefix lower-case letters, digits and underscores */
    public TestingPostgres(String prefix) {
        this.database = TestingNames.unique(prefix);
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL test database " + database + " at " + HOST + ":" + PORT, e);
        }
        try {
            this.connection = DriverManager.getConnection(jdbcUrl(), USER, "");
        } catch (SQLException e) {
            drop();
            throw new IllegalStateException("cannot connect to PostgreSQL test database " + database, e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return url(database);
    }

    /** Settings reaching the database as {@code postgres} with no password and default timeouts. */
    public ConnectionSettings settings() {
        return ConnectionSettings.of(jdbcUrl(), USER, null);
    }

    /** A read-write superuser connection to the test database, for setting it up. Closed by {@link #close()}. */
    public Connection connection() {
        return connection;
    }

    /** Runs setup statements in order. */
    public void execute(String... statements) {
        TestingNames.execute(connection, statements);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // dropping the database below ends the session anyway
        }
        drop();
    }

    private void drop() {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop PostgreSQL test database " + database, e);
        }
    }
}
