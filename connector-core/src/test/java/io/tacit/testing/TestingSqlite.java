package io.tacit.testing;

import io.tacit.jdbc.ConnectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A SQLite database in a temporary file, deleted on {@link #close()}. */
public final class TestingSqlite implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    public TestingSqlite() {
        try {
            this.file = Files.createTempFile("tacit-test-", ".db");
            this.connection = DriverManager.getConnection(jdbcUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary SQLite file", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the temporary SQLite database", e);
        }
    }

    public Path file() {
        return file;
    }

    public String jdbcUrl() {
        return "jdbc:sqlite:" + file;
    }

    public ConnectionSettings settings() {
        return ConnectionSettings.of(jdbcUrl(), null, null);
    }

    /** A read-write connection for setting the database up. Closed by {@link #close()}. */
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
            Files.deleteIfExists(file);
        } catch (SQLException | IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
