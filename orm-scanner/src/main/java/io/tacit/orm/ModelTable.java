package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A table as model code declares it.
 *
 * @param schema the schema the code names (SQLAlchemy's {@code schema=}, JPA's {@code @Table(schema)}); empty
 *     when the code leaves it to the connection, as it usually does
 * @param model the class (or schema.rb entry) that declares it
 */
public record ModelTable(
        Optional<String> schema,
        String name,
        String model,
        List<ModelColumn> columns,
        List<String> primaryKey,
        List<List<String>> uniqueKeys,
        SourceLocation location) {
    public ModelTable {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(model, "model is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        uniqueKeys = requireNonNull(uniqueKeys, "uniqueKeys is null").stream().map(List::copyOf).toList();
        requireNonNull(location, "location is null");
    }

    public Optional<ModelColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
