package io.tacit.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The database flags of every command that reads a database instead of, or beside, a recipe's source. */
final class ConnectionOptions {
    @Option(names = "--jdbc-url", paramLabel = "URL", description = "JDBC URL of the database (instead of a recipe's source).")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema to read (repeatable; MariaDB: database); default: every schema the user can see,"
            + " on MariaDB/MySQL the database in the URL when it names one.")
    List<String> schemas;
}
