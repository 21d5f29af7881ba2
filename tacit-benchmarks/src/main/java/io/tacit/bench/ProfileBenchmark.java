package io.tacit.bench;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.error.TacitException;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableStatistics;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.StatisticsProvider;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How much the one-scan profiler costs over the physical floor on PostgreSQL. Prints medians of
 * <ul>
 *   <li>{@code engine}: collecting level {@code engine} (catalog queries only);</li>
 *   <li>{@code full}: collecting level {@code full} (engine figures plus one scan per table);</li>
 *   <li>{@code floor}: reading every value once, {@code COPY (SELECT * FROM t) TO STDOUT} of every table the
 *       profiler scans through PgJDBC's CopyManager, bytes discarded;</li>
 * </ul>
 * and the ratio {@code (full − engine) / floor} (target ≤ 1.5). Schema reading and connecting are not timed.
 * {@link #WARM_UP_ROUNDS} untimed rounds run first (JIT), then the three measurements alternate per repetition,
 * so that load from other processes falls on all three alike.
 *
 * <p>Run: {@code java -cp tacit-cli/target/tacit.jar io.tacit.bench.ProfileBenchmark
 * jdbc:postgresql://127.0.0.1:5432/db postgres public 5} (password, if any, from {@code TACIT_BENCH_PASSWORD}).
 */
public final class ProfileBenchmark {
    static final int WARM_UP_ROUNDS = 5;

    private ProfileBenchmark() {
    }

    /** The medians of one benchmark run. */
    public record Result(
            String source,
            List<String> schemas,
            int tables,
            long rows,
            int repetitions,
            Duration engine,
            Duration full,
            Duration floor,
            Duration fastestEngine,
            Duration fastestFull,
            Duration fastestFloor) {
        public Result {
            requireNonNull(source, "source is null");
            schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
            requireNonNull(engine, "engine is null");
            requireNonNull(full, "full is null");
            requireNonNull(floor, "floor is null");
            requireNonNull(fastestEngine, "fastestEngine is null");
            requireNonNull(fastestFull, "fastestFull is null");
            requireNonNull(fastestFloor, "fastestFloor is null");
        }

        /** {@code (full − engine) / floor}: what profiling costs over reading every value once. */
        public double ratio() {
            return ratio(engine, full, floor);
        }

        /** The same ratio from the fastest runs: what the machine does when nothing else competes for it. */
        public double fastestRatio() {
            return ratio(fastestEngine, fastestFull, fastestFloor);
        }

        private static double ratio(Duration engine, Duration full, Duration floor) {
            if (floor.isZero()) {
                return Double.NaN;
            }
            return (double) (full.toNanos() - engine.toNanos()) / floor.toNanos();
        }

        public String format() {
            return String.format(Locale.ROOT,
                    "profile benchmark %s schemas=%s tables=%d rows=%d repetitions=%d%n"
                            + "  engine collect  median %8.1f ms  fastest %8.1f ms%n"
                            + "  full collect    median %8.1f ms  fastest %8.1f ms%n"
                            + "  floor (COPY)    median %8.1f ms  fastest %8.1f ms%n"
                            + "  ratio (full - engine) / floor = %.2f (target <= 1.5); from the fastest runs %.2f%n",
                    source, String.join(",", schemas), tables, rows, repetitions,
                    millis(engine), millis(fastestEngine), millis(full), millis(fastestFull),
                    millis(floor), millis(fastestFloor), ratio(), fastestRatio());
        }

        private static double millis(Duration duration) {
            return duration.toNanos() / 1e6;
        }
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ProfileBenchmark <jdbc-url> <user> <schema[,schema...]> [repetitions=5]");
            System.exit(2);
        }
        int repetitions = args.length == 4 ? Integer.parseInt(args[3]) : 5;
        Optional<Secret> password = Optional.ofNullable(System.getenv("TACIT_BENCH_PASSWORD")).map(value -> Secret.of(value, "env:TACIT_BENCH_PASSWORD"));
        ConnectionSettings settings = new ConnectionSettings(args[0], Optional.of(args[1]), password,
                Duration.ofMinutes(10), ProfileSettings.DEFAULTS);
        try {
            System.out.print(run(settings, Arrays.asList(args[2].split(",")), repetitions).format());
        } catch (TacitException e) {
            System.err.println(e.oneLine());
            System.exit(e.kind().exitCode());
        }
    }

    /** Measures PostgreSQL at {@code settings}; throws a {@link TacitException} for other databases. */
    public static Result run(ConnectionSettings settings, List<String> schemas, int repetitions) {
        requireNonNull(settings, "settings is null");
        requireNonNull(schemas, "schemas is null");
        if (repetitions < 1) {
            throw TacitException.config("repetitions must be 1 or more: " + repetitions, "pass a positive count");
        }
        if (!settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw TacitException.config("the profile benchmark measures PostgreSQL only",
                    "pass a jdbc:postgresql:// URL");
        }
        try (JdbcSource source = JdbcSource.open(settings);
                Connection copyConnection = openCopyConnection(settings)) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.schemas(schemas), ProgressListener.NONE);
            StatisticsProvider statistics = source.statistics();
            List<Table> scanned = snapshot.tables().stream().filter(ProfileBenchmark::scanned).toList();
            CopyOut copy = new CopyOut(copyConnection);

            Statistics full = statistics.collect(snapshot, StatisticsLevel.FULL, ProgressListener.NONE);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                statistics.collect(snapshot, StatisticsLevel.ENGINE, ProgressListener.NONE);
                statistics.collect(snapshot, StatisticsLevel.FULL, ProgressListener.NONE);
                copy.everyTable(scanned);
            }

            long[] engineTimes = new long[repetitions];
            long[] fullTimes = new long[repetitions];
            long[] floorTimes = new long[repetitions];
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                statistics.collect(snapshot, StatisticsLevel.ENGINE, ProgressListener.NONE);
                engineTimes[i] = System.nanoTime() - start;
                start = System.nanoTime();
                statistics.collect(snapshot, StatisticsLevel.FULL, ProgressListener.NONE);
                fullTimes[i] = System.nanoTime() - start;
                start = System.nanoTime();
                copy.everyTable(scanned);
                floorTimes[i] = System.nanoTime() - start;
            }
            long rows = 0;
            for (Table table : scanned) {
                if (table.kind() != TableKind.PARTITIONED_TABLE) {
                    rows += full.table(table.name()).map(TableStatistics::rows).orElse(0L);
                }
            }
            return new Result(snapshot.source(), schemas, scanned.size(), rows, repetitions,
                    Duration.ofNanos(median(engineTimes)), Duration.ofNanos(median(fullTimes)),
                    Duration.ofNanos(median(floorTimes)), Duration.ofNanos(Arrays.stream(engineTimes).min().getAsLong()),
                    Duration.ofNanos(Arrays.stream(fullTimes).min().getAsLong()),
                    Duration.ofNanos(Arrays.stream(floorTimes).min().getAsLong()));
        } catch (SQLException e) {
            throw TacitException.source("profile benchmark failed: " + e.getMessage(),
                    "check the URL, user and schema", e);
        }
    }

    private static boolean scanned(Table table) {
        return table.kind() == TableKind.TABLE || table.kind() == TableKind.PARTITIONED_TABLE
                || table.kind() == TableKind.MATERIALIZED_VIEW;
    }

    private static Connection openCopyConnection(ConnectionSettings settings) throws SQLException {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        properties.setProperty("readOnly", "true");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        return (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** PgJDBC's CopyManager, reached by reflection: connector-core has JDBC drivers in test scope only. */
    private static final class CopyOut {
        private static final PostgresDialect DIALECT = new PostgresDialect(Duration.ofMinutes(10));
        private final Object copyManager;
        private final Method copyOut;
        private final Connection connection;

        private CopyOut(Connection connection) throws SQLException {
            this.connection = connection;
            try {
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                Object pg = connection.unwrap(pgConnection);
                this.copyManager = pgConnection.getMethod("getCopyAPI").invoke(pg);
                this.copyOut = copyManager.getClass().getMethod("copyOut", String.class, OutputStream.class);
            } catch (ReflectiveOperationException e) {
                throw new SQLException("PgJDBC's CopyManager is not available: " + e, e);
            }
        }

        private void everyTable(List<Table> tables) throws SQLException {
            List<String> failures = new ArrayList<>();
            for (Table table : tables) {
                String quoted = DIALECT.quote(table.name());
                try {
                    copyOut.invoke(copyManager, "COPY (SELECT * FROM " + quoted + ") TO STDOUT",
                            OutputStream.nullOutputStream());
                } catch (InvocationTargetException e) {
                    failures.add(table.name() + ": " + e.getCause());
                } catch (IllegalAccessException e) {
                    throw new SQLException("cannot call CopyManager.copyOut", e);
                }
            }
            if (!failures.isEmpty()) {
                throw new SQLException("COPY failed for " + failures);
            }
            requireNonNull(connection, "connection is null");
        }
    }
}
