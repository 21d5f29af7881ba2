package io.tacit.jdbc.stats;

import io.tacit.dialect.mariadb.MariaDbDialect;
import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.dialect.sqlite.SqliteDialect;
import io.tacit.jdbc.Dialect;
import io.tacit.testing.TestingMariaDb;
import io.tacit.testing.TestingPostgres;
import io.tacit.testing.TestingSqlite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A throw-away database on one engine (the shared {@code io.tacit.testing} fixtures create and drop it): an
 * admin connection that creates and fills tables, and a read-only session as the statistics code gets it.
 */
abstract class StatsDatabase implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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
        private final TestingPostgres database = new TestingPostgres("tacit_stats");
        private final Connection reader;

        Postgres() throws SQLException {
            reader = DriverManager.getConnection(database.jdbcUrl(), TestingPostgres.USER, "");
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                statement.execute("SET statement_timeout = '60s'");
            }
        }

        @Override
        Connection admin() {
            return database.connection();
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new PostgresDialect(TIMEOUT);
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
            reader.close();
            database.close();
        }
    }

    static final class MariaDb extends StatsDatabase {
        private final TestingMariaDb database = new TestingMariaDb("tacit_stats");
        private final Connection reader;

        MariaDb() throws SQLException {
            reader = DriverManager.getConnection(database.jdbcUrl(), TestingMariaDb.USER, "");
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET SESSION TRANSACTION READ ONLY");
                statement.execute("SET SESSION max_statement_time = 60");
            }
        }

        @Override
        Connection admin() {
            return database.connection();
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new MariaDbDialect(TIMEOUT);
        }

        @Override
        String schema() {
            return database.database();
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
            reader.close();
            database.close();
        }
    }

    static final class Sqlite extends StatsDatabase {
        private final TestingSqlite database = new TestingSqlite();
        private final Connection reader;

        Sqlite() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            reader = DriverManager.getConnection(database.jdbcUrl(), properties);
        }

        @Override
        Connection admin() {
            return database.connection();
        }

        @Override
        Connection reader() {
            return reader;
        }

        @Override
        Dialect dialect() {
            return new SqliteDialect(TIMEOUT);
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
        public void close() throws SQLException {
            reader.close();
            database.close();
        }
    }
}
