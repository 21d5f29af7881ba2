package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a benchmark dataset into a fresh database that tacit creates itself (always named {@code tacit_eval_*},
 * never a user's database; one left from an earlier run is dropped first, saying so, and not while sessions use it
 * unless forced). PostgreSQL runs {@code schema.sql} statement by
 * statement and COPYs the CSVs; MariaDB and SQLite get tables re-declared from what PostgreSQL made of
 * {@code schema.sql} (see {@link DdlTranslator}) and the CSV rows in batched INSERTs. Any failure drops what
 * was created and names the file and line at fault.
 */
public final class DatasetLoader {
    private static final Pattern DATABASE_NAME = Pattern.compile("tacit_eval_[a-z0-9_]{1,50}");
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");
    private static final Pattern TIME_ZONE = Pattern.compile("([+-]\\d\\d(:\\d\\d)?)$");
    private static final int MAX_PARAMETERS = 30_000;
    private static final int MAX_BATCH_ROWS = 1_000;

    private final EvaluationServers servers;
    private final boolean keep;
    private final boolean forceDrop;
    private final ProgressListener progress;

    /** @param keep leave the loaded database in place when the {@link LoadedDatabase} is closed */
    public DatasetLoader(EvaluationServers servers, boolean keep) {
        this(servers, keep, false, ProgressListener.NONE);
    }

    /**
     * @param forceDrop drop a {@code tacit_eval_*} database even while sessions are connected to it, ending them;
     *                  without it such a database is left alone and the load fails
     * @param progress  told when an existing database is dropped
     */
    public DatasetLoader(EvaluationServers servers, boolean keep, boolean forceDrop, ProgressListener progress) {
        this.servers = requireNonNull(servers, "servers is null");
        this.keep = keep;
        this.forceDrop = forceDrop;
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The default database name for a dataset on a target: {@code tacit_eval_<dataset>}. */
    public static String defaultDatabaseName(BenchmarkDataset dataset) {
        return "tacit_eval_" + dataset.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    public LoadedDatabase load(BenchmarkDataset dataset, Target target, String database) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(target, "target is null");
        requireNonNull(database, "database is null");
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw TacitException.config("database name '" + database + "' is not one tacit may create",
                    "evaluation databases are named tacit_eval_ followed by lower-case letters, digits or _");
        }
        long started = System.nanoTime();
        return switch (target) {
            case POSTGRES -> loadPostgres(dataset, database, started);
            case MARIADB, SQLITE -> loadTranslated(dataset, target, database, started);
        };
    }

    // ---------------------------------------------------------------- PostgreSQL

    private LoadedDatabase loadPostgres(BenchmarkDataset dataset, String database, long started) {
        recreatePostgres(database);
        Runnable drop = () -> dropPostgres(database);
        try (Connection connection = connect(postgresSettings(database))) {
            runScript(connection, dataset.schema());
            List<LoadTable> tables = PostgresCatalog.read(connection);
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET datestyle = 'ISO, YMD'");
            }
            for (Path file : dataset.dataFiles()) {
                LoadTable table = tableFor(file, tables);
                List<String> header = validateCsv(file, table);
                copy(connection, file, table, header);
            }
            if (dataset.hasData()) {
                refreshMaterializedViews(connection);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            for (Path file : dataset.dataFiles()) {
                LoadTable table = tableFor(file, tables);
                rows.put(tableKey(file), count(connection, "SELECT count(*) FROM ONLY "
                        + quotePostgres(table.name().schema()) + "." + quotePostgres(table.name().table())));
            }
            return new LoadedDatabase(Target.POSTGRES, database, "public", postgresSettings(database), rows,
                    millisSince(started), keep ? () -> { } : drop);
        } catch (SQLException e) {
            drop.run();
            throw TacitException.source("loading " + dataset.name() + " into PostgreSQL database " + database
                    + " failed: " + firstLine(e.getMessage()), "check that PostgreSQL at " + servers.postgresUrl()
                    + " accepts user " + servers.postgresUser() + " as a superuser", e);
        } catch (RuntimeException e) {
            drop.run();
            throw e;
        }
    }

