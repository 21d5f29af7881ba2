package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.testing.TestingPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One clear line and the right exit code for what goes wrong with a real database. */
class ExitCodesIT {
    private static final String WRONG_PASSWORD = "definitely-Wrong-Pw-4711";

    @Test
    void unreachableHostIsASourceError() {
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nothing", "--user", "root");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertOneLine(run);
        assertThat(run.err()).contains("127.0.0.1").contains("1");
    }

    @Test
    void wrongPasswordIsASourceErrorThatHidesThePassword() {
        for (boolean verbose : new boolean[] {false, true}) {
            String[] args = {"discover", "--jdbc-url", "jdbc:mariadb://127.0.0.1:3306/mysql", "--user", "root",
                "--password-env", "TACIT_TEST_PW"};
            if (verbose) {
                args = java.util.Arrays.copyOf(args, args.length + 1);
                args[args.length - 1] = "--verbose";
            }
            CliRun run = CliRun.of(Map.of("TACIT_TEST_PW", WRONG_PASSWORD), args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.all()).doesNotContain(WRONG_PASSWORD);
            if (!verbose) {
                assertOneLine(run);
            }
        }
    }

    @Test
    void unknownSchemaIsAConfigError() {
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)");
            CliRun run = CliRun.of("discover", "--jdbc-url", database.jdbcUrl(), "--user", "root", "--schema", "nope");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertOneLine(run);
            assertThat(run.err()).contains("nope");
        }
    }

    @Test
    void emptyDatabaseIsOneClearSourceError() {
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            CliRun run = CliRun.of("discover", "--jdbc-url", database.jdbcUrl(), "--user", "root");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertOneLine(run);
            assertThat(run.err()).contains("no tables found");
        }
    }

    @Test
    void validateTriesTheConnection() throws Exception {
        java.nio.file.Path recipe = java.nio.file.Files.createTempFile("tacit-cli", ".yaml");
        try {
            java.nio.file.Files.writeString(recipe, "source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1:1/x', user: root}\n");
            CliRun run = CliRun.of("validate", "-c", recipe.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.out()).contains("is valid");
        }
        finally {
            java.nio.file.Files.deleteIfExists(recipe);
        }
    }

    @Test
    void discoversATinyDatabaseAsATable() {
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text)",
                    "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer)",
                    "INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 50) g",
                    "INSERT INTO orders SELECT g, 1 + g % 50 FROM generate_series(1, 200) g",
                    "ANALYZE");
            CliRun run = CliRun.of("discover", "--jdbc-url", database.jdbcUrl(), "--user", "root", "--level", "full");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("public.orders(customer_id)").contains("public.customers(id)");
            assertThat(run.err()).contains("read schema done");
        }
    }

    @Test
    void verboseRunWithAPasswordNeverPrintsIt() {
        // PostgreSQL here trusts local connections, so the password is sent and accepted but never checked
        String password = "Never-Print-Me-8812";
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)",
                    "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer)");
            CliRun run = CliRun.of(Map.of("DB_PW", password), "discover", "--jdbc-url", database.jdbcUrl(),
                    "--user", "root", "--password-env", "DB_PW", "--verbose", "--level", "metadata", "--format", "json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.all()).doesNotContain(password);
            assertThat(run.err()).contains("password=[hidden] (from ${env:DB_PW})");
        }
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("tacit-cli");
        java.nio.file.Path report = folder.resolve("report.json");
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)");
            java.nio.file.Path recipe = folder.resolve("recipe.yaml");
            java.nio.file.Files.writeString(recipe, "source: {type: jdbc, url: '" + database.jdbcUrl() + "', user: root}\n"
                    + "inference: {level: metadata}\n"
                    + "sinks: [{type: json, path: '" + report + "'}]\n");
            CliRun run = CliRun.of("discover", "-c", recipe.toString(), "--dry-run");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("plan for json-report (dry run, nothing applied): 1 changes")
                    .contains("ADD " + report);
            assertThat(report).doesNotExist();

            CliRun applied = CliRun.of("discover", "-c", recipe.toString());
            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            assertThat(report).exists();
        }
    }

    /** The error is the only non-progress line on stderr, and there is no stack trace. */
    private static void assertOneLine(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.err().lines().filter(line -> !line.contains(" done in ") && !line.startsWith("tacit: run ")))
                .as(run.toString()).hasSize(1);
    }
}
