package io.tacit.jdbc;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.model.RunContext;
import io.tacit.spi.Source;
import io.tacit.spi.SourceFactory;
import java.util.List;
import java.util.Optional;

/** The {@code jdbc} source type of a recipe: any database with a JDBC driver on the classpath. */
public final class JdbcSourceFactory implements SourceFactory {
    public static final String TYPE = "jdbc";

    public static final Setting URL = Setting.required("url", SettingType.STRING,
            "JDBC URL of the database, e.g. jdbc:postgresql://db.example.com:5432/shop. Put no password in it: use `password`.");
    public static final Setting USER = Setting.optional("user", SettingType.STRING, null,
            "Database user. tacit only reads; a user with read access to the catalog (and to the data for levels sample/full) is enough. "
                    + "Not a secret: written as is (no ${env:} reference; pass --user \"$PGUSER\" instead) and named in errors.");
    public static final Setting PASSWORD = Setting.optional("password", SettingType.SECRET, null,
            "The user's password, as a reference: ${env:PGPASSWORD} or ${file:/run/secrets/db-password}.");
    public static final Setting STATEMENT_TIMEOUT = Setting.optional("statementTimeout", SettingType.DURATION, "60s",
            "Every statement tacit runs is cancelled by the database after this long (30s, 5m, PT2M).");
    public static final Setting CONNECT_TIMEOUT = Setting.optional("connectTimeout", SettingType.DURATION, "10s",
            "How long the database may take to accept the connection, and again to answer the login, before tacit gives up (5s, 1m).");
    public static final Setting SAMPLE_ROWS = Setting.optional("sampleRows", SettingType.INTEGER,
            String.valueOf(ProfileSettings.DEFAULTS.sampleRows()),
            "Rows read per table at level sample.");
    public static final Setting EXACT_DISTINCT_LIMIT = Setting.optional("exactDistinctLimit", SettingType.INTEGER,
            String.valueOf(ProfileSettings.DEFAULTS.exactDistinctLimit()),
            "Distinct values a table's columns may hold in memory for exact counts; past it the largest column is estimated with its sketch.");
    public static final Setting VALUE_LIST_LIMIT = Setting.optional("valueListLimit", SettingType.INTEGER,
            String.valueOf(ProfileSettings.DEFAULTS.valueListLimit()),
            "Columns with at most this many distinct values keep them all for exact in-memory containment checks.");
    public static final Setting SKETCH_LG_K = Setting.optional("sketchLgK", SettingType.INTEGER,
            String.valueOf(ProfileSettings.DEFAULTS.sketchLgK()),
            "log2 of the distinct-value sketch size (12 = 4,096 entries, about 1.6% error), between 4 and 26.");

    public static final List<Setting> SETTINGS = List.of(URL, USER, PASSWORD, STATEMENT_TIMEOUT, CONNECT_TIMEOUT, SAMPLE_ROWS,
            EXACT_DISTINCT_LIMIT, VALUE_LIST_LIMIT, SKETCH_LG_K);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public Source create(ConfigSection section) {
        return JdbcSource.open(connectionSettings(section));
    }

    /** Opens the session named after the run ({@code tacit <version> <run id>}), so a DBA can find it. */
    @Override
    public Source create(ConfigSection section, RunContext run) {
        return JdbcSource.open(connectionSettings(section).withRun(run));
    }

    @Override
    public void check(ConfigSection section) {
        connectionSettings(section);
    }

    /** The connection settings a validated {@code source:} section describes. */
    public static ConnectionSettings connectionSettings(ConfigSection section) {
        try {
            ProfileSettings profile = new ProfileSettings(
                    section.integer(SAMPLE_ROWS.name()).orElseThrow(),
                    section.integer(EXACT_DISTINCT_LIMIT.name()).orElseThrow(),
                    section.integer(VALUE_LIST_LIMIT.name()).orElseThrow(),
                    section.integer(SKETCH_LG_K.name()).orElseThrow());
            return new ConnectionSettings(
                    section.string(URL.name()).orElseThrow(),
                    section.string(USER.name()),
                    section.secret(PASSWORD.name()),
                    section.duration(STATEMENT_TIMEOUT.name()).orElseThrow(),
                    profile,
                    section.duration(CONNECT_TIMEOUT.name()).orElseThrow(),
                    Optional.empty());
        }
        catch (IllegalArgumentException e) {
            throw io.tacit.error.TacitException.config(section.path() + ": " + e.getMessage(),
                    "fix the value in the recipe");
        }
    }
}
