package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.schedule.ManualClock;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tacit serve} on a SQLite database and a JSON sink: the run is the one {@code discover} makes. */
class ServeCommandTest {
    @TempDir
    Path folder;

    private Path shop() throws Exception {
        Path db = folder.resolve("shop.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("create table customer (id integer primary key, name text)");
            statement.execute("create table orders (id integer primary key, customer_id integer, note text)");
            for (int i = 1; i <= 40; i++) {
                statement.execute("insert into customer values (" + i + ", 'c" + i + "')");
            }
            for (int i = 1; i <= 200; i++) {
                statement.execute("insert into orders values (" + i + ", " + (1 + i % 40) + ", 'n')");
            }
        }
        return db;
    }

    private Path recipe(Path db, String serve) throws Exception {
        Path recipe = folder.resolve("recipe.yaml");
        Files.writeString(recipe, "source: {type: jdbc, url: 'jdbc:sqlite:" + db + "'}\n"
                + "inference: {level: full}\n"
                + "sinks:\n  - {type: json, path: '" + folder.resolve("out.json") + "'}\n"
                + "serve:\n" + serve);
        return recipe;
    }

    private ServeCommand command(Path recipe, ByteArrayOutputStream err) {
        CliEnvironment environment = new CliEnvironment(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> Optional.empty(), false);
        ServeCommand command = new ServeCommand(environment);
        command.recipe = recipe;
        return command;
    }

    @Test
    void runsTheDiscoverPipelineOnTheRecipeSchedule() throws Exception {
        Path recipe = recipe(shop(), "  schedule: '0 2 * * *'\n  timezone: Europe/Paris\n  lockFile: '"
                + folder.resolve("serve.lock") + "'\n  healthPort: -1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
        ServeCommand.Service service = command(recipe, err).prepare(clock);
        assertThat(service.loop().step()).isEmpty();
        clock.set(Instant.parse("2026-03-02T00:59:00Z"));
        assertThat(service.loop().step()).isEmpty();
        assertThat(folder.resolve("out.json")).doesNotExist();
        // 02:00 in Paris is 01:00 UTC in March
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        Optional<RunOutcome> outcome = service.loop().step();
        assertThat(outcome).map(RunOutcome::state).contains(RunState.SUCCESS);
        assertThat(Files.readString(folder.resolve("out.json"))).contains("customer_id");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("triggers [cron]");
        assertThat(service.loop().metrics().prometheus()).contains("tacit_serve_runs_total{state=\"success\"} 1");
        service.close();
    }

    @Test
    void recipesWithAServeSectionAreValidEverywhere() throws Exception {
        Path recipe = recipe(shop(), "  schedule: '0 2 * * *'\n  healthPort: 9999\n");
        CliRun valid = CliRun.of("validate", "-c", recipe.toString());
        assertThat(valid.exitCode()).as(valid.toString()).isEqualTo(0);
        Files.writeString(recipe, Files.readString(recipe) + "  scedule: x\n");
        CliRun typo = CliRun.of("validate", "-c", recipe.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("serve.scedule", "schedule");
    }

    @Test
    void aWrongCronIsAConfigurationError() throws Exception {
        Path recipe = recipe(shop(), "  schedule: '0 25 * * *'\n  healthPort: -1\n");
        CliRun run = CliRun.of("serve", "-c", recipe.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("hour field", "25");
    }
}
