package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.config.Secret;
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
import io.tacit.testing.TestingMariaDb;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MariaDbSchemaReadIT {
    private static final String HOSTILE = "a\"; drop table x; --";
    private static TestingMariaDb mariadb;
    private static TestingMariaDb other;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void createSchema() {
        mariadb = new TestingMariaDb("tacit_jdbc");
        other = new TestingMariaDb("tacit_jdbc");
        mariadb.execute(
                "CREATE TABLE customers (id bigint AUTO_INCREMENT PRIMARY KEY,"
                        + " email varchar(200) NOT NULL COMMENT 'login name', region char(2),"
                        + " score decimal(10,2) DEFAULT 0, active tinyint(1) NOT NULL DEFAULT 1, external_id varchar(36),"
                        + " note varchar(20), status varchar(10) DEFAULT 'new',"
                        + " UNIQUE KEY customers_email_key (email)) COMMENT 'people who buy'",
                "CREATE UNIQUE INDEX customers_external_idx ON customers (external_id)",
                "CREATE UNIQUE INDEX customers_prefix_idx ON customers (note(3))",
                "CREATE TABLE warehouses (country char(2), code int, name text, PRIMARY KEY (country, code))",
                "CREATE TABLE stock (id int AUTO_INCREMENT PRIMARY KEY, wh_code int NOT NULL, wh_country char(2) NOT NULL,"
                        + " CONSTRAINT stock_warehouse_fk FOREIGN KEY (wh_country, wh_code) REFERENCES warehouses (country, code))",
                "CREATE VIEW big_customers AS SELECT id, email FROM customers",
                "CREATE TABLE x (id int)",
                "CREATE TABLE `a\"; drop table x; --` (id int PRIMARY KEY, `we\"ird``col` text)",
                "INSERT INTO customers (email) SELECT concat('c', seq, '@example.com') FROM seq_1_to_200",
                "ANALYZE TABLE customers");
        other.execute("CREATE TABLE orders (id int PRIMARY KEY, customer_id bigint,"
                + " CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES " + mariadb.database() + ".customers (id))");
        try (JdbcSource source = JdbcSource.open(mariadb.settings())) {
            snapshot = source.readSchema(SchemaFilter.schemas(List.of(mariadb.database(), other.database())), ProgressListener.NONE);
        }
    }

    @AfterAll
    static void dropDatabases() {
        if (other != null) {
            other.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    private static Table table(String name) {
        return snapshot.table(TableName.of(mariadb.database(), name)).orElseThrow(() -> new AssertionError("missing " + name));
    }

    @Test
    void readsColumnsWithTypesNullabilityDefaultsAndComments() {
        Table customers = table("customers");
        assertThat(customers.columns()).extracting(Column::name)
                .containsExactly("id", "email", "region", "score", "active", "external_id", "note", "status");
        Column email = customers.column("email").orElseThrow();
        assertThat(email.type().nativeName()).isEqualTo("varchar(200)");
        assertThat(email.type().family()).isEqualTo(TypeFamily.STRING);
        assertThat(email.type().size()).isEqualTo(200);
        assertThat(email.nullable()).isFalse();
        assertThat(email.comment()).contains("login name");
        assertThat(email.defaultValue()).isEmpty();
        assertThat(customers.column("id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
        assertThat(customers.column("id").orElseThrow().defaultValue()).contains("auto_increment");
        assertThat(customers.column("score").orElseThrow().type().family()).isEqualTo(TypeFamily.DECIMAL);
        assertThat(customers.column("score").orElseThrow().nullable()).isTrue();
        assertThat(customers.column("active").orElseThrow().type().family()).isEqualTo(TypeFamily.BOOLEAN);
        assertThat(customers.column("status").orElseThrow().defaultValue()).contains("'new'");
        assertThat(customers.comment()).contains("people who buy");
        assertThat(customers.estimatedRows()).isPresent();
        assertThat(customers.estimatedRows().getAsLong()).isPositive();
        assertThat(snapshot.source()).isEqualTo("mariadb://127.0.0.1:3306/" + mariadb.database());
    }

    @Test
    void readsPrimaryAndUniqueKeysButNotPrefixIndexes() {
        Table customers = table("customers");
        assertThat(customers.primaryKey()).contains(new Key(KeyKind.PRIMARY, "PRIMARY", List.of("id")));
        // MariaDB reports every unique index as a UNIQUE constraint
        assertThat(customers.uniqueKeys()).containsExactly(
                new Key(KeyKind.UNIQUE, "customers_email_key", List.of("email")),
                new Key(KeyKind.UNIQUE, "customers_external_idx", List.of("external_id")));
        assertThat(table("warehouses").primaryKey().orElseThrow().columns()).containsExactly("country", "code");
    }

    @Test
    void readsCompositeAndCrossDatabaseForeignKeys() {
        assertThat(snapshot.declared()).contains(new ForeignKey("stock_warehouse_fk",
                ColumnSet.of(TableName.of(mariadb.database(), "stock"), "wh_country", "wh_code"),
                ColumnSet.of(TableName.of(mariadb.database(), "warehouses"), "country", "code")));
        assertThat(snapshot.declared()).contains(new ForeignKey("orders_customer_fk",
                ColumnSet.of(TableName.of(other.database(), "orders"), "customer_id"),
                ColumnSet.of(TableName.of(mariadb.database(), "customers"), "id")));
    }

    @Test
    void flagsViews() {
        assertThat(table("big_customers").kind()).isEqualTo(TableKind.VIEW);
        assertThat(table("big_customers").comment()).isEmpty();
        assertThat(table("big_customers").estimatedRows()).isEmpty();
    }

    @Test
    void appliesSchemaAndTableFilters() {
        try (JdbcSource source = JdbcSource.open(mariadb.settings())) {
            SchemaSnapshot filtered = source.readSchema(new SchemaFilter(List.of(mariadb.database()),
                    List.of("cust*", "stock", "warehouses"), List.of("ware*")), ProgressListener.NONE);
            assertThat(filtered.tables()).extracting(t -> t.name().table()).containsExactly("customers", "stock");
            // the key from stock to the excluded warehouses is still stock's declaration
            assertThat(filtered.declared()).extracting(ForeignKey::name).containsExactly("stock_warehouse_fk");
        }
    }

    @Test
    void unknownSchemaIsNamedWithTheAvailableOnes() {
        try (JdbcSource source = JdbcSource.open(mariadb.settings())) {
            assertThatThrownBy(() -> source.readSchema(SchemaFilter.schemas(List.of("tacit_jdbc_missing")), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, error -> {
                        assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(error.getMessage()).contains("'tacit_jdbc_missing'").contains(mariadb.database());
                    });
        }
    }

    @Test
    void hostileNamesAreReadLiterallyAndQuotedSafely() throws SQLException {
        Table hostile = table(HOSTILE);
        assertThat(hostile.columns()).extracting(Column::name).containsExactly("id", "we\"ird`col");
        try (JdbcSource source = JdbcSource.open(mariadb.settings());
                Statement statement = source.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(" + source.dialect().quoteIdentifier("we\"ird`col")
                        + ") FROM " + source.dialect().quote(TableName.of(mariadb.database(), HOSTILE)))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
        try (Statement statement = mariadb.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM x")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void sessionIsReadOnlyWithTheStatementTimeout() throws SQLException {
        ConnectionSettings settings = new ConnectionSettings(mariadb.jdbcUrl(), Optional.of(TestingMariaDb.USER),
                Optional.empty(), Duration.ofSeconds(7), ProfileSettings.DEFAULTS);
        try (JdbcSource source = JdbcSource.open(settings);
                Statement statement = source.connection().createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO x VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class, error -> assertThat(error.getErrorCode()).isEqualTo(1792));
            try (ResultSet rows = statement.executeQuery("SELECT @@SESSION.max_statement_time")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getDouble(1)).isEqualTo(7.0);
            }
        }
        try (Statement statement = mariadb.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM x")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void mysqlUrlsAreServedByTheMariaDbDriver() {
        ConnectionSettings settings = ConnectionSettings.of(mariadb.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:"),
                TestingMariaDb.USER, null);
        try (JdbcSource source = JdbcSource.open(settings)) {
            assertThat(source.dialect().name()).isEqualTo("mariadb");
            assertThat(source.readSchema(SchemaFilter.schemas(List.of(mariadb.database())), ProgressListener.NONE).tables())
                    .isNotEmpty();
        }
    }

    @Test
    void wrongPasswordNamesTheUserButNeverThePassword() {
        String user = "tacit_jdbc_" + UUID.randomUUID().toString().substring(0, 8);
        String rightPassword = "Right-" + UUID.randomUUID();
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        mariadb.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + rightPassword + "'");
        try {
            ConnectionSettings settings = ConnectionSettings.of(mariadb.jdbcUrl(), user, Secret.of(wrongPassword, "${env:DB_PASSWORD}"));
            assertThatThrownBy(() -> JdbcSource.open(settings))
                    .isInstanceOfSatisfying(TacitException.class, error -> {
                        assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
                        assertThat(error.getMessage()).contains("authentication failed").contains(user).contains("127.0.0.1:3306");
                        assertThat(error.oneLine()).contains("${env:DB_PASSWORD}").doesNotContain(wrongPassword)
                                .doesNotContain(rightPassword);
                        assertThat(PostgresSchemaReadIT.stackText(error)).doesNotContain(wrongPassword);
                    });
        } finally {
            mariadb.execute("DROP USER '" + user + "'@'%'");
        }
    }

    @Test
    void unreachablePortNamesHostPortAndCause() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:mariadb://127.0.0.1:1/nothing", "root", null);
        assertThatThrownBy(() -> JdbcSource.open(settings))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
                    assertThat(error.getMessage()).contains("cannot reach").contains("127.0.0.1:1").containsIgnoringCase("refused");
                });
    }

    @Test
    void unknownDatabaseIsNamed() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:mariadb://127.0.0.1:3306/tacit_jdbc_no_such_db", "root", null);
        assertThatThrownBy(() -> JdbcSource.open(settings))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
                    assertThat(error.getMessage()).contains("'tacit_jdbc_no_such_db'").contains("does not exist");
                });
    }
}
