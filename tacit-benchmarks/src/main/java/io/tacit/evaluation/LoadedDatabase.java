package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.ConnectionSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark dataset loaded into a fresh database that tacit created. Closing it drops that database (unless
 * the loader was told to keep it).
 *
 * @param database the database name (the file name for SQLite)
 * @param schema the schema the dataset's {@code public} tables live in on this engine
 * @param rows rows loaded per table, by the dataset's file name ({@code film}, {@code public.film})
 */
public record LoadedDatabase(
        Target target,
        String database,
        String schema,
        ConnectionSettings connection,
        Map<String, Long> rows,
        long loadMillis,
        Runnable dropper) implements AutoCloseable {
    public LoadedDatabase {
        requireNonNull(target, "target is null");
        requireNonNull(database, "database is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(connection, "connection is null");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rows, "rows is null")));
        requireNonNull(dropper, "dropper is null");
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        dropper.run();
    }
}
