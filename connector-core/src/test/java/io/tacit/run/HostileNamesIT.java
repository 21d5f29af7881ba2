package io.tacit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.ColumnName;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.report.JsonReport;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.TestingMariaDb;
import io.tacit.testing.TestingPostgres;
import io.tacit.testing.TestingSqlite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every statement tacit sends must read hostile names literally and change nothing. Tables and columns named
 * with quotes, placeholders, comment markers, semicolons, newlines, backslashes, control characters, the
 * longest names the engine takes and non-ASCII letters are discovered at every level through the pipeline on
 * each real engine: no failure, no warning, every table profiled with the right row count, the relationship
 * the data holds between a hostile parent and child found, and the catalog the same afterwards.
 *
 * <p>On PostgreSQL the schema and one table are the names of the security report: filled placeholder by
 * placeholder, the column {@code relname${table}} took in the quoted table name, the quoting flipped and the
 * profiling COPY became {@code ... TO STDOUT;COMMIT;BEGIN READ WRITE;/*...*&#47;CREATE TABLE pwned();COMMIT;--}.
 * The canary is that no table {@code pwned} appears.
 */
class HostileNamesIT {
    private static final String EXPLOIT_SCHEMA = "x FROM pg_class p) TO STDOUT;COMMIT;BEGIN READ WRITE;/*";
    private static final String EXPLOIT_TABLE = "*/CREATE TABLE pwned();COMMIT;--";
    private static final String PARENT = "Customers\"'";
    private static final String PARENT_KEY = "id\"";
    private static final String CHILD = "orders${table}*/";
    private static final String CHILD_REFERENCE = "customer_id\";--";
    private static final String ODD = "t${columns}\"'`;--";
    private static final String UNICODE = "łódź_表${limit}";
    private static final int PARENT_ROWS = 50;
    private static final int CHILD_ROWS = 200;
    private static final int ODD_ROWS = 30;

    /** Column names every engine takes, each with something a careless renderer or driver would act on. */
    private static List<String> oddColumns(int longest) {
        return List.of("a\"b", "a'b", "x*/y", "/*c", "x;DROP TABLE t;--", "new\nline", "back\\slash", "tab\tname",
                "ctl\u0001x", "${columns}", "${table}", "$1", "q?", "a`b", "łódź_表", "c".repeat(longest));
    }

    @Test
    void postgres() throws SQLException {
        try (TestingPostgres database = new TestingPostgres("tacit_hostile")) {
            Engine engine = new Engine("\"", 63, database.connection());
            engine.createTables(EXPLOIT_SCHEMA, true);
            database.execute("ANALYZE");
            List<String> before = catalog(database.connection(), POSTGRES_TABLES);

            check(database.settings(), engine, EXPLOIT_SCHEMA);

            assertThat(catalog(database.connection(), POSTGRES_TABLES)).isEqualTo(before);
            assertThat(catalog(database.connection(), "SELECT relname FROM pg_class WHERE relname = 'pwned'")).isEmpty();
        }
    }

    @Test
    void mariaDb() throws SQLException {
        try (TestingMariaDb database = new TestingMariaDb("tacit_hostile")) {
            Engine engine = new Engine("`", 64, database.connection());
            engine.createTables(database.database(), false);
            for (TableName table : engine.tables) {
                database.execute("ANALYZE TABLE " + engine.quote(table));
            }
            String tables = "SELECT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')";
            List<String> before = catalog(database.connection(), tables);

            check(database.settings(), engine, database.database());

            assertThat(catalog(database.connection(), tables)).isEqualTo(before);
        }
    }

    @Test
    void sqlite() throws SQLException {
        try (TestingSqlite database = new TestingSqlite()) {
            Engine engine = new Engine("\"", 63, database.connection());
            engine.createTables("main", false);
            database.execute("ANALYZE");
            String tables = "SELECT type || ':' || name FROM sqlite_master";
            List<String> before = catalog(database.connection(), tables);

            check(database.settings(), engine, "main");

            assertThat(catalog(database.connection(), tables)).isEqualTo(before);
        }
    }

    /**
     * PostgreSQL, with a migration holding ACCESS EXCLUSIVE on the parent: the parent is skipped after the
     * short lock timeout with a warning naming it, everything else is profiled, and the report says so.
     */
    @Test
    void aLockedTableIsSkippedWithAWarningNamingIt() throws SQLException {
        try (TestingPostgres database = new TestingPostgres("tacit_locked")) {
            Engine engine = new Engine("\"", 63, database.connection());
            engine.createTables("public", false);
            database.execute("ANALYZE");
            TableName parent = TableName.of("public", PARENT);
            try (Connection migration = DriverManager.getConnection(database.jdbcUrl(), TestingPostgres.USER, "");
                    Statement statement = migration.createStatement()) {
                migration.setAutoCommit(false);
                statement.execute("LOCK TABLE " + engine.quote(parent) + " IN ACCESS EXCLUSIVE MODE");
                checkLocked(database.jdbcUrl(), TestingPostgres.USER, engine, parent);
                migration.rollback();
            }
        }
    }

    /** MariaDB, with another session holding LOCK TABLES ... WRITE on the parent (a metadata lock wait). */
    @Test
    void aLockedMariaDbTableIsSkippedWithAWarningNamingIt() throws SQLException {
        try (TestingMariaDb database = new TestingMariaDb("tacit_locked")) {
            Engine engine = new Engine("`", 64, database.connection());
            engine.createTables(database.database(), false);
            TableName parent = TableName.of(database.database(), PARENT);
            try (Connection migration = DriverManager.getConnection(database.jdbcUrl(), TestingMariaDb.USER, "");
                    Statement statement = migration.createStatement()) {
                statement.execute("LOCK TABLES " + engine.quote(parent) + " WRITE");
                checkLocked(database.jdbcUrl(), TestingMariaDb.USER, engine, parent);
                statement.execute("UNLOCK TABLES");
            }
        }
    }

    private static void checkLocked(String jdbcUrl, String user, Engine engine, TableName locked) {
        ConnectionSettings settings = new ConnectionSettings(jdbcUrl, Optional.of(user), Optional.empty(),
                Duration.ofSeconds(8), ProfileSettings.DEFAULTS);
        long started = System.nanoTime();
        InferenceResult result = discover(settings, StatisticsLevel.SAMPLE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        RunWarning skipped = result.warnings().stream()
                .filter(warning -> warning.stage().equals(RunWarning.PROFILE))
                .findFirst().orElseThrow();
        assertThat(skipped.table()).contains(locked);
        assertThat(skipped.problem()).contains("lock on " + locked);
        assertThat(result.warnings()).allSatisfy(warning -> assertThat(warning.problem()).contains("lock"));
        for (TableName table : engine.tables) {
            if (!table.equals(locked)) {
                assertThat(result.tableStatistics().get(table)).as(table.toString()).isEqualTo(StatisticsOrigin.SAMPLE);
            }
        }
        assertThat(result.tableStatistics().get(locked)).isNotEqualTo(StatisticsOrigin.SAMPLE);
        // a 2 s lock timeout per statement, not the 8 s statement timeout
        assertThat(took).isLessThan(Duration.ofSeconds(8L * (1 + result.warnings().size())));
        String report = JsonReport.render(result);
        assertThat(report).contains("\"status\": \"skipped\"").contains("\"stage\": \"profile\"");
    }

    private static void check(ConnectionSettings settings, Engine engine, String schema) {
        for (StatisticsLevel level : StatisticsLevel.values()) {
            InferenceResult result = discover(settings, level);

            assertThat(result.warnings()).as("warnings at level " + level).isEmpty();
            assertThat(result.snapshot().tables()).hasSize(engine.tables.size());
            for (TableName table : engine.tables) {
                assertThat(result.snapshot().table(table)).as(table + " read at " + level).isPresent();
                if (level.readsData()) {
                    assertThat(result.tableStatistics().get(table)).as(table + " at " + level)
                            .isEqualTo(level == StatisticsLevel.FULL ? StatisticsOrigin.FULL : StatisticsOrigin.SAMPLE);
                }
            }
            if (level.readsData()) {
                String key = schema + "." + CHILD + "(" + CHILD_REFERENCE + ")->" + schema + "." + PARENT
                        + "(" + PARENT_KEY + ")";
                assertThat(result.relationships()).as("relationships at " + level)
                        .anySatisfy(relationship -> assertThat(relationship.key()).isEqualTo(key));
            }
        }
        try (JdbcSource source = JdbcSource.open(settings)) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            Statistics statistics = source.statistics().collect(snapshot, StatisticsLevel.FULL, ProgressListener.NONE);
            assertThat(rows(statistics, TableName.of(schema, PARENT))).isEqualTo(PARENT_ROWS);
            assertThat(rows(statistics, TableName.of(schema, CHILD))).isEqualTo(CHILD_ROWS);
            assertThat(rows(statistics, TableName.of(schema, ODD))).isEqualTo(ODD_ROWS);
            for (String column : engine.oddColumns) {
                // each column holds its own position times the row number: ODD_ROWS distinct values, read exactly
                assertThat(statistics.column(new ColumnName(TableName.of(schema, ODD), column)).orElseThrow()
                        .distinct().orElseThrow().value()).as(column).isEqualTo(ODD_ROWS);
            }
        }
    }

    private static long rows(Statistics statistics, TableName table) {
        TableStatistics figures = statistics.table(table).orElseThrow();
        assertThat(figures.exactRows()).isTrue();
        return figures.rows();
    }

    private static InferenceResult discover(ConnectionSettings settings, StatisticsLevel level) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            return new DiscoveryPipeline(new RelationshipInference(InferenceSettings.DEFAULTS), ProgressListener.NONE)
                    .discover(RunContext.start(ToolVersion.current()), source,
                            new DiscoveryOptions(SchemaFilter.all(), level, true, InferenceSettings.DEFAULTS));
        }
    }

    private static final String POSTGRES_TABLES = "SELECT n.nspname || '.' || c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    private static List<String> catalog(Connection connection, String query) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return List.copyOf(names);
    }

    /** Creates the hostile tables with the engine's own quoting (written here, independently of tacit's). */
    private static final class Engine {
        private final String quote;
        private final int longest;
        private final Connection connection;
        private final List<TableName> tables = new ArrayList<>();
        private final List<String> oddColumns;

        private Engine(String quote, int longest, Connection connection) {
            this.quote = quote;
            this.longest = longest;
            this.connection = connection;
            this.oddColumns = oddColumns(longest);
        }

        String quote(String name) {
            return quote + name.replace(quote, quote + quote) + quote;
        }

        String quote(TableName table) {
            return quote(table.schema()) + "." + quote(table.table());
        }

        void createTables(String schema, boolean createSchema) throws SQLException {
            if (createSchema) {
                run("CREATE SCHEMA " + quote(schema));
            }
            String integer = "INTEGER";
            TableName parent = table(schema, PARENT);
            run("CREATE TABLE " + quote(parent) + " (" + quote(PARENT_KEY) + " " + integer + " PRIMARY KEY, "
                    + quote("name") + " VARCHAR(40))");
            insert(parent, PARENT_ROWS, i -> i + ", 'customer " + i + "'");
            TableName child = table(schema, CHILD);
            run("CREATE TABLE " + quote(child) + " (" + quote("id") + " " + integer + " PRIMARY KEY, "
                    + quote(CHILD_REFERENCE) + " " + integer + " NOT NULL)");
            insert(child, CHILD_ROWS, i -> i + ", " + (i % 40 + 1));
            TableName odd = table(schema, ODD);
            List<String> columns = new ArrayList<>();
            columns.add(quote("id") + " " + integer + " PRIMARY KEY");
            for (String column : oddColumns) {
                columns.add(quote(column) + " " + integer);
            }
            run("CREATE TABLE " + quote(odd) + " (" + String.join(", ", columns) + ")");
            insert(odd, ODD_ROWS, i -> {
                List<String> values = new ArrayList<>();
                values.add(String.valueOf(i));
                for (int c = 0; c < oddColumns.size(); c++) {
                    values.add(String.valueOf(i * (c + 2)));
                }
                return String.join(", ", values);
            });
            TableName exploit = table(schema, EXPLOIT_TABLE);
            run("CREATE TABLE " + quote(exploit) + " (" + quote("id") + " " + integer + " PRIMARY KEY, "
                    + quote("relname") + " " + integer + ", " + quote("relname${table}") + " " + integer + ")");
            insert(exploit, 10, i -> i + ", " + i + ", " + i);
            TableName unicode = table(schema, UNICODE);
            run("CREATE TABLE " + quote(unicode) + " (" + quote("id") + " " + integer + " PRIMARY KEY)");
            insert(unicode, 5, String::valueOf);
            TableName longName = table(schema, "L".repeat(longest));
            run("CREATE TABLE " + quote(longName) + " (" + quote("k".repeat(longest)) + " " + integer + ")");
            insert(longName, 7, String::valueOf);
        }

        private TableName table(String schema, String name) {
            TableName table = TableName.of(schema, name);
            tables.add(table);
            return table;
        }

        private void insert(TableName table, int rows, java.util.function.IntFunction<String> row) throws SQLException {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                values.add("(" + row.apply(i) + ")");
            }
            run("INSERT INTO " + quote(table) + " VALUES " + String.join(", ", values));
        }

        private void run(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
