package io.tacit.cli;

import static java.util.Objects.requireNonNull;

import io.tacit.config.SecretResolver;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a command may touch of the outside world: stdout for results, stderr for progress and errors, the
 * environment variables and whether stderr is a terminal. Tests run the CLI in-process with their own.
 */
public record CliEnvironment(PrintStream out, PrintStream err, Function<String, Optional<String>> variables,
        boolean terminal) {
    public CliEnvironment {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(variables, "variables is null");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(StandardOutput.open(), System.err, name -> Optional.ofNullable(System.getenv(name)),
                System.console() != null);
    }

    public SecretResolver secrets() {
        return new SecretResolver(variables);
    }
}
