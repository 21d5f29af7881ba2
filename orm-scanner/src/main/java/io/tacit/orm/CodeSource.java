package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Model code as a source: the schema the models declare, read without any database. It holds no data, so it has
 * no statistics and no value probe; its relationships come from {@link OrmEvidence}.
 */
public final class CodeSource implements Source {
    private final CodeSchema schema;
    private final String description;
    private final String defaultSchema;

    /**
     * @param description where the code came from, for reports ({@code code:/src/shop})
     * @param defaultSchema the schema of tables whose code names none
     */
    public CodeSource(CodeSchema schema, String description, String defaultSchema) {
        this.schema = requireNonNull(schema, "schema is null");
        this.description = requireNonNull(description, "description is null");
        this.defaultSchema = requireNonNull(defaultSchema, "defaultSchema is null");
    }

    public CodeSchema schema() {
        return schema;
    }

    public String description() {
        return description;
    }

    @Override
    public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
        List<Table> tables = new ArrayList<>();
        for (ModelTable table : schema.tables()) {
            tables.add(table(table));
        }
        String product = String.join(", ", schema.frameworks().stream().map(Framework::title).toList()) + " models";
        return new SchemaSnapshot(description, product, Instant.now(), tables, List.of());
    }

    /** The name a code table has in the snapshot: its own schema, else the default one. */
    public TableName tableName(ModelTable table) {
        return new TableName(table.schema().orElse(defaultSchema), table.name());
    }

    private Table table(ModelTable table) {
        TableName name = tableName(table);
        List<Column> columns = new ArrayList<>();
        for (ModelColumn column : table.columns()) {
            columns.add(Column.of(column.name(), columns.size() + 1,
                    new DataType(column.type(), Types.OTHER, column.family(), 0), column.nullable()));
        }
        Optional<Key> primaryKey = Optional.empty();
        if (!table.primaryKey().isEmpty()) {
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, table.name() + "_pkey", table.primaryKey()));
        }
        List<Key> unique = new ArrayList<>();
        for (List<String> columnNames : table.uniqueKeys()) {
            unique.add(new Key(KeyKind.UNIQUE, table.name() + "_" + String.join("_", columnNames) + "_key",
                    columnNames));
        }
        return new Table(name, TableKind.TABLE, columns, primaryKey, unique, Optional.empty(), OptionalLong.empty(),
                Optional.empty());
    }

    @Override
    public StatisticsProvider statistics() {
        return StatisticsProvider.NONE;
    }

    @Override
    public ValueProbe valueProbe() {
        return ValueProbe.NONE;
    }

    @Override
    public void close() {
    }
}
