package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a source said about its schema at one moment: tables in a deterministic order and the foreign
 * keys it declares. Immutable; a class rather than a
 * record only so that it can keep its lookup index.
 */
public final class SchemaSnapshot {
    private final String source;
    private final String product;
    private final Instant readAt;
    private final List<Table> tables;
    private final List<ForeignKey> declared;
    private final Map<TableName, Table> byName;

    /**
     * @param source a short, secret-free description of where this came from ({@code postgresql://host:5432/db})
     * @param product the database product and version, or the catalog's name and version
     */
    public SchemaSnapshot(String source, String product, Instant readAt, List<Table> tables, List<ForeignKey> declared) {
        this.source = requireNonNull(source, "source is null");
        this.product = requireNonNull(product, "product is null");
        this.readAt = requireNonNull(readAt, "readAt is null");
        this.tables = requireNonNull(tables, "tables is null").stream()
                .sorted(Comparator.comparing(Table::name))
                .toList();
        this.declared = requireNonNull(declared, "declared is null").stream().sorted().toList();
        Map<TableName, Table> index = new HashMap<>();
        for (Table table : this.tables) {
            if (index.put(table.name(), table) != null) {
                throw new IllegalArgumentException("table " + table.name() + " appears twice in the snapshot");
            }
        }
        this.byName = Map.copyOf(index);
    }

    public String source() {
        return source;
    }

    public String product() {
        return product;
    }

    public Instant readAt() {
        return readAt;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<ForeignKey> declared() {
        return declared;
    }

    public Optional<Table> table(TableName name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Column> column(ColumnName name) {
        return table(name.table()).flatMap(table -> table.column(name.column()));
    }

    public int columnCount() {
        return tables.stream().mapToInt(table -> table.columns().size()).sum();
    }

    /** The same snapshot without its declared foreign keys (how benchmarks and --ignore-declared run). */
    public SchemaSnapshot withoutDeclared() {
        return new SchemaSnapshot(source, product, readAt, tables, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaSnapshot that
                && source.equals(that.source)
                && product.equals(that.product)
                && readAt.equals(that.readAt)
                && tables.equals(that.tables)
                && declared.equals(that.declared);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, product, readAt, tables, declared);
    }

    @Override
    public String toString() {
        return "SchemaSnapshot[" + source + ", " + tables.size() + " tables, " + declared.size() + " declared]";
    }
}
