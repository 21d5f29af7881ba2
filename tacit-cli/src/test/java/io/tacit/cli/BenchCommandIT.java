package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.testing.TestingPostgres;
import org.junit.jupiter.api.Test;

/** The bench commands run and print their figures (the figures themselves are not asserted: no timed tests). */
class BenchCommandIT {
    @Test
    void scaleThenReadThenProfile() {
        try (TestingPostgres database = new TestingPostgres("tacit_cli")) {
            CliRun scale = CliRun.of("bench", "scale", "--jdbc-url", database.jdbcUrl(), "--tables", "12",
                    "--columns-per-table", "6", "--rows-per-table", "20");
            assertThat(scale.exitCode()).as(scale.toString()).isZero();
            assertThat(scale.out()).startsWith("created 12 tables");

            CliRun read = CliRun.of("bench", "read", "--jdbc-url", database.jdbcUrl(), "--repetitions", "1");
            assertThat(read.exitCode()).as(read.toString()).isZero();
            assertThat(read.out()).contains("12 tables").contains("readSchema end to end");

            CliRun profile = CliRun.of("bench", "profile", "--jdbc-url", database.jdbcUrl(), "--schema", "public",
                    "--repetitions", "1");
            assertThat(profile.exitCode()).as(profile.toString()).isZero();
            assertThat(profile.out()).contains("profile benchmark").contains("ratio");
        }
    }

    @Test
    void scaleWithoutAUrlIsAConfigError() {
        CliRun run = CliRun.of("bench", "scale", "--tables", "3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jdbc-url");
    }
}
