package io.tacit.inference;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DataType;
import io.tacit.model.DistinctCount;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/** Hand-built snapshots and statistics for inference tests. */
public final class TestSchemas {
    public static final RunContext RUN = new RunContext(new RunId("tacit-test-run"), "0.1.0-test",
            Instant.parse("2026-01-01T00:00:00Z"));
    public static final DataType INT = DataType.of("int4", Types.INTEGER, TypeFamily.INTEGER);
    public static final DataType BIGINT = DataType.of("int8", Types.BIGINT, TypeFamily.INTEGER);
    public static final DataType TEXT = DataType.of("varchar", Types.VARCHAR, TypeFamily.STRING);
    public static final DataType DATE = DataType.of("date", Types.DATE, TypeFamily.DATE);
    public static final DataType UUID = DataType.of("uuid", Types.OTHER, TypeFamily.UUID);

    private final Map<TableName, TableBuilder> tables = new LinkedHashMap<>();
    private final List<ForeignKey> declared = new ArrayList<>();
    private final Map<TableName, Map<String, List<String>>> data = new LinkedHashMap<>();

    public TableBuilder table(String name) {
        return table("public", name);
    }

    public TableBuilder table(String schema, String name) {
        TableBuilder builder = new TableBuilder(TableName.of(schema, name));
        tables.put(builder.name, builder);
        return builder;
    }

    public TestSchemas declare(String name, String fromTable, String fromColumn, String toTable, String toColumn) {
        declared.add(new ForeignKey(name, io.tacit.model.ColumnSet.of(TableName.of("public", fromTable), fromColumn),
                io.tacit.model.ColumnSet.of(TableName.of("public", toTable), toColumn)));
        return this;
    }

    /** Column values of a table, row by row (null for NULL); used to build FULL statistics. */
    public TestSchemas rows(String table, String columns, Object... values) {
        String[] names = columns.split(",");
        Map<String, List<String>> byColumn = data.computeIfAbsent(TableName.of("public", table), ignored -> new LinkedHashMap<>());
        for (String name : names) {
            byColumn.computeIfAbsent(name.strip(), ignored -> new ArrayList<>());
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            byColumn.get(names[i % names.length].strip()).add(value == null ? null : value.toString());
        }
        return this;
    }

    public SchemaSnapshot snapshot() {
        List<Table> built = new ArrayList<>();
        for (TableBuilder builder : tables.values()) {
            built.add(builder.build());
        }
        return new SchemaSnapshot("test://shop", "TestDB 1", Instant.parse("2026-01-01T00:00:00Z"), built, declared);
    }

    /** FULL statistics computed from {@link #rows}: exact counts and value lists. */
    public Statistics statistics() {
        Map<TableName, TableStatistics> result = new TreeMap<>();
        for (Map.Entry<TableName, Map<String, List<String>>> table : data.entrySet()) {
            Map<String, ColumnStatistics> columns = new TreeMap<>();
            long rows = table.getValue().values().stream().mapToLong(List::size).max().orElse(0);
            for (Map.Entry<String, List<String>> column : table.getValue().entrySet()) {
                columns.put(column.getKey(), columnStatistics(table.getKey().schema(), table.getKey().table(),
                        column.getKey(), column.getValue()));
            }
            result.put(table.getKey(), new TableStatistics(table.getKey(), StatisticsOrigin.FULL, rows, true, columns));
        }
        return new Statistics(StatisticsLevel.FULL, result);
    }

    public static ColumnStatistics columnStatistics(String schema, String table, String column, List<String> values) {
        TreeSet<String> distinct = new TreeSet<>(java.util.Comparator.comparing((String v) -> v.length()).thenComparing(v -> v));
        long nulls = 0;
        for (String value : values) {
            if (value == null) {
                nulls++;
            } else {
                distinct.add(value);
            }
        }
        ColumnStatistics.Builder builder = ColumnStatistics.builder(new ColumnName(TableName.of(schema, table), column),
                        StatisticsOrigin.FULL)
                .rows(values.size()).nulls(nulls).distinct(DistinctCount.exact(distinct.size()))
                .values(List.copyOf(new TreeSet<>(distinct)));
        if (!distinct.isEmpty()) {
            builder.min(distinct.first()).max(distinct.last());
        }
        return builder.build();
    }

