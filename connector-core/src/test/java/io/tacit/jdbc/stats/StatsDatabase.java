package io.tacit.jdbc.stats;

import io.tacit.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A uniquely named throw-away database ({@code tacit_stats_...}) on one engine: an admin connection that
 * creates and fills tables, and a read-only session as the statistics code gets it.
 */
abstract class StatsDatabase implements AutoCloseable {
    final String name = "tacit_stats_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    abstract Connection admin();

    /** A read-only session on the database, as the source opens it. */
    abstract Connection reader();

    abstract Dialect dialect();

    /** The schema the tables live in. */
    abstract String schema();

    /** Refreshes the engine's statistics for every table. */
    abstract void analyze(String... tables) throws SQLException;

    abstract String integerType();

    abstract String bigintType();

    String quoted(String table) {
        return dialect().quoteIdentifier(schema()) + "." + dialect().quoteIdentifier(table);
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = admin().createStatement()) {
            statement.execute(sql);
        }
    }

    static final class Postgres extends StatsDatabase {
        private static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";
        private final Connection admin;
        private final Connection reader;

        Postgres() throws SQLException {
            try (Connection server = DriverManager.getConnection(HOST + "postgres", "postgres", "");
                    Statement statement = server.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            admin = DriverManager.getConnection(HOST + name, "postgres", "");
            reader = DriverManager.getConnection(HOST + name, "postgres", "");
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                statement.execute("SET statement_timeout = '60s'");
            }
        }

        @Override
        Connection admin() {
            return admin;
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new io.tacit.dialect.postgres.PostgresDialect(Duration.ofSeconds(60));
        }

        @Override
        String schema() {
            return "public";
        }

        @Override
        void analyze(String... tables) throws SQLException {
            execute("ANALYZE");
        }

        @Override
        String integerType() {
            return "integer";
        }

        @Override
        String bigintType() {
            return "bigint";
        }

        @Override
        public void close() throws SQLException {
            admin.close();
            reader.close();
            try (Connection server = DriverManager.getConnection(HOST + "postgres", "postgres", "");
                    Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    static final class MariaDb extends StatsDatabase {
        private static final String HOST = "jdbc:mariadb://127.0.0.1:3306/";
        private final Connection admin;
        private final Connection reader;

        MariaDb() throws SQLException {
            try (Connection server = DriverManager.getConnection(HOST, "root", "");
                    Statement statement = server.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            admin = DriverManager.getConnection(HOST + name, "root", "");
            reader = DriverManager.getConnection(HOST + name, "root", "");
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET SESSION TRANSACTION READ ONLY");
                statement.execute("SET SESSION max_statement_time = 60");
            }
        }

        @Override
        Connection admin() {
            return admin;
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new io.tacit.dialect.mariadb.MariaDbDialect(Duration.ofSeconds(60));
        }

        @Override
        String schema() {
            return name;
        }

        @Override
        void analyze(String... tables) throws SQLException {
            for (String table : tables) {
                execute("ANALYZE TABLE " + quoted(table) + " PERSISTENT FOR ALL");
            }
        }

        @Override
        String integerType() {
            return "int";
        }

        @Override
        String bigintType() {
            return "bigint";
        }

        @Override
        public void close() throws SQLException {
            admin.close();
            reader.close();
            try (Connection server = DriverManager.getConnection(HOST, "root", "");
                    Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    static final class Sqlite extends StatsDatabase {
        private final Path file;
        private final Connection admin;
        private final Connection reader;

        Sqlite() throws Exception {
            file = Files.createTempFile(name, ".db");
            admin = DriverManager.getConnection("jdbc:sqlite:" + file);
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            reader = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        }

        @Override
        Connection admin() {
            return admin;
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new io.tacit.dialect.sqlite.SqliteDialect(Duration.ofSeconds(60));
        }

        @Override
        String schema() {
            return "main";
        }

        @Override
        void analyze(String... tables) throws SQLException {
            execute("ANALYZE");
        }

        @Override
        String integerType() {
            return "INTEGER";
        }

        @Override
        String bigintType() {
            return "BIGINT";
        }

        @Override
        public void close() throws Exception {
            admin.close();
            reader.close();
            Files.deleteIfExists(file);
        }
    }
}
