package io.tacit.model;

import static java.util.Objects.requireNonNull;

/**
 * A column's type: the source's own spelling ({@code int4}, {@code varchar(20)}), the {@link java.sql.Types}
 * code the driver reports and the family used to compare types across dialects.
 *
 * @param size declared length or precision, 0 when unknown or not applicable
 */
public record DataType(String nativeName, int jdbcType, TypeFamily family, int size) {
    public DataType {
        requireNonNull(nativeName, "nativeName is null");
        requireNonNull(family, "family is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    public static DataType of(String nativeName, int jdbcType, TypeFamily family) {
        return new DataType(nativeName, jdbcType, family, 0);
    }
}
