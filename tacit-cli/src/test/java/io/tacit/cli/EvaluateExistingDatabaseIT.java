package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.testing.TestingPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate} finds its tacit_eval_* database already there: it says it drops it, and never ends the sessions
 * connected to it unless told to with --force-drop.
 */
class EvaluateExistingDatabaseIT {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void anExistingDatabaseInUseIsLeftAloneAndOnlyForceDropEndsItsSessions() throws Exception {
        String dataset = "tacitexist" + Long.toHexString(System.nanoTime());
        String database = "tacit_eval_" + dataset;
        Path folder = Files.createTempDirectory("tacit-evaluate").resolve(dataset);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("schema.sql"), "CREATE TABLE customers (id integer PRIMARY KEY);\n"
                + "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer);\n");
        Files.writeString(folder.resolve("truth.csv"),
                "fk_table,fk_columns,pk_table,pk_columns\npublic.orders,customer_id,public.customers,id\n");
        String[] evaluate = {"evaluate", "--dataset", folder.toString(), "--level", "metadata"};
        try {
            admin("CREATE DATABASE " + database);
            try (Connection someone = connectTo(database)) {
                CliRun refused = CliRun.of(evaluate);
                assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
                assertThat(refused.err()).contains("tacit: database " + database
                        + " is in use by 1 session; stop them or pass --force-drop");
                assertThat(someone.isValid(2)).isTrue();
                assertThat(exists(database)).isTrue();
            }

            CliRun dropped = CliRun.of(evaluate);
            assertThat(dropped.exitCode()).as(dropped.toString()).isZero();
            assertThat(dropped.err()).contains("dropping the existing database " + database + ", left by an earlier run");

            admin("CREATE DATABASE " + database);
            try (Connection someone = connectTo(database)) {
                String[] forced = {"evaluate", "--dataset", folder.toString(), "--level", "metadata", "--force-drop"};
                CliRun run = CliRun.of(forced);
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertThat(run.err()).contains("dropping the existing database " + database
                        + ", left by an earlier run, ending its 1 sessions");
                assertThat(someone.isValid(2)).isFalse();
            }
            assertThat(exists(database)).isFalse();
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            Files.deleteIfExists(folder.resolve("schema.sql"));
            Files.deleteIfExists(folder.resolve("truth.csv"));
            Files.deleteIfExists(folder);
            Files.deleteIfExists(folder.getParent());
        }
    }

    private static Connection connectTo(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, TestingPostgres.USER, "");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, TestingPostgres.USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, TestingPostgres.USER, "");
                PreparedStatement statement = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }
}
