package io.tacit.jdbc.stats;

import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built snapshots, so the statistics tests do not depend on the schema reader. */
final class Snapshots {
    private Snapshots() {
    }

    static SchemaSnapshot of(Table... tables) {
        return new SchemaSnapshot("test", "test", Instant.EPOCH, List.of(tables), List.of());
    }

    static TableBuilder table(String schema, String name) {
        return new TableBuilder(TableName.of(schema, name));
    }

    static final class TableBuilder {
        private final TableName name;
        private final List<Column> columns = new ArrayList<>();
        private Optional<Key> primaryKey = Optional.empty();

        private TableBuilder(TableName name) {
            this.name = name;
        }

        TableBuilder column(String column, String nativeType, TypeFamily family) {
            columns.add(Column.of(column, columns.size() + 1, DataType.of(nativeType, 0, family), true));
            return this;
        }

        TableBuilder primaryKey(String... keyColumns) {
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, "pk", List.of(keyColumns)));
            return this;
        }

        Table build() {
            return new Table(name, TableKind.TABLE, columns, primaryKey, List.of(), Optional.empty(),
                    OptionalLong.empty(), Optional.empty());
        }
    }
}
