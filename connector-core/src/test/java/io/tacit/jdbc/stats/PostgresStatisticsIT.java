package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresStatisticsIT extends AbstractStatisticsIT {
    @Override
    StatsDatabase open() throws Exception {
        return new StatsDatabase.Postgres();
    }

    @Test
    void engineLevelReadsPgStats() {
        Statistics statistics = collect(StatisticsLevel.ENGINE, ProfileSettings.DEFAULTS);

        ColumnStatistics customerId = column(statistics, "orders", "customer_id");
        assertThat(customerId.nulls().getAsLong()).isBetween(450L, 550L);
        assertThat(customerId.min()).contains("2");
        assertThat(customerId.max()).contains("1050");
        assertThat(customerId.averageWidth()).hasValue(4.0);
        ColumnStatistics amount = column(statistics, "orders", "amount");
        // 100 values, each 50 times: pg_stats keeps them all as most common values, canonical text
        assertThat(amount.frequentValues()).hasSize(100).contains("0.5", "99.5");
        assertThat(amount.values().orElseThrow()).hasSize(100).startsWith("0.5", "1.5");
        assertThat(amount.min()).contains("0.5");
        assertThat(amount.max()).contains("99.5");
    }

    @Test
    void wideTextIsNotProfiledOnceTheEngineKnowsItsWidth() {
        Statistics statistics = collect(StatisticsLevel.FULL, ProfileSettings.DEFAULTS);

        ColumnStatistics note = column(statistics, "orders", "note");
        assertThat(note.origin()).isEqualTo(StatisticsOrigin.ENGINE);
        assertThat(note.sketch()).isEmpty();
    }

    @Test
    void frequentValuesWithQuotesAndCommasParse() throws Exception {
        database.execute("CREATE TABLE status (s varchar(20))");
        database.execute("INSERT INTO status SELECT CASE WHEN g % 3 = 0 THEN 'a,b' WHEN g % 3 = 1 THEN 'say \"hi\"' "
                + "ELSE 'NULL' END FROM generate_series(1, 300) g");
        database.execute("ANALYZE status");
        SchemaSnapshot withStatus = Snapshots.of(
                Snapshots.table("public", "status").column("s", "varchar", TypeFamily.STRING).build());

        Statistics statistics = new JdbcStatisticsProvider(database.reader(), database.dialect(), ProfileSettings.DEFAULTS)
                .collect(withStatus, StatisticsLevel.ENGINE, ProgressListener.NONE);

        ColumnStatistics status = statistics.column(new ColumnName(table("status"), "s")).orElseThrow();
        assertThat(status.frequentValues()).containsExactlyInAnyOrder("a,b", "say \"hi\"", "NULL");
        assertThat(status.values().orElseThrow()).containsExactly("NULL", "a,b", "say \"hi\"");
    }

    @Test
    void copyScanReadsEscapedTextPaddedCharsBinaryUuidsAndWholeNumerics() throws Exception {
        database.execute("CREATE TABLE tricky (s text, c char(5), b bytea, u uuid, n numeric(12,0), d numeric(8,2))");
        database.execute("INSERT INTO tricky VALUES "
                + "(E'tab\\there', 'ab', '\\x0aff'::bytea, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 120, 1.50), "
                + "(E'line\\nbreak\\\\', 'ab', NULL, NULL, 7, 2.25), "
                + "(NULL, 'xyz', '\\x'::bytea, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', -3, NULL)");
        SchemaSnapshot withTricky = Snapshots.of(Snapshots.table("public", "tricky")
                .column("s", "text", TypeFamily.STRING)
                .column("c", "character(5)", TypeFamily.STRING)
                .column("b", "bytea", TypeFamily.BINARY)
                .column("u", "uuid", TypeFamily.UUID)
                .column("n", "numeric(12,0)", TypeFamily.DECIMAL)
                .column("d", "numeric(8,2)", TypeFamily.DECIMAL).build());

        Statistics statistics = new JdbcStatisticsProvider(database.reader(), database.dialect(), ProfileSettings.DEFAULTS)
                .collect(withTricky, StatisticsLevel.FULL, ProgressListener.NONE);

        TableStatistics tricky = statistics.table(table("tricky")).orElseThrow();
        assertThat(tricky.column("s").orElseThrow().values().orElseThrow())
                .containsExactly("line\nbreak\\", "tab\there");
        assertThat(tricky.column("c").orElseThrow().values().orElseThrow()).containsExactly("ab", "xyz");
        assertThat(tricky.column("b").orElseThrow().values().orElseThrow()).containsExactly("", "0aff");
        assertThat(tricky.column("u").orElseThrow().values().orElseThrow())
                .containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(tricky.column("n").orElseThrow().values().orElseThrow()).containsExactly("-3", "7", "120");
        // a decimal with fractional digits is a measure, not a key: not scanned
        assertThat(tricky.column("d")).isEmpty();
    }

    /** A table of 200,000 rows (ids 1..200000, 97 groups), analysed, and a snapshot naming it. */
    private SchemaSnapshot largeAnalyzedTable(String name) throws Exception {
        database.execute("CREATE TABLE " + name + " (id integer, grp integer)");
        database.execute("INSERT INTO " + name + " SELECT g, g % 97 FROM generate_series(1, 200000) g");
        database.execute("ANALYZE " + name);
        return Snapshots.of(Snapshots.table("public", name)
                .column("id", "int4", TypeFamily.INTEGER)
                .column("grp", "int4", TypeFamily.INTEGER).build());
    }

    @Test
    void largeTablesAreSampledByBlocks() throws Exception {
        SchemaSnapshot withBig = largeAnalyzedTable("big");

        Statistics statistics = new JdbcStatisticsProvider(database.reader(), database.dialect(),
                new ProfileSettings(2_000, 1_000_000, 10_000, 12))
                .collect(withBig, StatisticsLevel.SAMPLE, ProgressListener.NONE);

        TableStatistics big = statistics.table(table("big")).orElseThrow();
        assertThat(big.rows()).isEqualTo(200_000);
        assertThat(big.exactRows()).isFalse();
        // blocks are drawn by chance; a short draw is topped up with more blocks, so the sample is always full
        assertThat(big.column("id").orElseThrow().rows()).hasValue(2_000);
        // block sampling spreads over the table, unlike the first rows a LIMIT would return
        assertThat(Long.parseLong(big.column("id").orElseThrow().max().orElseThrow())).isGreaterThan(20_000);
    }

    /**
     * The row estimate says 200,000 but DELETE has left 5,000 rows spread thinly over the same blocks: the blocks
     * drawn for 2,000 rows hold a few dozen. The profiler draws more blocks until the sample is full, and the
     * same table gives the same sample on every run (REPEATABLE), whichever path the estimate chose.
     */
    @Test
    void aShortBlockSampleIsToppedUpAndRepeatable() throws Exception {
        SchemaSnapshot withShrunk = largeAnalyzedTable("shrunk");
        database.execute("DELETE FROM shrunk WHERE id % 40 <> 0");
        JdbcStatisticsProvider provider = new JdbcStatisticsProvider(database.reader(), database.dialect(),
                new ProfileSettings(2_000, 1_000_000, 10_000, 12));

        TableStatistics first = provider.collect(withShrunk, StatisticsLevel.SAMPLE, ProgressListener.NONE)
                .table(table("shrunk")).orElseThrow();
        TableStatistics second = provider.collect(withShrunk, StatisticsLevel.SAMPLE, ProgressListener.NONE)
                .table(table("shrunk")).orElseThrow();

        assertThat(first.column("id").orElseThrow().rows()).hasValue(2_000);
        assertThat(first.exactRows()).isFalse();
        // the very same rows: every id read is kept in the value list
        assertThat(second.column("id").orElseThrow().values()).isEqualTo(first.column("id").orElseThrow().values())
                .hasValueSatisfying(ids -> assertThat(ids).hasSize(2_000));
    }

    @Test
    void uuidAgainstTextIsComparedAsText() throws Exception {
        database.execute("CREATE TABLE account (id uuid PRIMARY KEY)");
        database.execute("CREATE TABLE login (account_ref varchar(36))");
        database.execute("INSERT INTO account VALUES ('0e37df36-f698-11e6-8dd4-cb9ced3df976'), "
                + "('1e37df36-f698-11e6-8dd4-cb9ced3df976')");
        database.execute("INSERT INTO login VALUES ('0e37df36-f698-11e6-8dd4-cb9ced3df976'), "
                + "('0e37df36-f698-11e6-8dd4-cb9ced3df976'), ('ffffffff-f698-11e6-8dd4-cb9ced3df976'), (NULL)");
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());

        assertThat(probe.containment(ColumnSet.of(table("login"), "account_ref"), ColumnSet.of(table("account"), "id")))
                .contains(new Containment(2, 1, 1, true));
    }

    @Test
    void statementTimeoutAnswersEmptyAndLeavesTheSessionUsable() throws Exception {
        database.execute("CREATE TABLE slow (id integer)");
        database.execute("INSERT INTO slow SELECT g FROM generate_series(1, 3000000) g");
        Connection reader = database.reader();
        JdbcValueProbe probe = new JdbcValueProbe(reader, database.dialect());
        try (Statement statement = reader.createStatement()) {
            statement.execute("SET statement_timeout = '20ms'");
        }
        try {
            assertThat(probe.containment(ColumnSet.of(table("slow"), "id"), ColumnSet.of(table("slow"), "id")))
                    .isEmpty();
        } finally {
            try (Statement statement = reader.createStatement()) {
                statement.execute("SET statement_timeout = '60s'");
            }
        }
        assertThat(probe.containment(ColumnSet.of(table("x"), "id"), ColumnSet.of(table("customer"), "id")))
                .contains(new Containment(1, 1, 0, true));
    }
}
