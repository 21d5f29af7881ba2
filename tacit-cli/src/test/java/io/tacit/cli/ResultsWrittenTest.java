package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Output that does not reach stdout fails the run instead of exiting 0 with nothing written. */
class ResultsWrittenTest {
    @Test
    void aStdoutThatRefusesWritesFailsTheRunWithOneLine() {
        OutputStream refusing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(new PrintStream(refusing, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> Optional.empty(), false);
        int exitCode = Tacit.execute(environment, "--version");
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("tacit: cannot write the results to standard output\n");
    }

    @Test
    void aStdoutThatWorksKeepsTheExitCode() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
