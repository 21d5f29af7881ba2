package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * A column of a loaded benchmark table as PostgreSQL describes it, with what is needed to declare it on
 * another engine.
 *
 * @param baseType the PostgreSQL type after resolving domains ({@code integer}, {@code character varying},
 *                 {@code USER-DEFINED} for enums, {@code ARRAY}, ...)
 * @param length character length, 0 when unbounded or not a character type
 * @param precision numeric precision, 0 when unspecified
 * @param scale numeric scale
 */
record LoadColumn(String name, String baseType, int length, int precision, int scale, boolean nullable) {
    LoadColumn {
        requireNonNull(name, "name is null");
        requireNonNull(baseType, "baseType is null");
    }
}
