package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.config.Secret;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcErrorsTest {
    private static final String PASSWORD = "hunter22-secret";
    private static final ConnectionSettings SETTINGS = ConnectionSettings.of(
            "jdbc:postgresql://db.example:6543/shop", "alice", Secret.of(PASSWORD, "${env:SHOP_PW}"));

    private static String everything(TacitException error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return error.oneLine() + text;
    }

    @Test
    void authenticationFailuresAreClassifiedBySqlStateAndErrorCode() {
        for (SQLException cause : new SQLException[] {
            new SQLException("FATAL: password authentication failed for user \"alice\"", "28P01"),
            new SQLException("Access denied for user 'alice'@'10.0.0.1' (using password: YES)", "28000", 1045),
            new SQLException("Access denied", "HY000", 1045)}) {
            TacitException error = JdbcErrors.onConnect(cause, SETTINGS);
            assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
            assertThat(error.getMessage()).isEqualTo("authentication failed for user 'alice' at db.example:6543");
            assertThat(error.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("${env:SHOP_PW}"));
            assertThat(error.retriable()).isFalse();
        }
    }

    @Test
    void unreachableHostsNameHostPortAndCause() {
        SQLException cause = new SQLException("Connection to db.example:6543 refused.", "08001",
                new ConnectException("Connection refused"));
        TacitException error = JdbcErrors.onConnect(cause, SETTINGS);
        assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
        assertThat(error.getMessage()).isEqualTo("cannot reach the database at db.example:6543 (Connection refused)");
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void unknownDatabasesAreNamed() {
        TacitException error = JdbcErrors.onConnect(new SQLException("FATAL: database \"shop\" does not exist", "3D000"), SETTINGS);
        assertThat(error.getMessage()).isEqualTo("database 'shop' does not exist at db.example:6543");
        TacitException mariadb = JdbcErrors.onConnect(new SQLException("Unknown database 'shop'", "42000", 1049), SETTINGS);
        assertThat(mariadb.getMessage()).isEqualTo("database 'shop' does not exist at db.example:6543");
    }

    @Test
    void aPasswordEchoedByTheDriverIsScrubbedEverywhere() {
        SQLException echo = new SQLException("bad option password=" + PASSWORD + "\nmore detail", "XX000");
        TacitException error = JdbcErrors.onConnect(echo, SETTINGS);
        assertThat(everything(error)).doesNotContain(PASSWORD).contains("password=[hidden]");
        assertThat(error.getMessage()).doesNotContain("more detail");
        TacitException auth = JdbcErrors.onConnect(new SQLException("denied for " + PASSWORD, "28000"), SETTINGS);
        assertThat(everything(auth)).doesNotContain(PASSWORD);
    }

    @Test
    void queryFailuresSayWhatWasBeingDone() {
        TacitException timeout = JdbcErrors.onQuery(new SQLTimeoutException("canceling statement due to statement timeout", "57014"),
                "reading the schema of shop", Optional.empty());
        assertThat(timeout.getMessage()).startsWith("a statement timed out while reading the schema of shop");
        assertThat(timeout.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("statement timeout"));
        TacitException denied = JdbcErrors.onQuery(new SQLException("permission denied for table x", "42501"),
                "reading the schema of shop", Optional.empty());
        assertThat(denied.getMessage()).startsWith("permission denied while reading the schema of shop");
        TacitException other = JdbcErrors.onQuery(new SQLException("boom", "XX000"), "reading", Optional.empty());
        assertThat(other.getMessage()).isEqualTo("the database failed while reading (boom, SQLState XX000)");
    }
}
