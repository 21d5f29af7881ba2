package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path directory;

    @Test
    void aMissingDatasetFolderIsAConfigurationError() {
        CliRun run = CliRun.of("evaluate", "--dataset", directory.resolve("absent").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("absent does not exist").doesNotContain("Exception");
    }

    @Test
    void needsExactlyOneThingToEvaluate() {
        CliRun none = CliRun.of("evaluate");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("choose one of --dataset DIR, --all");
        CliRun both = CliRun.of("evaluate", "--all", "--dataset", directory.toString());
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void scoringALoadedDatabaseNeedsATruthFile() {
        CliRun run = CliRun.of("evaluate", "--jdbc-url", "jdbc:sqlite:" + directory.resolve("x.db"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("needs --truth FILE");
    }

    @Test
    void unknownTargetsAndLevelsAreNamed() {
        CliRun target = CliRun.of("evaluate", "--dataset", directory.toString(), "--target", "oracle");
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err()).contains("unknown target 'oracle'");
        CliRun level = CliRun.of("evaluate", "--dataset", directory.toString(), "--level", "deep");
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err()).contains("unknown statistics level 'deep'");
    }

    @Test
    void isASubcommandOfTacit() {
        CliRun run = CliRun.of("--help");
        assertThat(run.all()).contains("evaluate");
    }
}
