package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tacit.testing.TestingPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tacit writes, seen from outside: a failed write is an error with its reason, and names from the database
 * cannot drive the terminal, run a spreadsheet formula or put HTML in a Markdown page.
 */
class OutputSafetyIT {
    private static final String ESCAPE = "\u001b[31mred";
    private static final String FORGED = "x\ntacit: all good";
    private static final String TITLE = "\u001b]0;pwned\u0007";

    @TempDir
    Path folder;

    @Test
    void resultsThatCannotBeWrittenToStdoutAreAnError() throws Exception {
        Path jar = Path.of("target", "tacit.jar").toAbsolutePath();
        assumeThat(jar).as("the packaged CLI (mvn verify builds it first)").exists();
        File full = new File("/dev/full");
        assumeThat(full).exists();
        Path database = folder.resolve("shop.db");
        DemoDatabase.create(database);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "discover", "--jdbc-url", "jdbc:sqlite:" + database, "--level", "metadata",
                "--format", "json"));
        Process process = new ProcessBuilder(command).redirectOutput(full).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines().filter(line -> line.contains("standard output")).toList())
                .containsExactly("tacit: cannot write the results to standard output: no space left on device");
    }

    @Test
    void aFullDiskUnderOutSaysSoAndNamesTheFile() throws Exception {
        assumeThat(new File("/dev/full")).exists();
        Path database = folder.resolve("shop.db");
        DemoDatabase.create(database);
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:" + database, "--level", "metadata",
                "--format", "csv", "--out", "/dev/full");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("tacit: cannot write /dev/full: no space left on device")
                .doesNotContain("check that the folder is writable");
    }

    @Test
    void namesFromTheDatabaseCannotDriveTheTerminalOrForgeLines() {
        try (TestingPostgres database = new TestingPostgres("tacit_cli_out")) {
            database.execute("CREATE SCHEMA \"" + TITLE + FORGED + "\"");
            CliRun run = CliRun.of("discover", "--jdbc-url", database.jdbcUrl(), "--user", "root", "--schema", "nope");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\u0007")
                    .contains("\\u001b]0;pwned\\u0007x\\ntacit: all good");
            // the run note and the error: no line forged by the name
            assertThat(run.err().lines()).hasSize(2).noneMatch(line -> line.startsWith("tacit: all good"));
        }
    }

    @Test
    void hostileNamesAreEscapedInEveryFormat() throws Exception {
        try (TestingPostgres database = new TestingPostgres("tacit_cli_out")) {
            database.execute("CREATE TABLE \"<img src=x onerror=alert(1)>\" (id integer PRIMARY KEY)",
                    "CREATE TABLE \"" + ESCAPE + "\" (id integer PRIMARY KEY, \"[x](http://evil)\" integer"
                            + " REFERENCES \"<img src=x onerror=alert(1)>\" (id), \"=1+1\" integer, \"" + FORGED + "\" integer)",
                    "CREATE TABLE \"@target\" (id integer PRIMARY KEY)",
                    "CREATE TABLE \"-other\" (\"=1+1\" integer REFERENCES \"@target\" (id))");
            String[] base = {"discover", "--jdbc-url", database.jdbcUrl(), "--user", "root", "--level", "metadata"};

            CliRun table = CliRun.of(concat(base, "--format", "table"));
            assertThat(table.exitCode()).as(table.toString()).isZero();
            assertThat(table.out()).doesNotContain("\u001b").contains("public.\\u001b[31mred([x](http://evil))");
            assertThat(table.all()).doesNotContain("\u001b");

            CliRun markdown = CliRun.of(concat(base, "--format", "markdown"));
            assertThat(markdown.out()).doesNotContain("<img").doesNotContain("](http")
                    .contains("public.&lt;img src=x onerror=alert\\(1\\)&gt;\\(id\\)");

            Path csv = folder.resolve("out/relationships.csv");
            CliRun csvRun = CliRun.of(concat(base, "--format", "csv", "--out", csv.toString()));
            assertThat(csvRun.exitCode()).as(csvRun.toString()).isZero();
            assertThat(Files.readAllLines(csv)).contains("public.-other,'=1+1,public.@target,id,FOREIGN_KEY,DECLARED,"
                    + "MANY_TO_ONE,1.00,,declared constraint -other_=1+1_fkey");
            try (var listing = Files.list(csv.getParent())) {
                assertThat(listing.map(path -> path.getFileName().toString()).toList()).containsExactly("relationships.csv");
            }
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
