package io.tacit.bench;

import io.tacit.config.Secret;
import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.Dialect;
import io.tacit.jdbc.Dialects;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.spi.ProgressListener;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Times reading a whole schema: the raw catalog queries alone (the physical floor: every column, key, index,
 * foreign key and pg_stats row drained, nothing built) against {@link JdbcSource#readSchema} end to end.
 * Prints medians of several repetitions after one warm-up.
 */
public final class SchemaReadBenchmark {
    private static final String PG_STATS = "SELECT * FROM pg_catalog.pg_stats WHERE schemaname = ANY (?)";

    private SchemaReadBenchmark() {
    }

    /**
     * Medians in milliseconds. The floor figures are empty for databases other than PostgreSQL.
     *
     * @param catalogFloorMillis the schema catalog queries readSchema runs, rows drained
     * @param statsFloorMillis the pg_stats rows of the same schemas, drained
     * @param readSchemaMillis {@link JdbcSource#readSchema} on an open session
     * @param openAndReadMillis open the session, read the schema, close
     */
    public record Result(
            String database,
            int repetitions,
            int tables,
            int columns,
            int foreignKeys,
            OptionalDouble catalogFloorMillis,
            OptionalDouble statsFloorMillis,
            double readSchemaMillis,
            double openAndReadMillis) {
        /** readSchema over the catalog floor. */
        public OptionalDouble ratio() {
            if (catalogFloorMillis.isEmpty() || catalogFloorMillis.getAsDouble() <= 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(readSchemaMillis / catalogFloorMillis.getAsDouble());
        }

        public String format() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "schema read benchmark: %s, %d tables, %d columns, %d foreign keys, median of %d runs%n",
                    database, tables, columns, foreignKeys, repetitions));
            if (catalogFloorMillis.isPresent()) {
                text.append(String.format(Locale.ROOT, "  catalog queries alone (floor)     %9.1f ms%n", catalogFloorMillis.getAsDouble()));
                text.append(String.format(Locale.ROOT, "  pg_stats rows alone               %9.1f ms%n", statsFloorMillis.orElse(0)));
            }
            text.append(String.format(Locale.ROOT, "  readSchema end to end             %9.1f ms%n", readSchemaMillis));
            text.append(String.format(Locale.ROOT, "  open + readSchema + close         %9.1f ms%n", openAndReadMillis));
            if (ratio().isPresent()) {
                text.append(String.format(Locale.ROOT, "  readSchema / floor                %9.2f%n", ratio().getAsDouble()));
            }
            return text.toString();
        }
    }

    /**
     * Reads every schema the user can see {@code repetitions} times after one warm-up. The three measurements
     * take turns within each repetition, so that load from other processes falls on all of them alike.
     */
    public static Result run(ConnectionSettings settings, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be 1 or more: " + repetitions);
        }
        double[] read = new double[repetitions];
        double[] openAndRead = new double[repetitions];
        double[] catalog = new double[repetitions];
        double[] stats = new double[repetitions];
        Dialect dialect = Dialects.forUrl(settings.jdbcUrl(), settings.statementTimeout());
        boolean floors = dialect instanceof PostgresDialect;
        SchemaSnapshot snapshot;
        String database;
        try (JdbcSource source = JdbcSource.open(settings);
                Connection raw = DriverManager.getConnection(dialect.connectionUrl(settings.jdbcUrl()),
                        dialect.connectionProperties(settings))) {
            database = source.description();
            snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            List<String> schemas = snapshot.tables().stream().map(table -> table.name().schema()).distinct().toList();
            floors = floors && !schemas.isEmpty();
            List<String> catalogQueries = List.of();
            Array schemaArray = null;
            if (floors) {
                catalogQueries = ((PostgresDialect) dialect).catalogQueries();
                schemaArray = raw.createArrayOf("text", schemas.toArray());
                drainAll(raw, catalogQueries, schemaArray);
                drainAll(raw, List.of(PG_STATS), schemaArray);
            }
            for (int i = 0; i < repetitions; i++) {
                long start;
                if (floors) {
                    start = System.nanoTime();
                    drainAll(raw, catalogQueries, schemaArray);
                    catalog[i] = millisSince(start);
                    start = System.nanoTime();
                    drainAll(raw, List.of(PG_STATS), schemaArray);
                    stats[i] = millisSince(start);
                }
                start = System.nanoTime();
                snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
                read[i] = millisSince(start);
                start = System.nanoTime();
                try (JdbcSource fresh = JdbcSource.open(settings)) {
                    fresh.readSchema(SchemaFilter.all(), ProgressListener.NONE);
                }
                openAndRead[i] = millisSince(start);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the raw catalog queries failed: " + e.getMessage(), e);
        }
        OptionalDouble catalogFloor = OptionalDouble.empty();
        OptionalDouble statsFloor = OptionalDouble.empty();
        if (floors) {
            catalogFloor = OptionalDouble.of(median(catalog));
            statsFloor = OptionalDouble.of(median(stats));
        }
        return new Result(database, repetitions, snapshot.tables().size(), snapshot.columnCount(), snapshot.declared().size(),
                catalogFloor, statsFloor, median(read), median(openAndRead));
    }

    /** Runs each query with every placeholder bound to the schema list and reads every value of every row. */
    private static void drainAll(Connection connection, List<String> queries, Array schemas) throws SQLException {
        for (String sql : queries) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int placeholders = statement.getParameterMetaData().getParameterCount();
                for (int p = 1; p <= placeholders; p++) {
                    statement.setArray(p, schemas);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    int width = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= width; c++) {
                            rows.getString(c);
                        }
                    }
                }
            }
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        return (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code SchemaReadBenchmark <jdbc-url> <user> <repetitions>}; a password, if needed, from TACIT_BENCH_PASSWORD. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: SchemaReadBenchmark <jdbc-url> <user> <repetitions>");
            System.exit(2);
        }
        Optional<Secret> password = Optional.ofNullable(System.getenv("TACIT_BENCH_PASSWORD"))
                .map(value -> Secret.of(value, "${env:TACIT_BENCH_PASSWORD}"));
        ConnectionSettings settings = ConnectionSettings.of(args[0], args[1], password.orElse(null));
        System.out.print(run(settings, Integer.parseInt(args[2])).format());
    }
}
