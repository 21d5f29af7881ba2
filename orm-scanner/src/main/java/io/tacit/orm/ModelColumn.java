package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.TypeFamily;

/**
 * A column as model code declares it.
 *
 * @param type the framework's own spelling of the type ({@code CharField}, {@code t.string}, {@code Long})
 */
public record ModelColumn(String name, String type, TypeFamily family, boolean nullable) {
    public ModelColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(family, "family is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }
}
