package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.stats.EngineStatistics;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The schema reading every dialect must get right, run by one subclass per dialect against its real database.
 * The tables are created with the dialect's own identifier quoting; each subclass declares what its database
 * can do, and the capability cases check that the dialect says so too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDialectSchemaReadIT {
    static final String HOSTILE_TABLE = "a\"; drop table x; --";
    static final String HOSTILE_COLUMN = "we\"ird`col";

    /** A fresh database (or schema) of the dialect under test, removed on close. */
    interface TestingDatabase extends AutoCloseable {
        ConnectionSettings settings();

        void execute(String... statements);

        /** The schema the tables are created in, as the dialect names it. */
        String schema();

        @Override
        void close();
    }

    /** Capabilities a dialect declares; the suite checks the dialect agrees. */
    record Capabilities(boolean engineStatistics, boolean verifiedReadOnly) {
    }

    private TestingDatabase database;
    private TestingDatabase empty;
    private Dialect dialect;
    private SchemaSnapshot snapshot;

    /** A new, empty database of this dialect. */
    abstract TestingDatabase create();

    abstract Capabilities capabilities();

    @BeforeAll
    void createSchema() {
        database = create();
        empty = create();
        dialect = Dialects.forUrl(database.settings().jdbcUrl(), database.settings().statementTimeout());
        database.execute(
                "CREATE TABLE " + q("customers") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY, "
                        + q("email") + " VARCHAR(200) NOT NULL, " + q("region") + " CHAR(2), "
                        + "CONSTRAINT " + q("customers_email_key") + " UNIQUE (" + q("email") + "))",
                "CREATE TABLE " + q("warehouses") + " (" + q("country") + " CHAR(2) NOT NULL, "
                        + q("code") + " INTEGER NOT NULL, PRIMARY KEY (" + q("country") + ", " + q("code") + "))",
                "CREATE TABLE " + q("stock") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY, "
                        + q("wh_country") + " CHAR(2) NOT NULL, " + q("wh_code") + " INTEGER NOT NULL, "
                        + "CONSTRAINT " + q("stock_warehouse_fk") + " FOREIGN KEY (" + q("wh_country") + ", "
                        + q("wh_code") + ") REFERENCES " + q("warehouses") + " (" + q("country") + ", " + q("code") + "))",
                "CREATE TABLE " + q(HOSTILE_TABLE) + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY, "
                        + q(HOSTILE_COLUMN) + " VARCHAR(10))");
        try (JdbcSource source = JdbcSource.open(database.settings())) {
            snapshot = source.readSchema(SchemaFilter.schemas(List.of(database.schema())), ProgressListener.NONE);
        }
    }

    @AfterAll
    void dropSchema() {
        if (database != null) {
            database.close();
        }
        if (empty != null) {
            empty.close();
        }
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    private TableName name(String table) {
        return TableName.of(database.schema(), table);
    }

    private Table table(String table) {
        return snapshot.table(name(table)).orElseThrow(() -> new AssertionError("missing " + table));
    }

    @Test
    void readsEveryTableInOrder() {
        assertThat(snapshot.tables()).extracting(table -> table.name().table())
                .containsExactlyInAnyOrder("customers", "warehouses", "stock", HOSTILE_TABLE);
        assertThat(snapshot.tables()).extracting(Table::name).isSorted();
    }

    @Test
    void readsColumnsInOrderWithTypeFamiliesAndNullability() {
        Table customers = table("customers");
        assertThat(customers.columns()).extracting(Column::name).containsExactly("id", "email", "region");
        assertThat(customers.column("id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
        assertThat(customers.column("email").orElseThrow().type().family()).isEqualTo(TypeFamily.STRING);
        assertThat(customers.column("email").orElseThrow().nullable()).isFalse();
        assertThat(customers.column("region").orElseThrow().nullable()).isTrue();
        assertThat(table("warehouses").column("code").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
    }

    @Test
    void readsSingleAndCompositePrimaryKeys() {
        assertThat(table("customers").primaryKey()).map(Key::columns).contains(List.of("id"));
        assertThat(table("warehouses").primaryKey()).map(Key::columns).contains(List.of("country", "code"));
    }

    @Test
    void readsUniqueKeys() {
        assertThat(table("customers").allKeys())
                .filteredOn(key -> key.kind() != KeyKind.PRIMARY)
                .extracting(Key::columns)
                .containsExactly(List.of("email"));
    }

    @Test
    void readsDeclaredCompositeForeignKeysInConstraintColumnOrder() {
        assertThat(snapshot.declared()).extracting(ForeignKey::from, ForeignKey::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ColumnSet.of(name("stock"), "wh_country", "wh_code"),
                        ColumnSet.of(name("warehouses"), "country", "code")));
    }

    @Test
    void hostileNamesAreReadLiterally() {
        Table hostile = table(HOSTILE_TABLE);
        assertThat(hostile.columns()).extracting(Column::name).containsExactly("id", HOSTILE_COLUMN);
        assertThat(hostile.primaryKey()).map(Key::columns).contains(List.of("id"));
    }

    @Test
    void anEmptySchemaHasNoTables() {
        try (JdbcSource source = JdbcSource.open(empty.settings())) {
            SchemaSnapshot nothing = source.readSchema(SchemaFilter.schemas(List.of(empty.schema())),
                    ProgressListener.NONE);
            assertThat(nothing.tables()).isEmpty();
            assertThat(nothing.declared()).isEmpty();
        }
    }

    @Test
    void theDialectDeclaresWhatItsDatabaseCanDo() {
        assertThat(dialect.engineStatistics() != EngineStatistics.NONE)
                .as("engine statistics").isEqualTo(capabilities().engineStatistics());
        assertThat(!dialect.isGeneric()).as("verified read-only").isEqualTo(capabilities().verifiedReadOnly());
    }
}
