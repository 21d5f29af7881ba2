package io.tacit.bench;

import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.error.TacitException;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Creates a large application-shaped schema in a PostgreSQL database for the schema-read benchmark: each
 * table has an {@code id} primary key, {@code <other>_id} columns pointing at earlier tables (without foreign
 * key constraints, as ORMs often leave them), names, codes, timestamps, amounts and flags. Deterministic: the
 * same arguments give the same schema. Writes, so it is never run against a source tacit reads in production.
 */
public final class ScaleSchemaGenerator {
    private static final String[] NOUNS = {
        "account", "address", "invoice", "payment", "customer", "product", "category", "order", "shipment",
        "supplier", "warehouse", "employee", "department", "project", "ticket", "comment", "review", "coupon",
        "campaign", "session", "device", "region", "store", "contract", "subscription", "plan", "refund", "tax",
    };

    private ScaleSchemaGenerator() {
    }

    /** What was created. */
    public record Generated(int tables, int columns, long rowsPerTable) {
        public String format() {
            return "created " + tables + " tables, " + columns + " columns, " + rowsPerTable + " rows per table";
        }
    }

    /**
     * Creates {@code tables} tables of {@code columnsPerTable} columns each in the connection's current
     * schema, which must hold no table yet, fills each with {@code rowsPerTable} rows (0 for none) and runs ANALYZE.
     */
    public static Generated generate(Connection connection, int tables, int columnsPerTable, long rowsPerTable)
            throws SQLException {
        return generate(connection, tables, columnsPerTable, rowsPerTable, false);
    }

    /**
     * As {@link #generate(Connection, int, int, long)}; with {@code intoNonEmpty} the schema may already hold
     * tables, as long as none has the name of one this creates. A failure drops every table this call created,
     * and only those: the tables commit 100 at a time, so a rollback alone would leave the earlier ones behind.
     */
    public static Generated generate(Connection connection, int tables, int columnsPerTable, long rowsPerTable,
            boolean intoNonEmpty) throws SQLException {
        if (tables < 1 || columnsPerTable < 2 || rowsPerTable < 0) {
            throw new IllegalArgumentException("need at least 1 table, 2 columns per table and 0 or more rows");
        }
        Dialect dialect = new PostgresDialect(ConnectionSettings.DEFAULT_STATEMENT_TIMEOUT);
        checkTarget(connection, tables, intoNonEmpty);
        Random random = new Random(20_000L + tables * 31L + columnsPerTable);
        List<String> names = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int t = 0; t < tables; t++) {
                String name = tableName(t);
                List<String[]> columns = columns(names, columnsPerTable, random);
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(dialect.quoteIdentifier(name)).append(" (");
                StringBuilder select = new StringBuilder("SELECT ");
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        ddl.append(", ");
                        select.append(", ");
                    }
                    ddl.append(dialect.quoteIdentifier(columns.get(c)[0])).append(' ').append(columns.get(c)[1]);
                    select.append(columns.get(c)[2]);
                }
                statement.execute(ddl.append(")").toString());
                names.add(name);
                if (rowsPerTable > 0) {
                    statement.execute("INSERT INTO " + dialect.quoteIdentifier(name) + " " + select
                            + " FROM generate_series(1, " + rowsPerTable + ") AS g");
                }
                if (t % 100 == 99) {
                    connection.commit();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            dropCreated(connection, dialect, names, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        return new Generated(tables, tables * columnsPerTable, rowsPerTable);
    }

    /** Refuses a schema that holds tables (unless told otherwise), and always one holding a name this would create. */
    private static void checkTarget(Connection connection, int tables, boolean intoNonEmpty) throws SQLException {
        String schema;
        List<String> existing = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database(), current_schema(), c.relname"
                        + " FROM (SELECT 1) AS one LEFT JOIN pg_class c ON c.relnamespace = current_schema()::regnamespace"
                        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname")) {
            rows.next();
            schema = "schema " + rows.getString(2) + " of database " + rows.getString(1);
            do {
                if (rows.getString(3) != null) {
                    existing.add(rows.getString(3));
                }
            } while (rows.next());
        }
        if (existing.isEmpty()) {
            return;
        }
        if (!intoNonEmpty) {
            throw TacitException.config(schema + " already holds " + existing.size() + " tables or views ("
                    + sample(existing) + "); bench scale writes only into an empty scratch database",
                    "create an empty database for it, or pass --force to add the tables anyway");
        }
        List<String> clashes = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            if (existing.contains(tableName(t))) {
                clashes.add(tableName(t));
            }
        }
        if (!clashes.isEmpty()) {
            throw TacitException.config(schema + " already holds " + clashes.size()
                    + " tables with names bench scale would create (" + sample(clashes) + ")",
                    "use an empty scratch database");
        }
    }

    private static String sample(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + ", ...";
    }

    /** After a failure: drops what this run created (committed or not), keeping the first failure as the one told. */
    private static void dropCreated(Connection connection, Dialect dialect, List<String> created, Exception failure) {
        try (Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("DROP TABLE IF EXISTS " + dialect.quoteIdentifier(name));
            }
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The name of the {@code t}-th table created (from 0). Its reference columns point only at tables created
     * before it, so the first {@code k} tables in this order form a schema whose references all resolve.
     */
    static String tableName(int t) {
        return NOUNS[t % NOUNS.length] + "_" + (t / NOUNS.length + 1);
    }

    /** {name, type, value expression over the row number g} for each column. */
    private static List<String[]> columns(List<String> earlier, int count, Random random) {
        List<String[]> columns = new ArrayList<>();
        columns.add(new String[] {"id", "bigint PRIMARY KEY", "g"});
        List<String> used = new ArrayList<>(List.of("id"));
        int i = 1;
        while (columns.size() < count) {
            int kind = random.nextInt(8);
            String[] column;
            if (kind < 3 && !earlier.isEmpty()) {
                String target = earlier.get(random.nextInt(earlier.size()));
                column = new String[] {target + "_id", "bigint", "1 + (g * 7) % 1000"};
            } else if (kind == 3) {
                column = new String[] {"name_" + i, "varchar(100)", "'name ' || g"};
            } else if (kind == 4) {
                column = new String[] {"created_at_" + i, "timestamp NOT NULL DEFAULT now()", "timestamp '2024-01-01' + g * interval '1 minute'"};
            } else if (kind == 5) {
                column = new String[] {"amount_" + i, "numeric(12,2)", "(g % 997) * 1.25"};
            } else if (kind == 6) {
                column = new String[] {"code_" + i, "char(8)", "lpad((g % 100000)::text, 8, '0')"};
            } else {
                column = new String[] {"active_" + i, "boolean NOT NULL DEFAULT true", "g % 3 = 0"};
            }
            i++;
            if (used.contains(column[0])) {
                continue;
            }
            used.add(column[0]);
            columns.add(column);
        }
        return columns;
    }

    /** {@code ScaleSchemaGenerator <jdbc-url> <user> <tables> <columns-per-table> [rows-per-table]}; password from TACIT_BENCH_PASSWORD. */
    public static void main(String[] args) throws SQLException {
        if (args.length < 4) {
            System.err.println("usage: ScaleSchemaGenerator <jdbc-url> <user> <tables> <columns-per-table> [rows-per-table]");
            System.exit(2);
        }
        long rows = 0;
        if (args.length > 4) {
            rows = Long.parseLong(args[4]);
        }
        String password = System.getenv().getOrDefault("TACIT_BENCH_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password)) {
            System.out.println(generate(connection, Integer.parseInt(args[2]), Integer.parseInt(args[3]), rows).format());
        }
    }
}
