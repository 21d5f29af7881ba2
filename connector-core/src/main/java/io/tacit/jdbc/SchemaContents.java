package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ForeignKey;
import io.tacit.model.Table;
import java.util.List;

/** What a dialect read from the catalog: the selected tables and the foreign keys they declare. */
public record SchemaContents(List<Table> tables, List<ForeignKey> foreignKeys) {
    public SchemaContents {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
    }
}
