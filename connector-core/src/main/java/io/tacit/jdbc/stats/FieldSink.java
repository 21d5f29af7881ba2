package io.tacit.jdbc.stats;

import java.sql.SQLException;

/** Takes the fields of a {@link BulkScan}'s rows, in the order of the profiling query's columns. */
public interface FieldSink {
    /** How many fields each row has. */
    int fields();

    /** Field {@code field} (from 0) of the current row is NULL. */
    void acceptNull(int field);

    /** Field {@code field} (from 0) of the current row: its text as the database printed it, in UTF-8. */
    void acceptField(int field, byte[] text, int start, int end) throws SQLException;
}
