package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import io.tacit.error.TacitException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where benchmark datasets are loaded: an administrative connection per server engine (it creates and drops
 * the {@code tacit_eval_*} databases; PostgreSQL needs a superuser for the extensions some datasets use) and a
 * folder for SQLite files.
 */
public record EvaluationServers(
        String postgresUrl,
        String postgresUser,
        Optional<Secret> postgresPassword,
        String mariaDbUrl,
        String mariaDbUser,
        Optional<Secret> mariaDbPassword,
        Path sqliteDirectory) {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]*)(/[^?]*)?(\\?.*)?");

    public static final EvaluationServers DEFAULTS = new EvaluationServers(
            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", Optional.empty(),
            "jdbc:mariadb://127.0.0.1:3306/", "root", Optional.empty(),
            Path.of(System.getProperty("java.io.tmpdir")));

    public EvaluationServers {
        requireNonNull(postgresUrl, "postgresUrl is null");
        requireNonNull(postgresUser, "postgresUser is null");
        requireNonNull(postgresPassword, "postgresPassword is null");
        requireNonNull(mariaDbUrl, "mariaDbUrl is null");
        requireNonNull(mariaDbUser, "mariaDbUser is null");
        requireNonNull(mariaDbPassword, "mariaDbPassword is null");
        requireNonNull(sqliteDirectory, "sqliteDirectory is null");
    }

    public EvaluationServers withSqliteDirectory(Path directory) {
        return new EvaluationServers(postgresUrl, postgresUser, postgresPassword, mariaDbUrl, mariaDbUser,
                mariaDbPassword, directory);
    }

    /** {@code url} with its database replaced: {@code jdbc:postgresql://h:5432/postgres?x=1} → {@code .../db?x=1}. */
    static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw TacitException.config("cannot read the JDBC URL " + url,
                    "use the form jdbc:postgresql://host:port/database or jdbc:mariadb://host:port/");
        }
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + database + parameters;
    }
}
