package io.tacit.spi;

import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;

/** Collects statistics for the tables of a snapshot, reading no more than the level allows. */
public interface StatisticsProvider {
    StatisticsProvider NONE = (snapshot, level, progress) -> Statistics.none();

    Statistics collect(SchemaSnapshot snapshot, StatisticsLevel level, ProgressListener progress);
}
