package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A primary key, unique constraint or unique index: a column set whose values are unique. */
public record Key(KeyKind kind, String name, List<String> columns) {
    public Key {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("key " + name + " has no columns");
        }
    }

    public boolean isSingleColumn() {
        return columns.size() == 1;
    }
}
