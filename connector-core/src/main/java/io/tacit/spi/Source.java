package io.tacit.spi;

import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;

/**
 * Where schemas come from: a database over JDBC, a data catalog's metadata, application model code. A source
 * only ever reads.
 */
public interface Source extends AutoCloseable {
    /** Reads every table the filter selects, with columns, keys and declared foreign keys. */
    SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress);

    /** Statistics this source can provide; {@link StatisticsProvider#NONE} when it has none. */
    StatisticsProvider statistics();

    /** Exact containment checks against the data; {@link ValueProbe#NONE} when the source holds no data. */
    ValueProbe valueProbe();

    @Override
    void close();
}
