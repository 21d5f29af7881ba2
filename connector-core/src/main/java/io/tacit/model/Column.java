package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column as the source declares it.
 *
 * @param position 1-based ordinal position in the table
 */
public record Column(
        String name,
        int position,
        DataType type,
        boolean nullable,
        Optional<String> defaultValue,
        Optional<String> comment) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(comment, "comment is null");
        if (position < 1) {
            throw new IllegalArgumentException("position must be 1 or more: " + position);
        }
    }

    public static Column of(String name, int position, DataType type, boolean nullable) {
        return new Column(name, position, type, nullable, Optional.empty(), Optional.empty());
    }
}
