package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.TestingSqlite;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqliteSchemaReadIT {
    private static final String HOSTILE = "a\"; drop table x; --";
    private static TestingSqlite sqlite;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void createSchema() {
        sqlite = new TestingSqlite();
        sqlite.execute(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, region CHAR(2),"
                        + " score DECIMAL(10,2) DEFAULT 0, created_at DATETIME DEFAULT CURRENT_TIMESTAMP, external_id TEXT,"
                        + " CONSTRAINT customers_email_key UNIQUE (email))",
                "CREATE UNIQUE INDEX customers_external_idx ON customers (external_id)",
                "CREATE UNIQUE INDEX customers_lower_idx ON customers (lower(email))",
                "CREATE UNIQUE INDEX customers_partial_idx ON customers (region) WHERE region IS NOT NULL",
                "CREATE TABLE warehouses (country CHAR(2), code INT, name TEXT, PRIMARY KEY (country, code))",
                "CREATE TABLE stock (id INTEGER PRIMARY KEY, wh_code INT NOT NULL, wh_country CHAR(2) NOT NULL,"
                        + " FOREIGN KEY (wh_country, wh_code) REFERENCES warehouses (country, code))",
                "CREATE TABLE shipments (id INTEGER PRIMARY KEY, country CHAR(2), code INT,"
                        + " FOREIGN KEY (country, code) REFERENCES warehouses)",
                "CREATE VIEW big_customers AS SELECT id, email FROM customers",
                "CREATE TABLE x (id INT)",
                "CREATE TABLE \"a\"\"; drop table x; --\" (id INTEGER PRIMARY KEY, \"we\"\"ird`col\" TEXT)",
                "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 300)"
                        + " INSERT INTO customers (email) SELECT 'c' || n || '@example.com' FROM g",
                "ANALYZE");
        try (JdbcSource source = JdbcSource.open(sqlite.settings())) {
            snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
        }
    }

    @AfterAll
    static void deleteFile() {
        if (sqlite != null) {
            sqlite.close();
        }
    }

    private static Table table(String name) {
        return snapshot.table(TableName.of("main", name)).orElseThrow(() -> new AssertionError("missing " + name));
    }

    @Test
    void readsColumnsWithTypesNullabilityAndDefaults() {
        Table customers = table("customers");
        assertThat(customers.columns()).extracting(Column::name)
                .containsExactly("id", "email", "region", "score", "created_at", "external_id");
        Column email = customers.column("email").orElseThrow();
        assertThat(email.type().nativeName()).isEqualTo("VARCHAR(200)");
        assertThat(email.type().family()).isEqualTo(TypeFamily.STRING);
        assertThat(email.type().size()).isEqualTo(200);
        assertThat(email.nullable()).isFalse();
        assertThat(customers.column("id").orElseThrow().nullable()).isFalse();
        assertThat(customers.column("id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
        assertThat(customers.column("score").orElseThrow().type().family()).isEqualTo(TypeFamily.DECIMAL);
        assertThat(customers.column("score").orElseThrow().defaultValue()).contains("0");
        assertThat(customers.column("created_at").orElseThrow().type().family()).isEqualTo(TypeFamily.TIMESTAMP);
        assertThat(customers.estimatedRows()).hasValue(300);
        assertThat(table("x").estimatedRows()).isEmpty();
        assertThat(snapshot.product()).startsWith("SQLite");
    }

    @Test
    void readsPrimaryKeysUniqueConstraintsAndPlainUniqueIndexes() {
        Table customers = table("customers");
        assertThat(customers.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(customers.uniqueKeys()).extracting(Key::kind, Key::columns).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KeyKind.UNIQUE_INDEX, List.of("external_id")),
                org.assertj.core.groups.Tuple.tuple(KeyKind.UNIQUE, List.of("email")));
        assertThat(table("warehouses").primaryKey().orElseThrow().columns()).containsExactly("country", "code");
    }

    @Test
    void readsCompositeForeignKeysIncludingImplicitPrimaryKeyReferences() {
        TableName warehouses = TableName.of("main", "warehouses");
        assertThat(snapshot.declared()).extracting(ForeignKey::from, ForeignKey::to).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ColumnSet.of(TableName.of("main", "stock"), "wh_country", "wh_code"),
                        ColumnSet.of(warehouses, "country", "code")),
                org.assertj.core.groups.Tuple.tuple(ColumnSet.of(TableName.of("main", "shipments"), "country", "code"),
                        ColumnSet.of(warehouses, "country", "code")));
    }

    @Test
    void flagsViewsAndHidesSqliteOwnTables() {
        assertThat(table("big_customers").kind()).isEqualTo(TableKind.VIEW);
        assertThat(snapshot.tables()).extracting(t -> t.name().table()).noneMatch(name -> name.startsWith("sqlite_"));
    }

    @Test
    void appliesTableFiltersAndKnowsOnlyTheMainSchema() {
        try (JdbcSource source = JdbcSource.open(sqlite.settings())) {
            SchemaSnapshot filtered = source.readSchema(
                    new SchemaFilter(List.of("main"), List.of("main.s*", "customers"), List.of("shipments")), ProgressListener.NONE);
            assertThat(filtered.tables()).extracting(t -> t.name().table()).containsExactly("customers", "stock");
            assertThatThrownBy(() -> source.readSchema(SchemaFilter.schemas(List.of("public")), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, error -> {
                        assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(error.getMessage()).contains("'public'").contains("available: main");
                    });
        }
    }

    @Test
    void hostileNamesAreReadLiterallyAndQuotedSafely() throws SQLException {
        Table hostile = table(HOSTILE);
        assertThat(hostile.columns()).extracting(Column::name).containsExactly("id", "we\"ird`col");
        try (JdbcSource source = JdbcSource.open(sqlite.settings());
                Statement statement = source.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(" + source.dialect().quoteIdentifier("we\"ird`col")
                        + ") FROM " + source.dialect().quote(TableName.of("main", HOSTILE)))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
        try (Statement statement = sqlite.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM x")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void sessionIsReadOnly() throws SQLException {
        try (JdbcSource source = JdbcSource.open(sqlite.settings());
                Statement statement = source.connection().createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO x VALUES (1)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("CREATE TABLE y (id INT)")).isInstanceOf(SQLException.class);
        }
        try (Statement statement = sqlite.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'y'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void missingFileIsNamed() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:sqlite:/tmp/tacit_jdbc_no_such_file.db", null, null);
        assertThatThrownBy(() -> JdbcSource.open(settings))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(error.getMessage()).contains("/tmp/tacit_jdbc_no_such_file.db").contains("does not exist");
                });
    }
}
