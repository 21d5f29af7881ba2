package io.tacit.model;

import static java.util.Objects.requireNonNull;

/** For a polymorphic edge: the column naming the target type and the value that selects this target. */
public record Discriminator(String column, String value) {
    public Discriminator {
        requireNonNull(column, "column is null");
        requireNonNull(value, "value is null");
    }

    /** The rows this discriminator selects, for people to read: {@code reviewable_type = 'Product'}. */
    public String condition() {
        return column + " = '" + value.replace("'", "''") + "'";
    }
}
