package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.run.ToolVersion;
import io.tacit.testing.SilentServer;
import io.tacit.testing.TestingPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CLI against a database that never answers, and stopped while a statement runs on the server. */
class SessionSafetyCliIT {
    private static final Pattern RUN_ID = Pattern.compile("run (tacit-[A-Za-z0-9._-]+)");

    @Test
    void aServerThatNeverAnswersIsOneSourceErrorWithinTheConnectTimeout() throws Exception {
        Path recipe = Files.createTempFile("tacit-silent", ".yaml");
        try (SilentServer server = SilentServer.mute()) {
            Files.writeString(recipe, "source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/shop', user: postgres, connectTimeout: 2s}\n");
            long started = System.nanoTime();
            CliRun run = CliRun.of("discover", "-c", recipe.toString());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            List<String> lines = run.err().lines().filter(line -> !line.startsWith("tacit: run ")).toList();
            assertThat(lines).as(run.toString()).hasSize(1);
            assertThat(lines.get(0)).startsWith("tacit: the server at 127.0.0.1:" + server.port()
                    + " accepted the connection but did not answer within 2 s — ");
            // 2.5 s of waiting (SessionSafetyIT times it alone) after the CLI's start-up, slow on a loaded machine
            assertThat(seconds).isLessThan(15);
        } finally {
            Files.deleteIfExists(recipe);
        }
    }

    /**
     * A table whose every row costs 0.3 s to read (a row-level security policy calling pg_sleep, so a
     * non-superuser role reads it): profiling it runs for 30 s. SIGTERM a few seconds in must stop the statement
     * on the server at once, not when it finishes.
     */
    @Test
    void sigtermCancelsTheRunningStatementOnTheServer() throws Exception {
        String role = "tacit_stop_" + Long.toHexString(System.nanoTime()) + "_" + ProcessHandle.current().pid();
        try (TestingPostgres database = new TestingPostgres("tacit_stop")) {
            database.execute(
                    "CREATE ROLE " + role + " LOGIN",
                    "CREATE FUNCTION slow_row(id integer) RETURNS boolean LANGUAGE sql VOLATILE"
                            + " AS 'SELECT true FROM pg_sleep(0.3)'",
                    "CREATE TABLE customers (id integer PRIMARY KEY, name text)",
                    "INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 100) g",
                    "ANALYZE customers",
                    "ALTER TABLE customers ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY slow ON customers USING (slow_row(id))",
                    "GRANT SELECT ON customers TO " + role);
            Path err = Files.createTempFile("tacit-stop", ".err");
            Process tacit = null;
            try {
                tacit = new ProcessBuilder(javaCommand("discover", "--jdbc-url", database.jdbcUrl(), "--user", role,
                        "--level", "full"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile())
                        .start();
                String name = awaitRunName(err, tacit);
                awaitActive(database.connection(), name, database.database(), 1, 60);
                tacit.destroy();
                assertThat(tacit.waitFor(20, TimeUnit.SECONDS)).as("tacit ended after SIGTERM").isTrue();
                assertThat(tacit.exitValue()).isEqualTo(143);
                awaitActive(database.connection(), name, database.database(), 0, 3);
                assertThat(Files.readString(err, StandardCharsets.UTF_8))
                        .contains("tacit: stopping: cancelled the running statements of 1 database session");
            } finally {
                if (tacit != null) {
                    tacit.destroyForcibly();
                }
                Files.deleteIfExists(err);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    TestingPostgres.USER, ""); Statement statement = admin.createStatement()) {
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** The runnable jar when it is built (failsafe runs after package), else the test class path. */
    private static List<String> javaCommand(String... args) {
        Path jar = Path.of("target", "tacit.jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Files.isRegularFile(jar)) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Tacit.class.getName());
        }
        command.addAll(List.of(args));
        return command;
    }

    private static String awaitRunName(Path err, Process tacit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = RUN_ID.matcher(Files.readString(err, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return "tacit " + ToolVersion.current() + " " + matcher.group(1);
            }
            assertThat(tacit.isAlive()).as(Files.readString(err, StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("tacit printed no run id: " + Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void awaitActive(Connection admin, String name, String database, int wanted, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int found;
        do {
            found = activeStatements(admin, name, database);
            if (found == wanted) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(found).as("active statements of '" + name + "' in " + database).isEqualTo(wanted);
    }

    private static int activeStatements(Connection admin, String name, String database) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = ? AND state = 'active' AND query LIKE '%customers%'")) {
            statement.setString(1, name);
            statement.setString(2, database);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
