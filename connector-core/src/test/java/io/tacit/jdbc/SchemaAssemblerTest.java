package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SchemaAssemblerTest {
    private static final DataType INT = DataType.of("int", Types.INTEGER, TypeFamily.INTEGER);
    private static final TableName ORDERS = TableName.of("s", "orders");
    private static final TableName LINES = TableName.of("s", "lines");

    private static SchemaAssembler shop(SchemaFilter filter) {
        SchemaAssembler assembler = new SchemaAssembler(filter);
        for (TableName table : List.of(ORDERS, LINES)) {
            assembler.table(table, TableKind.TABLE, Optional.empty(), OptionalLong.empty(), Optional.empty());
        }
        // rows arrive in any order: columns by position, key columns by ordinal
        assembler.column(ORDERS, Column.of("region", 2, INT, false));
        assembler.column(ORDERS, Column.of("id", 1, INT, false));
        assembler.keyColumn(ORDERS, KeyKind.PRIMARY, "orders_pk", 2, "id");
        assembler.keyColumn(ORDERS, KeyKind.PRIMARY, "orders_pk", 1, "region");
        assembler.keyColumn(ORDERS, KeyKind.UNIQUE_INDEX, "z_idx", 1, "id");
        assembler.keyColumn(ORDERS, KeyKind.UNIQUE, "a_key", 1, "region");
        assembler.column(LINES, Column.of("order_region", 1, INT, false));
        assembler.column(LINES, Column.of("order_id", 2, INT, false));
        assembler.foreignKeyColumn(LINES, "lines_fk", 2, "order_id", ORDERS, "id");
        assembler.foreignKeyColumn(LINES, "lines_fk", 1, "order_region", ORDERS, "region");
        // SQLite: no referenced columns means the referenced primary key
        assembler.foreignKeyColumn(LINES, "fk_lines_1", 1, "order_region", ORDERS, null);
        assembler.foreignKeyColumn(LINES, "fk_lines_1", 2, "order_id", ORDERS, null);
        // a column of an unannounced table is ignored
        assembler.column(TableName.of("s", "ghost"), Column.of("id", 1, INT, false));
        return assembler;
    }

    @Test
    void assemblesTablesKeysAndForeignKeysInOrder() {
        SchemaContents contents = shop(SchemaFilter.all()).build();
        assertThat(contents.tables()).extracting(Table::name).containsExactly(LINES, ORDERS);
        Table orders = contents.tables().get(1);
        assertThat(orders.columns()).extracting(Column::name).containsExactly("id", "region");
        assertThat(orders.primaryKey()).contains(new Key(KeyKind.PRIMARY, "orders_pk", List.of("region", "id")));
        assertThat(orders.uniqueKeys()).extracting(Key::name).containsExactly("a_key", "z_idx");
        assertThat(contents.foreignKeys()).extracting(ForeignKey::name).containsExactly("fk_lines_1", "lines_fk");
        for (ForeignKey key : contents.foreignKeys()) {
            assertThat(key.from().columns()).containsExactly("order_region", "order_id");
            assertThat(key.to().columns()).containsExactly("region", "id");
        }
    }

    @Test
    void keepsForeignKeysOfSelectedTablesOnly() {
        SchemaContents onlyOrders = shop(new SchemaFilter(List.of(), List.of(), List.of("lines"))).build();
        assertThat(onlyOrders.tables()).extracting(Table::name).containsExactly(ORDERS);
        assertThat(onlyOrders.foreignKeys()).isEmpty();

        SchemaContents onlyLines = shop(new SchemaFilter(List.of(), List.of("lines"), List.of())).build();
        assertThat(onlyLines.tables()).extracting(Table::name).containsExactly(LINES);
        // the referenced table's primary key still resolves the SQLite-style key
        assertThat(onlyLines.foreignKeys()).hasSize(2);
    }

    @Test
    void dropsKeysWithAColumnThatIsNotPlain() {
        SchemaAssembler assembler = shop(SchemaFilter.all());
        assembler.keyColumn(ORDERS, KeyKind.UNIQUE, "prefix_idx", 1, null);
        assertThat(assembler.build().tables().get(1).uniqueKeys()).extracting(Key::name).doesNotContain("prefix_idx");
    }

    @Test
    void columnsKeysAndForeignKeysOfOneNameShareOneNameInstance() {
        SchemaAssembler assembler = new SchemaAssembler(SchemaFilter.all());
        for (TableName table : List.of(ORDERS, LINES)) {
            assembler.table(table, TableKind.TABLE, Optional.empty(), OptionalLong.empty(), Optional.empty());
        }
        // every row of a catalog query brings its own string
        assembler.column(ORDERS, Column.of(new String("id"), 1, INT, false));
        assembler.column(LINES, Column.of(new String("id"), 1, INT, false));
        assembler.column(LINES, Column.of(new String("order_id"), 2, INT, true));
        assembler.keyColumn(ORDERS, KeyKind.PRIMARY, "orders_pk", 1, new String("id"));
        assembler.foreignKeyColumn(LINES, "lines_fk", 1, new String("order_id"), ORDERS, new String("id"));
        SchemaContents contents = assembler.build();
        Table lines = contents.tables().get(0);
        Table orders = contents.tables().get(1);
        String id = orders.columns().get(0).name();
        assertThat(lines.columns().get(0).name()).isEqualTo("id").isSameAs(id);
        assertThat(orders.primaryKey().orElseThrow().columns().get(0)).isSameAs(id);
        ForeignKey key = contents.foreignKeys().get(0);
        assertThat(key.to().columns().get(0)).isSameAs(id);
        assertThat(key.from().columns().get(0)).isEqualTo("order_id").isSameAs(lines.columns().get(1).name());
        // the rest of the column is kept as it came
        assertThat(lines.columns().get(1).nullable()).isTrue();
        assertThat(lines.columns().get(1).position()).isEqualTo(2);
    }

    @Test
    void columnsOfOneTypeShareOneTypeInstanceAndKeepTheRest() {
        SchemaAssembler assembler = new SchemaAssembler(SchemaFilter.all());
        assembler.table(ORDERS, TableKind.TABLE, Optional.empty(), OptionalLong.empty(), Optional.empty());
        DataType text = DataType.of("varchar(20)", Types.VARCHAR, TypeFamily.STRING);
        assembler.column(ORDERS, Column.of("id", 1, DataType.of("int", Types.INTEGER, TypeFamily.INTEGER), false));
        assembler.column(ORDERS, new Column("region", 2, DataType.of("int", Types.INTEGER, TypeFamily.INTEGER), true,
                Optional.of("0"), Optional.of("sales region")));
        assembler.column(ORDERS, Column.of("note", 3, text, true));

        List<Column> columns = assembler.build().tables().get(0).columns();
        assertThat(columns.get(0).type()).isSameAs(columns.get(1).type());
        assertThat(columns.get(2).type()).isSameAs(text);
        assertThat(columns.get(1)).isEqualTo(new Column("region", 2, INT, true, Optional.of("0"), Optional.of("sales region")));
    }
}