    private void runScript(Connection connection, Path script) throws SQLException {
        String text = readText(script);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET client_min_messages = warning");
            for (SqlScript.Statement sql : SqlScript.split(text)) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    connection.rollback();
                    throw TacitException.config(script + ":" + sql.line() + ": " + firstLine(e.getMessage()),
                            "schema.sql must load into PostgreSQL 15 as a superuser (musicbrainz needs the contrib"
                                    + " extensions cube, earthdistance, unaccent; adventureworks uuid-ossp, tablefunc)");
                }
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /**
     * pg_dump's schema declares materialized views WITH NO DATA and leaves the REFRESH to the data section;
     * refresh them once the rows are in, as the source database had them. A view over another view may need
     * a second pass; one that still fails stays unpopulated (the profiler notes and skips it).
     */
    private static void refreshMaterializedViews(Connection connection) throws SQLException {
        List<String> pending = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet views = statement.executeQuery(
                        "SELECT schemaname, matviewname FROM pg_matviews WHERE NOT ispopulated ORDER BY 1, 2")) {
            while (views.next()) {
                pending.add(quotePostgres(views.getString(1)) + "." + quotePostgres(views.getString(2)));
            }
        }
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            List<String> failed = new ArrayList<>();
            for (String view : pending) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("REFRESH MATERIALIZED VIEW " + view);
                } catch (SQLException e) {
                    failed.add(view);
                }
            }
            pending = failed;
        }
    }

    private static void copy(Connection connection, Path file, LoadTable table, List<String> header)
            throws SQLException {
        String sql = "COPY " + quotePostgres(table.name().schema()) + "." + quotePostgres(table.name().table())
                + " (" + String.join(", ", header.stream().map(DatasetLoader::quotePostgres).toList())
                + ") FROM STDIN (FORMAT csv, HEADER true)";
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            copyIn(connection, sql, reader);
        } catch (SQLException e) {
            Matcher line = COPY_LINE.matcher(String.valueOf(e.getMessage()));
            String where = line.find() ? file + ":" + line.group(1) : file.toString();
            throw TacitException.config(where + ": row does not fit table " + table.name() + ": "
                    + firstLine(e.getMessage()), "fix the row or the table definition in schema.sql");
        } catch (IOException e) {
            throw TacitException.config("cannot read " + file + ": " + e.getMessage(), "check the file");
        }
    }

    /**
     * PgJDBC's {@code CopyManager.copyIn(sql, reader)}, reached by reflection so that connector-core needs no
     * JDBC driver at compile time (the CLI ships the driver).
     */
    private static void copyIn(Connection connection, String sql, Reader reader) throws SQLException, IOException {
        try {
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true,
                    connection.getClass().getClassLoader());
            Object copyManager = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
            copyManager.getClass().getMethod("copyIn", String.class, Reader.class).invoke(copyManager, sql, reader);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IllegalStateException("COPY failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw TacitException.internal("the PostgreSQL driver offers no COPY API: " + e, e);
        }
    }

    private void recreatePostgres(String database) {
        try (Connection admin = connect(postgresAdmin()); Statement statement = admin.createStatement()) {
            if (count(admin, "SELECT count(*) FROM pg_database WHERE datname = ?", database) > 0) {
                dropExistingPostgres(admin, database);
            }
            statement.execute("CREATE DATABASE " + quotePostgres(database) + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw TacitException.source("cannot create PostgreSQL database " + database + ": "
                    + firstLine(e.getMessage()), "the user needs CREATEDB (a superuser for some datasets)", e);
        }
    }

    /**
     * A database of the same name is left from an earlier run, or is being looked at: it is dropped, said so,
     * and only with {@code forceDrop} while sessions are connected (FORCE ends them).
     */
    private void dropExistingPostgres(Connection admin, String database) throws SQLException {
        long sessions = count(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()",
                database);
        if (sessions > 0 && !forceDrop) {
            throw inUse(database, sessions);
        }
        String ended = sessions > 0 ? ", ending its " + sessions + " sessions" : "";
        progress.note("dropping the existing database " + database + ", left by an earlier run" + ended);
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + quotePostgres(database) + (forceDrop ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            if ("55006".equals(e.getSQLState())) {
                // a session connected between the count and the drop
                throw inUse(database, Math.max(1, count(admin,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()", database)));
            }
            throw e;
        }
    }

    private static TacitException inUse(String database, long sessions) {
        return new TacitException(ErrorKind.SOURCE, "database " + database + " is in use by " + sessions
                + " session" + (sessions == 1 ? "" : "s") + "; stop them or pass --force-drop",
                "tacit drops and re-creates its tacit_eval_* databases; --force-drop ends the sessions connected to one",
                false, null);
    }

    private void dropPostgres(String database) {
        try (Connection admin = connect(postgresAdmin()); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quotePostgres(database) + (forceDrop ? " WITH (FORCE)" : ""));
        } catch (SQLException | RuntimeException e) {
            // best effort: the next load of the same name drops it again
            progress.note("could not drop database " + database + " (" + firstLine(String.valueOf(e.getMessage()))
                    + "); drop it by hand or run again");
        }
    }

    private ConnectionSettings postgresAdmin() {
        return settings(servers.postgresUrl(), servers.postgresUser(), servers.postgresPassword());
    }

    private ConnectionSettings postgresSettings(String database) {
        return settings(EvaluationServers.withDatabase(servers.postgresUrl(), database), servers.postgresUser(),
                servers.postgresPassword());
    }

    // ---------------------------------------------------------------- MariaDB and SQLite

    private LoadedDatabase loadTranslated(BenchmarkDataset dataset, Target target, String database, long started) {
        List<LoadTable> tables = stageSchema(dataset, database + "_stage");
        Set<String> schemas = new TreeSet<>();
        tables.forEach(table -> schemas.add(table.name().schema()));
        if (schemas.size() > 1) {
            throw TacitException.config("dataset " + dataset.name() + " spans " + schemas.size() + " schemas "
                    + schemas + ", which " + target.label() + " cannot hold in one database",
                    "evaluate it with --target postgres");
        }
        ConnectionSettings settings;
        Runnable drop;
        String schema;
        if (target == Target.MARIADB) {
            recreateMariaDb(database);
            settings = settings(EvaluationServers.withDatabase(servers.mariaDbUrl(), database), servers.mariaDbUser(),
                    servers.mariaDbPassword());
            drop = () -> dropMariaDb(database);
            schema = database;
        } else {
            Path file = servers.sqliteDirectory().resolve(database + ".sqlite");
            deleteQuietly(file);
            settings = settings("jdbc:sqlite:" + file, null, Optional.empty());
            drop = () -> deleteQuietly(file);
            schema = "main";
        }
        try (Connection connection = connect(settings)) {
            DdlTranslator ddl = new DdlTranslator(target);
            try (Statement statement = connection.createStatement()) {
                for (LoadTable table : tables) {
                    for (String sql : ddl.createTable(table, table.name().table())) {
                        statement.execute(sql);
                    }
                }
            }
            connection.setAutoCommit(false);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Path file : dataset.dataFiles()) {
                LoadTable table = tableFor(file, tables);
                insertCsv(connection, target, ddl, file, table);
                connection.commit();
            }
            connection.setAutoCommit(true);
            analyze(connection, target, ddl, tables);
            for (Path file : dataset.dataFiles()) {
                LoadTable table = tableFor(file, tables);
                rows.put(tableKey(file), count(connection, "SELECT count(*) FROM " + ddl.quote(table.name().table())));
            }
            return new LoadedDatabase(target, database, schema, settings, rows, millisSince(started),
                    keep ? () -> { } : drop);
        } catch (SQLException e) {
            drop.run();
            throw TacitException.source("loading " + dataset.name() + " into " + target.label() + " database "
                    + database + " failed: " + firstLine(e.getMessage()), "check the server and the user's rights", e);
        } catch (RuntimeException e) {
            drop.run();
            throw e;
        }
    }

    /** Runs schema.sql on a scratch PostgreSQL database and reads back the tables, then drops it. */
    private List<LoadTable> stageSchema(BenchmarkDataset dataset, String stage) {
        recreatePostgres(stage);
        try (Connection connection = connect(postgresSettings(stage))) {
            runScript(connection, dataset.schema());
            return PostgresCatalog.read(connection);
        } catch (SQLException e) {
            throw TacitException.source("reading the schema of " + dataset.name() + " from PostgreSQL failed: "
                    + firstLine(e.getMessage()), "MariaDB and SQLite loading translates schema.sql through"
                    + " PostgreSQL at " + servers.postgresUrl(), e);
        } finally {
            dropPostgres(stage);
        }
    }

    private void insertCsv(Connection connection, Target target, DdlTranslator ddl, Path file, LoadTable table)
            throws SQLException {
        try (CsvReader reader = CsvReader.open(file)) {
            List<String> header = header(reader, table);
            List<LoadColumn> columns = header.stream().map(name -> table.column(name).orElseThrow()).toList();
            int batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, MAX_PARAMETERS / columns.size()));
            String insertPrefix = "INSERT INTO " + ddl.quote(table.name().table()) + " ("
                    + String.join(", ", header.stream().map(ddl::quote).toList()) + ") VALUES ";
            String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            List<CsvReader.Record> batch = new ArrayList<>(batchRows);
            try (PreparedStatement full = connection.prepareStatement(
                    insertPrefix + String.join(", ", java.util.Collections.nCopies(batchRows, tuple)))) {
                Optional<CsvReader.Record> next = reader.next();
                while (next.isPresent()) {
                    CsvReader.Record record = next.get();
                    checkWidth(file, record, header.size());
                    batch.add(record);
                    if (batch.size() == batchRows) {
                        flush(connection, full, batch, target, columns, file, insertPrefix, tuple);
                        batch.clear();
                    }
                    next = reader.next();
                }
            }
            if (!batch.isEmpty()) {
                try (PreparedStatement partial = connection.prepareStatement(
                        insertPrefix + String.join(", ", java.util.Collections.nCopies(batch.size(), tuple)))) {
                    flush(connection, partial, batch, target, columns, file, insertPrefix, tuple);
                }
            }
        }
    }

    private static void flush(Connection connection, PreparedStatement statement, List<CsvReader.Record> batch,
            Target target, List<LoadColumn> columns, Path file, String insertPrefix, String tuple) throws SQLException {
        int index = 1;
        for (CsvReader.Record record : batch) {
            index = bind(statement, index, record, target, columns, file);
        }
        try {
            statement.executeUpdate();
        } catch (SQLException batchFailure) {
            // find the row at fault so the error can name its line
            connection.rollback();
            try (PreparedStatement single = connection.prepareStatement(insertPrefix + tuple)) {
                for (CsvReader.Record record : batch) {
                    bind(single, 1, record, target, columns, file);
                    try {
                        single.executeUpdate();
                    } catch (SQLException rowFailure) {
                        throw TacitException.config(file + ":" + record.line() + ": row does not fit its table: "
                                + firstLine(rowFailure.getMessage()), "fix the row or the table definition in schema.sql");
                    }
                }
            }
            throw TacitException.config(file + ":" + batch.get(0).line() + ": rows from here on do not load: "
                    + firstLine(batchFailure.getMessage()), "fix the rows or the table definition in schema.sql");
        }
    }

    private static int bind(PreparedStatement statement, int start, CsvReader.Record record, Target target,
            List<LoadColumn> columns, Path file) throws SQLException {
        int index = start;
        for (int i = 0; i < columns.size(); i++) {
            String text = record.fields().get(i);
            LoadColumn column = columns.get(i);
            if (text == null) {
                statement.setNull(index++, Types.NULL);
                continue;
            }
            Object value;
            try {
                value = convert(target, column, text);
            } catch (IllegalArgumentException e) {
                throw TacitException.config(file + ":" + record.line() + ": value '" + abbreviate(text)
                        + "' does not fit column " + column.name() + " (" + column.baseType() + ")",
                        "fix the value or the column's type in schema.sql");
            }
            statement.setObject(index++, value);
        }
        return index;
    }

    /** The value to bind for one CSV field on MariaDB or SQLite, from PostgreSQL's text form. */
    static Object convert(Target target, LoadColumn column, String text) {
        String base = column.baseType().toLowerCase(Locale.ROOT);
        switch (base) {
            case "smallint", "integer", "bigint":
                return Long.parseLong(text.trim());
            case "numeric":
                if (target == Target.SQLITE) {
                    return new BigDecimal(text.trim()).toPlainString();
                }
                return new BigDecimal(text.trim());
            case "real", "double precision":
                return Double.parseDouble(text.trim());
            case "boolean":
                return switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "t", "true", "1", "yes", "y", "on" -> 1;
                    case "f", "false", "0", "no", "n", "off" -> 0;
                    default -> throw new IllegalArgumentException("not a boolean: " + text);
                };
            case "bytea":
                if (!text.startsWith("\\x")) {
                    throw new IllegalArgumentException("bytea is not in hex form: " + text);
                }
                return HexFormat.of().parseHex(text.substring(2));
            case "timestamp with time zone", "time with time zone":
                return TIME_ZONE.matcher(text).replaceFirst("");
            default:
                return text;
        }
    }

    private static void checkWidth(Path file, CsvReader.Record record, int width) {
        if (record.size() != width) {
            throw TacitException.config(file + ":" + record.line() + ": " + record.size()
                    + " fields where the header names " + width + " columns",
                    "every row needs one field per header column (quote fields holding commas)");
        }
    }

    private void analyze(Connection connection, Target target, DdlTranslator ddl, List<LoadTable> tables)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (target == Target.SQLITE) {
                statement.execute("ANALYZE");
                return;
            }
            for (LoadTable table : tables) {
                statement.execute("ANALYZE TABLE " + ddl.quote(table.name().table()));
            }
        }
    }

    private void recreateMariaDb(String database) {
        try (Connection admin = connect(mariaDbAdmin()); Statement statement = admin.createStatement()) {
            if (count(admin, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", database) > 0) {
                dropExistingMariaDb(admin, database);
            }
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw TacitException.source("cannot create MariaDB database " + database + ": "
                    + firstLine(e.getMessage()), "the user needs CREATE and DROP rights", e);
        }
    }

    /** As {@link #dropExistingPostgres}; MariaDB has no FORCE: {@code forceDrop} kills the sessions using it. */
    private void dropExistingMariaDb(Connection admin, String database) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID() ORDER BY id")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sessions.add(rows.getLong(1));
                }
            }
        }
        if (!sessions.isEmpty() && !forceDrop) {
            throw inUse(database, sessions.size());
        }
        String ended = sessions.isEmpty() ? "" : ", ending its " + sessions.size() + " sessions";
        progress.note("dropping the existing database " + database + ", left by an earlier run" + ended);
        try (Statement statement = admin.createStatement()) {
            for (long id : sessions) {
                try {
                    statement.execute("KILL CONNECTION " + id);
                } catch (SQLException alreadyGone) {
                    // ended on its own meanwhile
                }
            }
            statement.execute("DROP DATABASE `" + database + "`");
        }
    }

    private void dropMariaDb(String database) {
        try (Connection admin = connect(mariaDbAdmin()); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException | RuntimeException e) {
            // best effort: the next load of the same name drops it again
        }
    }

    private ConnectionSettings mariaDbAdmin() {
        return settings(servers.mariaDbUrl(), servers.mariaDbUser(), servers.mariaDbPassword());
    }

    // ---------------------------------------------------------------- shared

    /** Reads and checks a CSV's header and row widths without loading it; returns the header. */
    static List<String> validateCsv(Path file, LoadTable table) {
        try (CsvReader reader = CsvReader.open(file)) {
            List<String> header = header(reader, table);
            Optional<CsvReader.Record> next = reader.next();
            while (next.isPresent()) {
                checkWidth(file, next.get(), header.size());
                next = reader.next();
            }
            return header;
        }
    }

    private static List<String> header(CsvReader reader, LoadTable table) {
        Path file = reader.file();
        CsvReader.Record header = reader.next().orElseThrow(() -> TacitException.config(
                file + ":1: the file is empty", "the first line must name the columns"));
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header.fields()) {
            if (name == null || table.column(name).isEmpty()) {
                throw TacitException.config(file + ":1: '" + name + "' is not a column of table " + table.name(),
                        "the header names columns of " + table.name() + ": "
                                + String.join(", ", table.columns().stream().map(LoadColumn::name).toList()));
            }
            if (!seen.add(name)) {
                throw TacitException.config(file + ":1: column '" + name + "' appears twice in the header",
                        "name each column once");
            }
        }
        return List.copyOf(seen);
    }

    /** The table a data file loads into: {@code t.csv} is {@code public.t}, {@code s.t.csv} is {@code s.t}. */
    static LoadTable tableFor(Path file, List<LoadTable> tables) {
        String key = tableKey(file);
        int dot = key.indexOf('.');
        TableName wanted = dot < 0 ? TableName.of("public", key) : TableName.of(key.substring(0, dot), key.substring(dot + 1));
        for (LoadTable table : tables) {
            if (table.name().equals(wanted)) {
                return table;
            }
        }
        throw TacitException.config("data file " + file + " has no table " + wanted + " in schema.sql",
                "name data files <table>.csv (schema public) or <schema>.<table>.csv");
    }

    private static String tableKey(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".csv".length());
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static ConnectionSettings settings(String url, String user, Optional<Secret> password) {
        return ConnectionSettings.of(url, user, password.orElse(null));
    }

    static Connection connect(ConnectionSettings settings) {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        try {
            return DriverManager.getConnection(settings.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw TacitException.source("cannot connect to " + settings.jdbcUrl()
                    + settings.user().map(user -> " as " + user).orElse("") + ": " + firstLine(e.getMessage()),
                    "check that the server runs and accepts this user (see --help for the server options)", e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw TacitException.config("cannot read " + file + ": " + e.getMessage(), "check the dataset folder");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort
        }
    }

    static String quotePostgres(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
