package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.RunWarning;
import io.tacit.model.TableName;
import io.tacit.spi.ValueProbe;
import io.tacit.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A containment check whose backend an administrator terminates (SQLState 57P01) is a lost check the run
 * reports, not one that vanishes: the probe says so, makes no further checks on the ended session, and counts
 * those it did not make.
 */
class TerminatedProbeIT {
    @Test
    void aTerminatedCheckIsAWarning() throws Exception {
        try (TestingPostgres database = new TestingPostgres("tacit_terminated")) {
            database.execute("CREATE TABLE customers (id int PRIMARY KEY)",
                    "CREATE TABLE orders (id int PRIMARY KEY, customer_id int)",
                    "INSERT INTO customers SELECT g FROM generate_series(1, 10) g",
                    "INSERT INTO orders SELECT g, g % 10 + 1 FROM generate_series(1, 50) g");
            ColumnSet from = ColumnSet.of(TableName.of("public", "orders"), "customer_id");
            ColumnSet to = ColumnSet.of(TableName.of("public", "customers"), "id");
            try (JdbcSource source = JdbcSource.open(database.settings());
                    Connection admin = DriverManager.getConnection(database.jdbcUrl(), TestingPostgres.USER, "");
                    Statement statement = admin.createStatement()) {
                ValueProbe probe = source.valueProbe();
                // the check waits for the lock this migration holds, and is terminated while it waits
                admin.setAutoCommit(false);
                statement.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
                CompletableFuture<Optional<Containment>> check = CompletableFuture.supplyAsync(() -> probe.containment(from, to));
                terminateWaitingSession(statement, database.database());
                admin.rollback();

                assertThat(check.get()).isEmpty();
                assertThat(probe.warnings()).singleElement().satisfies(warning -> {
                    assertThat(warning.stage()).isEqualTo(RunWarning.CONTAINMENT);
                    assertThat(warning.table()).contains(from.table());
                    assertThat(warning.problem()).contains(from.toString()).contains("the server ended the session");
                });

                assertThat(probe.containment(from, to)).isEmpty();
                assertThat(probe.warnings()).hasSize(2);
                assertThat(probe.warnings().get(1).problem()).startsWith("1 more containment checks not made");
            }
        }
    }

    private static void terminateWaitingSession(Statement statement, String database) throws SQLException,
            InterruptedException {
        String waiting = "SELECT pid FROM pg_stat_activity WHERE datname = '" + database + "' AND wait_event_type = 'Lock'";
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ResultSet rows = statement.executeQuery(waiting)) {
                if (rows.next()) {
                    int pid = rows.getInt(1);
                    statement.execute("SELECT pg_terminate_backend(" + pid + ")");
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the check never waited for the lock");
    }
}
