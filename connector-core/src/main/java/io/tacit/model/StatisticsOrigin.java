package io.tacit.model;

/** Where a figure came from, so that consumers know how far to trust it. */
public enum StatisticsOrigin {
    /** the database engine's own statistics (estimates) */
    ENGINE,
    /** a bounded sample scanned by tacit */
    SAMPLE,
    /** a full scan by tacit */
    FULL,
    /** a data catalog's profiler (OpenMetadata, DataHub) */
    CATALOG
}
