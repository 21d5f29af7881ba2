package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaFilter;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.SilentServer;
import io.tacit.testing.TestingMariaDb;
import io.tacit.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Source sessions never wait forever (a server that accepts and stays silent, a network that goes quiet in the
 * middle of a statement), carry the run's name on the server, and stop their statement when cancelled.
 */
class SessionSafetyIT {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aPostgresServerThatNeverAnswersIsGivenUpAfterTheConnectTimeout() {
        try (SilentServer server = SilentServer.mute()) {
            ConnectionSettings settings = ConnectionSettings.of("jdbc:postgresql://127.0.0.1:" + server.port() + "/shop",
                    "postgres", null).withConnectTimeout(CONNECT_TIMEOUT);
            assertGivenUpWithin(settings, server.port(), Duration.ofSeconds(5));
        }
    }

    @Test
    void aMariaDbServerThatNeverAnswersIsGivenUpAfterTheConnectTimeout() {
        try (SilentServer server = SilentServer.mute()) {
            ConnectionSettings settings = ConnectionSettings.of("jdbc:mariadb://127.0.0.1:" + server.port() + "/shop",
                    "root", null).withConnectTimeout(CONNECT_TIMEOUT);
            assertGivenUpWithin(settings, server.port(), Duration.ofSeconds(5));
        }
    }

    private static void assertGivenUpWithin(ConnectionSettings settings, int port, Duration limit) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> JdbcSource.open(settings))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
                    assertThat(error.getMessage()).isEqualTo("the server at 127.0.0.1:" + port
                            + " accepted the connection but did not answer within 2 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
    }

    @Test
    void aNetworkThatGoesSilentMidStatementEndsTheRunAfterTheSocketTimeout() {
        try (TestingPostgres postgres = new TestingPostgres("tacit_silent");
                SilentServer proxy = SilentServer.forwardingTo(TestingPostgres.PORT)) {
            postgres.execute("CREATE TABLE customers (id int PRIMARY KEY)");
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + postgres.database();
            // statement timeout 1 s: the socket gives up 5 s later (1 s + the 5 s minimum margin)
            ConnectionSettings settings = new ConnectionSettings(url, Optional.of(TestingPostgres.USER), Optional.empty(),
                    Duration.ofSeconds(1), ProfileSettings.DEFAULTS);
            try (JdbcSource source = JdbcSource.open(settings)) {
                proxy.goSilent();
                long started = System.nanoTime();
                assertThatThrownBy(() -> source.readSchema(SchemaFilter.all(), ProgressListener.NONE))
                        .isInstanceOfSatisfying(TacitException.class, error -> {
                            assertThat(error.kind()).isEqualTo(ErrorKind.SOURCE);
                            assertThat(error.getMessage()).contains("stopped answering")
                                    .contains("reading the schema of");
                        });
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(5)).isLessThan(Duration.ofSeconds(15));
            }
        }
    }

    @Test
    void postgresSessionsCarryTheRunInPgStatActivity() throws SQLException {
        try (TestingPostgres postgres = new TestingPostgres("tacit_appname")) {
            RunContext run = new RunContext(RunId.generate(Instant.now()), "9.8.7", Instant.now());
            try (JdbcSource source = JdbcSource.open(postgres.settings().withRun(run))) {
                assertThat(sessions(postgres.connection(), "tacit 9.8.7 " + run.runId(), postgres.database(), "%"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void cancellingAPostgresSessionStopsItsRunningStatementOnTheServer() throws Exception {
        try (TestingPostgres postgres = new TestingPostgres("tacit_cancel")) {
            RunContext run = new RunContext(RunId.generate(Instant.now()), "9.8.7", Instant.now());
            String name = "tacit 9.8.7 " + run.runId();
            JdbcSource source = JdbcSource.open(postgres.settings().withRun(run));
            CompletableFuture<Object> sleeping = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement statement = source.connection().prepareStatement("SELECT pg_sleep(30)")) {
                    return statement.execute();
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitSessions(postgres.connection(), name, postgres.database(), "%pg_sleep%", 1);
            source.cancel();
            Object outcome = sleeping.get(5, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(SQLException.class);
            awaitSessions(postgres.connection(), name, postgres.database(), "%pg_sleep%", 0);
        }
    }

    @Test
    void cancellingAMariaDbSessionStopsItsRunningStatementOnTheServer() throws Exception {
        try (TestingMariaDb mariadb = new TestingMariaDb("tacit_cancel")) {
            JdbcSource source = JdbcSource.open(mariadb.settings());
            String marker = "tacit_cancel_" + System.nanoTime();
            CompletableFuture<Object> sleeping = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement statement = source.connection().prepareStatement(
                        "SELECT SLEEP(30) AS " + marker)) {
                    return statement.execute();
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitMariaDbQueries(mariadb.connection(), marker, 1);
            source.cancel();
            // MariaDB's KILL QUERY ends SLEEP early with result 1 rather than an error
            sleeping.get(5, TimeUnit.SECONDS);
            awaitMariaDbQueries(mariadb.connection(), marker, 0);
        }
    }

    private static void awaitMariaDbQueries(Connection admin, String marker, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int found;
        do {
            try (PreparedStatement statement = admin.prepareStatement(
                    "SELECT count(*) FROM information_schema.processlist WHERE info LIKE ? AND info NOT LIKE '%processlist%'")) {
                statement.setString(1, "%" + marker + "%");
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    found = rows.getInt(1);
                }
            }
            if (found == wanted) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(found).as("running statements marked " + marker).isEqualTo(wanted);
    }

    private static void awaitSessions(Connection admin, String name, String database, String query, int wanted)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int found;
        do {
            found = activeSessions(admin, name, database, query);
            if (found == wanted) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(found).as("active statements of " + name).isEqualTo(wanted);
    }

    private static int sessions(Connection admin, String name, String database, String query) throws SQLException {
        return count(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = ?"
                + " AND query LIKE ?", name, database, query);
    }

    private static int activeSessions(Connection admin, String name, String database, String query) throws SQLException {
        return count(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = ?"
                + " AND query LIKE ? AND state = 'active'", name, database, query);
    }

    private static int count(Connection admin, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
