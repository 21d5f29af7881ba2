package io.tacit.model;

import java.util.Locale;

/** How much a run may read to learn about the data. Each level includes what the levels before it read. */
public enum StatisticsLevel {
    /** names, types and keys only: reads no statistics and no data */
    METADATA,
    /** what the database already keeps (pg_stats, information_schema statistics, sqlite_stat1) */
    ENGINE,
    /** one bounded scan per table */
    SAMPLE,
    /** one full scan per table */
    FULL;

    public boolean readsData() {
        return this == SAMPLE || this == FULL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatisticsLevel parse(String text) {
        for (StatisticsLevel level : values()) {
            if (level.label().equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown statistics level '" + text + "'; use metadata, engine, sample or full");
    }
}
