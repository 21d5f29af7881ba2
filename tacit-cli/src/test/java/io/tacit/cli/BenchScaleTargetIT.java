package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.testing.TestingPostgres;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench scale} writes only into an empty schema unless forced, and leaves nothing behind when it fails. */
class BenchScaleTargetIT {
    @Test
    void aSchemaThatHoldsTablesIsRefusedAndLeftAlone() throws SQLException {
        try (TestingPostgres database = new TestingPostgres("tacit_scale")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)");
            CliRun run = CliRun.of("bench", "scale", "--jdbc-url", database.jdbcUrl(), "--tables", "3",
                    "--columns-per-table", "3");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err().lines().toList()).as(run.toString()).hasSize(1);
            assertThat(run.err()).contains("schema public of database " + database.database()
                    + " already holds 1 tables or views (customers)").contains("--force");
            assertThat(tables(database)).containsExactly("customers");
        }
    }

    @Test
    void forceAddsTheTablesNextToTheOnesThere() throws SQLException {
        try (TestingPostgres database = new TestingPostgres("tacit_scale")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)");
            CliRun run = CliRun.of("bench", "scale", "--jdbc-url", database.jdbcUrl(), "--tables", "3",
                    "--columns-per-table", "3", "--force");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(tables(database)).hasSize(4).contains("customers");
        }
    }

    /** An event trigger refuses the 131st table, after the first 100 were committed. */
    @Test
    void aFailureMidwayDropsEveryTableItCreatedAndOnlyThose() throws SQLException {
        try (TestingPostgres database = new TestingPostgres("tacit_scale")) {
            database.execute("CREATE TABLE customers (id integer PRIMARY KEY)",
                    "CREATE FUNCTION refuse_campaign_5() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()"
                            + " WHERE object_identity = 'public.campaign_5') THEN"
                            + " RAISE EXCEPTION 'no campaign_5 here'; END IF; END $$",
                    "CREATE EVENT TRIGGER refuse_campaign_5 ON ddl_command_end WHEN TAG IN ('CREATE TABLE')"
                            + " EXECUTE FUNCTION refuse_campaign_5()");
            CliRun run = CliRun.of("bench", "scale", "--jdbc-url", database.jdbcUrl(), "--tables", "150",
                    "--columns-per-table", "3", "--force");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            assertThat(run.err()).contains("no campaign_5 here").contains("were dropped");
            assertThat(tables(database)).containsExactly("customers");
        }
    }

    private static List<String> tables(TestingPostgres database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = database.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " ORDER BY tablename")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
