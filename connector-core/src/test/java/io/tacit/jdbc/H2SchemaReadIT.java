package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.ForeignKey;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic DatabaseMetaData path, against H2. */
class H2SchemaReadIT {
    private static final String URL = "jdbc:h2:mem:tacit_jdbc_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    private static Connection setup;
    private static SchemaSnapshot snapshot;
    private static final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void createSchema() throws SQLException {
        setup = DriverManager.getConnection(URL, "sa", "");
        try (Statement statement = setup.createStatement()) {
            for (String sql : List.of(
                    "CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, region CHAR(2),"
                            + " score DECIMAL(10,2) DEFAULT 0, CONSTRAINT customers_email_key UNIQUE (email))",
                    "COMMENT ON TABLE customers IS 'people who buy'",
                    "COMMENT ON COLUMN customers.email IS 'login name'",
                    "CREATE TABLE warehouses (country CHAR(2), code INT, PRIMARY KEY (country, code))",
                    "CREATE TABLE stock (id INT PRIMARY KEY, wh_code INT NOT NULL, wh_country CHAR(2) NOT NULL,"
                            + " CONSTRAINT stock_warehouse_fk FOREIGN KEY (wh_country, wh_code) REFERENCES warehouses (country, code))",
                    "CREATE VIEW big_customers AS SELECT id, email FROM customers",
                    "CREATE SCHEMA sales",
                    "CREATE TABLE sales.orders (id INT PRIMARY KEY)",
                    "CREATE TABLE x (id INT)",
                    "CREATE TABLE \"a\"\"; drop table x; --\" (id INT PRIMARY KEY, \"we\"\"ird`col\" VARCHAR(10))")) {
                statement.execute(sql);
            }
        }
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stageStarted(String stage, long totalUnits) {
            }

            @Override
            public void advanced(long units) {
            }

            @Override
            public void stageFinished(String stage) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        try (JdbcSource source = JdbcSource.open(ConnectionSettings.of(URL, "sa", null), listener)) {
            snapshot = source.readSchema(SchemaFilter.schemas(List.of("PUBLIC")), listener);
        }
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        if (setup != null) {
            setup.close();
        }
    }

    private static Table table(String name) {
        return snapshot.table(TableName.of("PUBLIC", name)).orElseThrow(() -> new AssertionError("missing " + name));
    }

    @Test
    void readsColumnsKeysAndComments() {
        Table customers = table("CUSTOMERS");
        assertThat(customers.columns()).extracting(Column::name).containsExactly("ID", "EMAIL", "REGION", "SCORE");
        Column email = customers.column("EMAIL").orElseThrow();
        assertThat(email.type().family()).isEqualTo(TypeFamily.STRING);
        assertThat(email.type().size()).isEqualTo(200);
        assertThat(email.nullable()).isFalse();
        assertThat(email.comment()).contains("login name");
        assertThat(customers.comment()).contains("people who buy");
        assertThat(customers.column("SCORE").orElseThrow().type().family()).isEqualTo(TypeFamily.DECIMAL);
        assertThat(customers.primaryKey().orElseThrow().columns()).containsExactly("ID");
        assertThat(customers.uniqueKeys()).singleElement().satisfies(key -> {
            assertThat(key.kind()).isEqualTo(KeyKind.UNIQUE_INDEX);
            assertThat(key.columns()).containsExactly("EMAIL");
        });
        assertThat(table("WAREHOUSES").primaryKey().orElseThrow().columns()).containsExactly("COUNTRY", "CODE");
    }

    @Test
    void readsCompositeForeignKeysAndViews() {
        assertThat(snapshot.declared()).containsExactly(new ForeignKey("STOCK_WAREHOUSE_FK",
                ColumnSet.of(TableName.of("PUBLIC", "STOCK"), "WH_COUNTRY", "WH_CODE"),
                ColumnSet.of(TableName.of("PUBLIC", "WAREHOUSES"), "COUNTRY", "CODE")));
        assertThat(table("BIG_CUSTOMERS").kind()).isEqualTo(TableKind.VIEW);
        assertThat(snapshot.tables()).extracting(t -> t.name().schema()).containsOnly("PUBLIC");
    }

    @Test
    void hostileNamesAreReadLiterally() {
        assertThat(table("a\"; drop table x; --").columns()).extracting(Column::name).containsExactly("ID", "we\"ird`col");
        assertThat(table("X").columns()).hasSize(1);
    }

    @Test
    void warnsThatReadOnlyCannotBeVerified() {
        assertThat(notes).anySatisfy(note -> assertThat(note).contains("read-only").contains("cannot be verified"));
    }

    @Test
    void unknownSchemaListsTheAvailableOnes() {
        try (JdbcSource source = JdbcSource.open(ConnectionSettings.of(URL, "sa", null))) {
            assertThat(source.dialect().isGeneric()).isTrue();
            assertThatThrownBy(() -> source.readSchema(SchemaFilter.schemas(List.of("nope")), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, error -> {
                        assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(error.getMessage()).contains("'nope'").contains("PUBLIC").contains("SALES");
                    });
        }
    }

    @Test
    void noDriverIsAConfigurationError() {
        assertThatThrownBy(() -> JdbcSource.open(ConnectionSettings.of("jdbc:nosuchdb://host/db;password=hunter22", "u", null)))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(error.oneLine()).contains("no JDBC driver").doesNotContain("hunter22");
                });
    }
}