    public static final class TableBuilder {
        private final TableName name;
        private final List<Column> columns = new ArrayList<>();
        private Optional<Key> primaryKey = Optional.empty();
        private final List<Key> unique = new ArrayList<>();
        private Optional<TableName> parent = Optional.empty();
        private OptionalLong rows = OptionalLong.empty();

        TableBuilder(TableName name) {
            this.name = name;
        }

        public TableBuilder column(String column, DataType type) {
            columns.add(Column.of(column, columns.size() + 1, type, true));
            return this;
        }

        public TableBuilder commented(String column, DataType type, String comment) {
            columns.add(new Column(column, columns.size() + 1, type, true, Optional.empty(), Optional.of(comment)));
            return this;
        }

        /** A NOT NULL column with a default expression ({@code DEFAULT 0}). */
        public TableBuilder defaulted(String column, DataType type, String defaultValue) {
            columns.add(new Column(column, columns.size() + 1, type, false, Optional.of(defaultValue), Optional.empty()));
            return this;
        }

        /** A primary key the database fills itself ({@code DEFAULT nextval(...)}, a SERIAL). */
        public TableBuilder serial(String column) {
            columns.add(new Column(column, columns.size() + 1, INT, false,
                    Optional.of("nextval('" + name.table() + "_" + column + "_seq'::regclass)"), Optional.empty()));
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey", List.of(column)));
            return this;
        }

        /** A column the database numbers itself ({@code DEFAULT nextval(...)}) that is not the primary key. */
        public TableBuilder generated(String column) {
            columns.add(new Column(column, columns.size() + 1, INT, false,
                    Optional.of("nextval('" + name.table() + "_" + column + "_seq'::regclass)"), Optional.empty()));
            return this;
        }

        public TableBuilder id(String column) {
            columns.add(Column.of(column, columns.size() + 1, INT, false));
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey", List.of(column)));
            return this;
        }

        public TableBuilder primaryKey(String... keyColumns) {
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey", List.of(keyColumns)));
            return this;
        }

        public TableBuilder unique(String... keyColumns) {
            unique.add(new Key(KeyKind.UNIQUE, name.table() + "_" + String.join("_", keyColumns) + "_key", List.of(keyColumns)));
            return this;
        }

        public TableBuilder childOf(String parentTable) {
            parent = Optional.of(TableName.of(name.schema(), parentTable));
            return this;
        }

        public TableBuilder estimatedRows(long value) {
            rows = OptionalLong.of(value);
            return this;
        }

        Table build() {
            return new Table(name, TableKind.TABLE, columns, primaryKey, unique, Optional.empty(), rows, parent);
        }
    }

    /** The demo-like shop: users, orders, order_items, products, categories, addresses, payments, reviews. */
    /** Twelve tables share the key {@code businessentityid} (AdventureWorks' supertype chain, grown). */
    public static TestSchemas sharedKey() {
        TestSchemas schema = new TestSchemas();
        schema.table("businessentity").id("businessentityid");
        for (String name : List.of("person", "employee", "vendor", "store", "salesperson", "password", "customerbase",
                "contact", "supplier", "partner", "member")) {
            schema.table(name).id("businessentityid").column("name", TEXT);
        }
        schema.table("employeepayhistory").id("payhistoryid").column("businessentityid", INT);
        return schema;
    }

    public static TestSchemas shop() {
        TestSchemas schema = new TestSchemas();
        schema.table("users").id("id").column("email", TEXT).column("created_at", DATE);
        schema.table("addresses").id("id").column("user_id", INT).column("street", TEXT);
        schema.table("categories").id("id").column("name", TEXT).column("parent_id", INT);
        schema.table("products").id("id").column("category_id", INT).column("name", TEXT).column("price_cents", INT);
        schema.table("orders").id("id").column("user_id", INT).column("billing_address_id", INT)
                .column("shipping_address_id", INT).column("quantity", INT).column("created_at", DATE);
        schema.table("order_items").id("id").column("order_id", INT).column("product_id", INT).column("quantity", INT);
        schema.table("payments").id("id").column("order_id", INT).column("amount_cents", INT);
        schema.table("reviews").id("id").column("user_id", INT).column("reviewable_type", TEXT)
                .column("reviewable_id", INT).column("stars", INT);
        return schema;
    }
}
