package io.tacit.jdbc.stats;

import java.sql.SQLException;

/** A dialect's faster way than a result set to read a profiling query (PostgreSQL: COPY ... TO STDOUT). */
@FunctionalInterface
public interface BulkScan {
    /**
     * Runs {@code select} under the session's statement timeout and hands every field of every row to the sink.
     *
     * @return the number of rows read
     * @throws IllegalArgumentException when the SQL text is refused before it is sent (the table is skipped)
     */
    long scan(String select, FieldSink sink) throws SQLException;
}
