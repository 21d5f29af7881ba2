package io.tacit.cli;

import io.tacit.bench.ProfileBenchmark;
import io.tacit.bench.ScaleSchemaGenerator;
import io.tacit.bench.SchemaReadBenchmark;
import io.tacit.config.Secret;
import io.tacit.error.TacitException;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcUrls;
import io.tacit.jdbc.ProfileSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks that print figures (medians of several runs); timing claims come from here, never from tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = "Benchmarks: create a large schema, time schema reading, time profiling.",
        subcommands = {BenchCommand.Scale.class, BenchCommand.Read.class, BenchCommand.Profile.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Where the benchmark connects; the password only ever from an environment variable. */
    static final class Target {
        @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "JDBC URL of the database.")
        String jdbcUrl;

        @Option(names = "--user", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
        String passwordEnv;

        Optional<Secret> password(CliEnvironment environment) {
            if (passwordEnv == null) {
                return Optional.empty();
            }
            String value = environment.variables().apply(passwordEnv).orElseThrow(() -> TacitException.config(
                    "environment variable " + passwordEnv + " is not set", "export it or drop --password-env"));
            return Optional.of(Secret.of(value, "--password-env " + passwordEnv));
        }

        ConnectionSettings settings(CliEnvironment environment, Duration timeout) {
            return new ConnectionSettings(jdbcUrl, Optional.of(user), password(environment), timeout,
                    ProfileSettings.DEFAULTS);
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
            description = {"Creates a large ORM-shaped schema (no foreign key constraints) in an EMPTY scratch "
                    + "PostgreSQL database, for 'bench read'. This WRITES to the database: never point it at real data."})
    static final class Scale implements Callable<Integer> {
        private final CliEnvironment environment;

        @Mixin
        Target target = new Target();

        @Option(names = "--tables", defaultValue = "1000", description = "Tables to create (default: ${DEFAULT-VALUE}).")
        int tables;

        @Option(names = "--columns-per-table", defaultValue = "20", description = "Columns per table (default: ${DEFAULT-VALUE}).")
        int columnsPerTable;

        @Option(names = "--rows-per-table", defaultValue = "0", description = "Rows per table (default: ${DEFAULT-VALUE}).")
        long rowsPerTable;

        @Option(names = "--force", description = "Add the tables even if the target schema already holds some "
                + "(never ones with the same names).")
        boolean force;

        Scale(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            String password = target.password(environment).map(Secret::reveal).orElse("");
            try (Connection connection = DriverManager.getConnection(target.jdbcUrl, target.user, password)) {
                environment.out().println(ScaleSchemaGenerator.generate(connection, tables, columnsPerTable, rowsPerTable,
                        force).format());
            }
            catch (SQLException e) {
                throw TacitException.source("creating the scale schema in " + JdbcUrls.describe(target.jdbcUrl)
                        + " failed, the tables created so far were dropped: "
                        + e.getMessage().lines().findFirst().orElse("").strip(),
                        "use an empty scratch database the user may create tables in", null);
            }
            catch (IllegalArgumentException e) {
                throw TacitException.config(e.getMessage(), "see 'tacit bench scale --help'");
            }
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
            description = "Times reading the whole schema (median of several runs) against the raw catalog queries.")
    static final class Read implements Callable<Integer> {
        private final CliEnvironment environment;

        @Mixin
        Target target = new Target();

        @Option(names = "--repetitions", defaultValue = "5", description = "Timed runs after one warm-up (default: ${DEFAULT-VALUE}).")
        int repetitions;

        Read(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            environment.out().print(SchemaReadBenchmark.run(
                    target.settings(environment, ConnectionSettings.DEFAULT_STATEMENT_TIMEOUT), repetitions).format());
            return 0;
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
            description = "Times statistics at levels engine and full against reading every value once (PostgreSQL COPY).")
    static final class Profile implements Callable<Integer> {
        private final CliEnvironment environment;

        @Mixin
        Target target = new Target();

        @Option(names = "--schema", required = true, paramLabel = "SCHEMA", description = "Schema to profile (repeatable).")
        List<String> schemas;

        @Option(names = "--repetitions", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
        int repetitions;

        Profile(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            environment.out().print(ProfileBenchmark.run(target.settings(environment, Duration.ofMinutes(10)), schemas,
                    repetitions).format());
            return 0;
        }
    }
}
