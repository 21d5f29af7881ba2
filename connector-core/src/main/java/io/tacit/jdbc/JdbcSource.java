package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.jdbc.stats.JdbcStatisticsProvider;
import io.tacit.jdbc.stats.JdbcValueProbe;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A database reached over JDBC: picks the dialect from the URL, opens one read-only session with a statement
 * timeout and reads schema, statistics and containment through it.
 */
public final class JdbcSource implements Source {
    private final ConnectionSettings settings;
    private final Connection session;
    private final SessionStatements statements;
    private final Connection connection;
    private final Dialect dialect;
    private final String description;
    private final String product;
    private final List<String> pendingNotes;

    private JdbcSource(ConnectionSettings settings, Connection session, SessionStatements statements,
            Connection connection, Dialect dialect, String product, List<String> pendingNotes) {
        this.settings = settings;
        this.session = session;
        this.statements = statements;
        this.connection = connection;
        this.dialect = dialect;
        this.description = JdbcUrls.describe(settings.jdbcUrl());
        this.product = product;
        this.pendingNotes = new ArrayList<>(pendingNotes);
    }

    /** Opens and verifies the connection; fails with a {@link io.tacit.error.TacitException} of kind SOURCE or CONFIG. */
    public static JdbcSource open(ConnectionSettings settings) {
        return open(settings, ProgressListener.NONE);
    }

    /** As {@link #open(ConnectionSettings)}, telling {@code progress} when read-only could not be verified. */
    public static JdbcSource open(ConnectionSettings settings, ProgressListener progress) {
        requireNonNull(settings, "settings is null");
        return open(settings, progress, Dialects.forUrl(settings.jdbcUrl(), settings.statementTimeout()));
    }

    /** With a given dialect (tests use it to check that an unverified session is refused). */
    static JdbcSource open(ConnectionSettings settings, ProgressListener progress, Dialect chosen) {
        requireNonNull(settings, "settings is null");
        requireNonNull(progress, "progress is null");
        Dialect dialect = requireNonNull(chosen, "chosen is null");
        dialect.beforeConnect(settings);
        refuseWhenStopping();
        Connection session = connect(settings, dialect);
        SessionStatements statements = new SessionStatements();
        Connection connection = statements.track(session);
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            dialect = dialect.withDriverMetadata(metadata);
            String product = metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion();
            List<String> notes = new ArrayList<>();
            boolean verified = dialect.startReadOnlySession(connection);
            if (!verified) {
                if (!dialect.isGeneric()) {
                    throw new TacitException(ErrorKind.SOURCE,
                            "could not verify that the session to " + JdbcUrls.describe(settings.jdbcUrl()) + " is read-only",
                            "tacit only reads, and refuses sessions the database does not confirm as read-only;"
                                    + " check that the server honours read-only transactions", false, null);
                }
                String note = "read-only was requested from " + dialect.name()
                        + " through JDBC but cannot be verified; use a database user without write rights";
                progress.note(note);
                notes.add(note);
            }
            JdbcSource source = new JdbcSource(settings, session, statements, connection, dialect, product, notes);
            OpenSessions.opened(source);
            if (OpenSessions.stopping()) {
                source.close();
                refuseWhenStopping();
            }
            return source;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw JdbcErrors.onQuery(e, "starting a read-only session on " + JdbcUrls.describe(settings.jdbcUrl()),
                    settings.password());
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void refuseWhenStopping() {
        if (OpenSessions.stopping()) {
            throw new TacitException(ErrorKind.SOURCE, "tacit is stopping: no new database session is opened",
                    "run again", true, null);
        }
    }

    private static Connection connect(ConnectionSettings settings, Dialect dialect) {
        String url = dialect.connectionUrl(settings.jdbcUrl());
        Driver driver;
        try {
            driver = DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw TacitException.config("no JDBC driver for '" + JdbcUrls.redact(settings.jdbcUrl()) + "'",
                    "check the URL prefix (" + String.join(", ", Dialects.urlPrefixes()) + ") or put the"
                            + " database's JDBC driver jar on the class path");
        }
        try {
            Connection connection = driver.connect(url, dialect.connectionProperties(settings));
            if (connection == null) {
                throw TacitException.config("the JDBC driver does not accept '" + JdbcUrls.redact(settings.jdbcUrl()) + "'",
                        "check the JDBC URL");
            }
            return connection;
        } catch (SQLException e) {
            throw JdbcErrors.onConnect(e, settings);
        }
    }

    @Override
    public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
        requireNonNull(filter, "filter is null");
        requireNonNull(progress, "progress is null");
        for (String note : pendingNotes) {
            progress.note(note);
        }
        pendingNotes.clear();
        try {
            List<String> available = dialect.schemas(connection);
            List<String> schemas = filter.schemas();
            if (schemas.isEmpty()) {
                schemas = dialect.defaultSchemas(connection, available);
            } else {
                checkSchemasExist(schemas, available);
            }
            Instant readAt = Instant.now();
            long steps = 4;
            if (dialect.isGeneric()) {
                steps = schemas.size();
            }
            progress.stageStarted("read schema", steps);
            SchemaContents contents;
            if (schemas.isEmpty()) {
                contents = new SchemaContents(List.of(), List.of());
            } else {
                contents = dialect.readSchema(connection, schemas, filter, progress);
            }
            progress.stageFinished("read schema");
            return new SchemaSnapshot(description, product, readAt, contents.tables(), contents.foreignKeys());
        } catch (SQLException e) {
            throw JdbcErrors.onQuery(e, "reading the schema of " + description, settings.password());
        }
    }

    private void checkSchemasExist(List<String> wanted, List<String> available) {
        for (String schema : wanted) {
            if (available.contains(schema)) {
                continue;
            }
            String listed = available.isEmpty() ? "none visible to this user" : String.join(", ", available);
            Optional<String> otherCase = available.stream().filter(name -> name.equalsIgnoreCase(schema)).findFirst();
            String hint = otherCase.map(name -> "did you mean '" + name + "'? Schema names are case-sensitive")
                    .orElse("name one of the available schemas, or check the user's rights");
            throw TacitException.config("schema '" + schema + "' does not exist in " + description
                    + " (available: " + listed + ")", hint);
        }
    }

    @Override
    public StatisticsProvider statistics() {
        return new JdbcStatisticsProvider(connection, dialect, settings.profile());
    }

    @Override
    public ValueProbe valueProbe() {
        return new JdbcValueProbe(connection, dialect);
    }

    /** The dialect serving this session. */
    public Dialect dialect() {
        return dialect;
    }

    /** A secret-free name of the database ({@code postgresql://127.0.0.1:5432/shop}). */
    public String description() {
        return description;
    }

    /** The database product and version. */
    public String product() {
        return product;
    }

    /** The read-only session itself (tests check that it refuses writes). */
    Connection connection() {
        return connection;
    }

    /**
     * Cancels what the session runs and closes it, from another thread (tacit is stopping). The session's own
     * thread then sees its statement fail.
     */
    void cancel() {
        dialect.cancelRunning(session, statements.open());
        close();
    }

    @Override
    public void close() {
        OpenSessions.closed(this);
        closeQuietly(session);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a session we only read from: nothing to save
        }
    }
}
