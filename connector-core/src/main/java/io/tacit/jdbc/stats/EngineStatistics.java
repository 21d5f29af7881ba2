package io.tacit.jdbc.stats;

import java.sql.SQLException;

/**
 * A dialect's reader of what its database already keeps (row estimates, distinct counts, frequent values,
 * histograms): a handful of catalog queries per schema, never per table or column. The generic reader calls it
 * once per schema, turns a failure into a warning for that schema, and fills in what the snapshot knows.
 */
@FunctionalInterface
public interface EngineStatistics {
    /** The snapshot's own estimates are all a database without such a reader offers. */
    EngineStatistics NONE = (schema, figures) -> {
    };

    /** Records the engine's figures of the tables of {@code schema} into {@code figures}. */
    void read(String schema, EngineFigures figures) throws SQLException;
}
