package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.DistinctCount;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.statistics.ValueOverlap;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The statistics suite every engine runs against known data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractStatisticsIT {
    static final String HOSTILE = "a\"; drop table x; --";
    static final int CUSTOMERS = 1000;
    static final int ORDERS = 5000;
    static final int LINEITEMS = 2000;

    /** A discriminator value that would end the statement if it were spliced into SQL. */
    static final String HOSTILE_VALUE = "'; drop table x; --\"\\";

    StatsDatabase database;
    SchemaSnapshot snapshot;
    private boolean commentsCreated;

    abstract StatsDatabase open() throws Exception;

    @BeforeAll
    void createData() throws Exception {
        database = open();
        String integer = database.integerType();
        String bigint = database.bigintType();
        database.execute("CREATE TABLE " + database.quoted("customer") + " (id " + bigint
                + " PRIMARY KEY, code VARCHAR(10))");
        database.execute("CREATE TABLE " + database.quoted("orders") + " (id " + integer
                + " PRIMARY KEY, customer_id " + integer + ", amount DECIMAL(10,2), note VARCHAR(300))");
        database.execute("CREATE INDEX orders_customer ON " + indexTable("orders") + " (customer_id)");
        database.execute("CREATE TABLE " + database.quoted("partsupp") + " (ps_partkey " + integer
                + " NOT NULL, ps_suppkey " + integer + " NOT NULL, PRIMARY KEY (ps_partkey, ps_suppkey))");
        database.execute("CREATE TABLE " + database.quoted("lineitem") + " (l_partkey " + integer
                + ", l_suppkey " + integer + ")");
        database.execute("CREATE TABLE " + database.quoted("x") + " (id " + integer + ")");
        String hostile = database.dialect().quoteIdentifier(HOSTILE);
        database.execute("CREATE TABLE " + database.quoted(HOSTILE) + " (" + hostile + " " + integer + ")");

        database.admin().setAutoCommit(false);
        insert("INSERT INTO " + database.quoted("customer") + " VALUES (?, ?)", CUSTOMERS, (statement, i) -> {
            statement.setLong(1, i);
            statement.setString(2, "C" + i);
        });
        String note = "n".repeat(250);
        insert("INSERT INTO " + database.quoted("orders") + " VALUES (?, ?, ?, ?)", ORDERS, (statement, i) -> {
            statement.setInt(1, i);
            Integer customer = orderCustomer(i);
            if (customer == null) {
                statement.setNull(2, java.sql.Types.INTEGER);
            } else {
                statement.setInt(2, customer);
            }
            statement.setBigDecimal(3, new java.math.BigDecimal((i % 100) + ".50"));
            statement.setString(4, note);
        });
        insert("INSERT INTO " + database.quoted("partsupp") + " VALUES (?, ?)", 800, (statement, i) -> {
            statement.setInt(1, (i - 1) / 4 + 1);
            statement.setInt(2, (i - 1) % 4 + 1);
        });
        insert("INSERT INTO " + database.quoted("lineitem") + " VALUES (?, ?)", LINEITEMS, (statement, i) -> {
            if (i % 50 == 0) {
                statement.setNull(1, java.sql.Types.INTEGER);
            } else {
                statement.setInt(1, i % 210 + 1);
            }
            statement.setInt(2, i % 4 + 1);
        });
        insert("INSERT INTO " + database.quoted(HOSTILE) + " VALUES (?)", 10, (statement, i) -> statement.setInt(1, i));
        insert("INSERT INTO " + database.quoted("x") + " VALUES (?)", 1, (statement, i) -> statement.setInt(1, i));
        database.admin().commit();
        database.admin().setAutoCommit(true);
        database.analyze("customer", "orders", "partsupp", "lineitem", "x", HOSTILE);

        String schema = database.schema();
        snapshot = Snapshots.of(
                Snapshots.table(schema, "customer")
                        .column("id", "bigint", TypeFamily.INTEGER)
                        .column("code", "varchar", TypeFamily.STRING)
                        .primaryKey("id").build(),
                Snapshots.table(schema, "orders")
                        .column("id", "int", TypeFamily.INTEGER)
                        .column("customer_id", "int", TypeFamily.INTEGER)
                        .column("amount", "decimal", TypeFamily.DECIMAL)
                        .column("note", "varchar", TypeFamily.STRING)
                        .primaryKey("id").build(),
                Snapshots.table(schema, "partsupp")
                        .column("ps_partkey", "int", TypeFamily.INTEGER)
                        .column("ps_suppkey", "int", TypeFamily.INTEGER)
                        .primaryKey("ps_partkey", "ps_suppkey").build(),
                Snapshots.table(schema, "lineitem")
                        .column("l_partkey", "int", TypeFamily.INTEGER)
                        .column("l_suppkey", "int", TypeFamily.INTEGER).build(),
                Snapshots.table(schema, "x").column("id", "int", TypeFamily.INTEGER).build(),
                Snapshots.table(schema, HOSTILE).column(HOSTILE, "int", TypeFamily.INTEGER).build());
    }

    @AfterAll
    void dropData() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** The table name as CREATE INDEX takes it (MariaDB and PostgreSQL want it qualified, SQLite not). */
    String indexTable(String table) {
        return database.quoted(table);
    }

    static Integer orderCustomer(int order) {
        if (order % 10 == 0) {
            return null;
        }
        return order % 1050 + 1;
    }

    TableName table(String name) {
        return TableName.of(database.schema(), name);
    }

    Statistics collect(StatisticsLevel level, ProfileSettings settings) {
        return new JdbcStatisticsProvider(database.reader(), database.dialect(), settings)
                .collect(snapshot, level, ProgressListener.NONE);
    }

    ColumnStatistics column(Statistics statistics, String table, String column) {
        return statistics.table(table(table)).orElseThrow().column(column).orElseThrow();
    }

    @Test
    void metadataLevelReadsNothing() {
        assertThat(collect(StatisticsLevel.METADATA, ProfileSettings.DEFAULTS).tables()).isEmpty();
    }

    @Test
    void fullLevelCountsExactly() {
        Statistics statistics = collect(StatisticsLevel.FULL, ProfileSettings.DEFAULTS);

        TableStatistics orders = statistics.table(table("orders")).orElseThrow();
        assertThat(orders.origin()).isEqualTo(StatisticsOrigin.FULL);
        assertThat(orders.rows()).isEqualTo(ORDERS);
        assertThat(orders.exactRows()).isTrue();

        Set<Integer> customers = new TreeSet<>();
        long nulls = 0;
        for (int i = 1; i <= ORDERS; i++) {
            Integer customer = orderCustomer(i);
            if (customer == null) {
                nulls++;
            } else {
                customers.add(customer);
            }
        }
        ColumnStatistics customerId = orders.column("customer_id").orElseThrow();
        assertThat(customerId.origin()).isEqualTo(StatisticsOrigin.FULL);
        assertThat(customerId.rows()).hasValue(ORDERS);
        assertThat(customerId.nulls()).hasValue(nulls);
        assertThat(customerId.distinct()).contains(DistinctCount.exact(customers.size()));
        // 1 never occurs: every order number giving it is a multiple of 10, whose customer is NULL
        assertThat(customerId.min()).contains("2");
        assertThat(customerId.max()).contains("1050");
        assertThat(customerId.values().orElseThrow()).hasSize(customers.size()).startsWith("2", "3", "4")
                .endsWith("1050");
        assertThat(customerId.sketch()).isPresent();
        assertThat(customerId.unique()).contains(false);

        ColumnStatistics amount = orders.column("amount").orElseThrow();
        assertThat(amount.min()).contains("0.5");
        assertThat(amount.max()).contains("99.5");
        assertThat(amount.distinct()).contains(DistinctCount.exact(100));

        ColumnStatistics id = column(statistics, "customer", "id");
        assertThat(id.distinct()).contains(DistinctCount.exact(CUSTOMERS));
        assertThat(id.unique()).contains(true);
        assertThat(id.min()).contains("1");
        assertThat(id.max()).contains("1000");
        ColumnStatistics code = column(statistics, "customer", "code");
        assertThat(code.min()).contains("C1");
        assertThat(code.max()).contains("C999");
        assertThat(code.averageWidth().getAsDouble()).isBetween(2.0, 5.0);

        // the int column's values are found in the bigint key: canonical text is shared
        Containment estimated = ValueOverlap.containment(customerId, id).orElseThrow();
        assertThat(estimated.exact()).isTrue();
        assertThat(estimated.foundValues()).isEqualTo(customers.stream().filter(value -> value <= CUSTOMERS).count());
        assertThat(estimated.distinctValues()).isEqualTo(customers.size());
    }

    @Test
    void distinctBudgetMovesTheLargestColumnToItsSketch() {
        Statistics statistics = collect(StatisticsLevel.FULL, new ProfileSettings(100_000, 500, 10_000, 12));

        ColumnStatistics id = column(statistics, "customer", "id");
        assertThat(id.distinct()).contains(DistinctCount.estimated(CUSTOMERS));
        assertThat(id.values()).isEmpty();
        assertThat(id.min()).contains("1");
        assertThat(id.max()).contains("1000");
        assertThat(id.sketch()).isPresent();
    }

    @Test
    void sampleLevelReadsAtMostTheSampleSize() {
        Statistics statistics = collect(StatisticsLevel.SAMPLE, new ProfileSettings(100, 1_000_000, 10_000, 12));

        TableStatistics orders = statistics.table(table("orders")).orElseThrow();
        assertThat(orders.origin()).isEqualTo(StatisticsOrigin.SAMPLE);
        assertThat(orders.exactRows()).isFalse();
        assertThat(orders.column("customer_id").orElseThrow().rows()).hasValue(100);
        assertThat(orders.column("customer_id").orElseThrow().origin()).isEqualTo(StatisticsOrigin.SAMPLE);
        // a table smaller than the sample is read whole
        TableStatistics hostile = statistics.table(table(HOSTILE)).orElseThrow();
        assertThat(hostile.rows()).isEqualTo(10);
        assertThat(hostile.exactRows()).isTrue();
    }

    @Test
    void engineLevelReadsWhatTheDatabaseKeeps() {
        Statistics statistics = collect(StatisticsLevel.ENGINE, ProfileSettings.DEFAULTS);

        TableStatistics orders = statistics.table(table("orders")).orElseThrow();
        assertThat(orders.origin()).isEqualTo(StatisticsOrigin.ENGINE);
        assertThat(orders.exactRows()).isFalse();
        assertThat((double) orders.rows()).isCloseTo(ORDERS, within(ORDERS * 0.2));
        ColumnStatistics customerId = orders.column("customer_id").orElseThrow();
        assertThat(customerId.origin()).isEqualTo(StatisticsOrigin.ENGINE);
        assertThat(customerId.distinct().orElseThrow().exact()).isFalse();
        assertThat((double) customerId.distinct().orElseThrow().value()).isCloseTo(945, within(945 * 0.3));
        ColumnStatistics id = column(statistics, "customer", "id");
        assertThat((double) id.distinct().orElseThrow().value()).isCloseTo(CUSTOMERS, within(CUSTOMERS * 0.2));
    }

    @Test
    void probeCountsIntegerValuesInBigintKeyWithOrphans() {
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());

        Containment containment = probe.containment(ColumnSet.of(table("orders"), "customer_id"),
                ColumnSet.of(table("customer"), "id")).orElseThrow();

        Set<Integer> distinct = new HashSet<>();
        Set<Integer> found = new HashSet<>();
        long orphans = 0;
        for (int i = 1; i <= ORDERS; i++) {
            Integer customer = orderCustomer(i);
            if (customer != null) {
                distinct.add(customer);
                if (customer > CUSTOMERS) {
                    orphans++;
                } else {
                    found.add(customer);
                }
            }
        }
        assertThat(orphans).isPositive();
        assertThat(containment).isEqualTo(new Containment(distinct.size(), found.size(), orphans, true));
    }

    @Test
    void probeChecksCompositeKeys() {
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());

        Containment containment = probe.containment(ColumnSet.of(table("lineitem"), "l_partkey", "l_suppkey"),
                ColumnSet.of(table("partsupp"), "ps_partkey", "ps_suppkey")).orElseThrow();

        Set<String> distinct = new HashSet<>();
        Set<String> found = new HashSet<>();
        long orphans = 0;
        for (int i = 1; i <= LINEITEMS; i++) {
            if (i % 50 == 0) {
                continue;
            }
            int part = i % 210 + 1;
            String tuple = part + "/" + (i % 4 + 1);
            distinct.add(tuple);
            if (part <= 200) {
                found.add(tuple);
            } else {
                orphans++;
            }
        }
        assertThat(containment).isEqualTo(new Containment(distinct.size(), found.size(), orphans, true));
    }

    @Test
    void probeCapMarksTheAnswerInexact() {
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect(), 10);

        Containment containment = probe.containment(ColumnSet.of(table("orders"), "customer_id"),
                ColumnSet.of(table("customer"), "id")).orElseThrow();

        assertThat(containment.exact()).isFalse();
        assertThat(containment.orphanRows()).isEqualTo(-1);
        assertThat(containment.distinctValues()).isEqualTo(11);
    }

    @Test
    void probeOfMissingColumnAnswersEmpty() {
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());

        assertThat(probe.containment(ColumnSet.of(table("orders"), "no_such_column"),
                ColumnSet.of(table("customer"), "id"))).isEmpty();
        // and the session is still usable afterwards
        assertThat(probe.containment(ColumnSet.of(table("x"), "id"), ColumnSet.of(table("customer"), "id")))
                .contains(new Containment(1, 1, 0, true));
    }

    @Test
    void hostileNamesAreReadLiterallyAndNothingIsDropped() throws SQLException {
        for (StatisticsLevel level : StatisticsLevel.values()) {
            collect(level, ProfileSettings.DEFAULTS);
        }
        Statistics statistics = collect(StatisticsLevel.FULL, ProfileSettings.DEFAULTS);
        ColumnStatistics hostile = column(statistics, HOSTILE, HOSTILE);
        assertThat(hostile.distinct()).contains(DistinctCount.exact(10));
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());
        assertThat(probe.containment(ColumnSet.of(table(HOSTILE), HOSTILE), ColumnSet.of(table("customer"), "id")))
                .contains(new Containment(10, 10, 0, true));

        try (Statement statement = database.admin().createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + database.quoted("x"))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    /**
     * {@code comments(commentable_type, commentable_id)}: the 'Post' rows hold ids 1..10, all posts and, by
     * accident, all photos too; the 'Photo' rows hold ids 50..60, posts but no photos. Mixed together the column
     * looks half contained in photos; per partition the photos edge has nothing.
     */
    @Test
    void probeChecksEachPolymorphicPartitionOnItsOwn() throws SQLException {
        createComments();
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());
        ColumnSet commentable = ColumnSet.of(table("comments"), "commentable_id");
        ColumnSet posts = ColumnSet.of(table("posts"), "id");
        ColumnSet photos = ColumnSet.of(table("photos"), "id");

        assertThat(probe.containment(commentable, posts, where("Post"))).contains(new Containment(10, 10, 0, true));
        assertThat(probe.containment(commentable, photos, where("Photo"))).contains(new Containment(11, 0, 22, true));
        // the same column unpartitioned: what a probe that ignored the discriminator would have said
        assertThat(probe.containment(commentable, photos)).contains(new Containment(21, 10, 22, true));
        assertThat(probe.containment(commentable, posts, where("Nobody"))).contains(new Containment(0, 0, 0, true));
    }

    @Test
    void hostileDiscriminatorValueIsData() throws SQLException {
        createComments();
        JdbcValueProbe probe = new JdbcValueProbe(database.reader(), database.dialect());

        assertThat(probe.containment(ColumnSet.of(table("comments"), "commentable_id"), ColumnSet.of(table("posts"), "id"),
                where(HOSTILE_VALUE))).contains(new Containment(1, 1, 0, true));
        assertThat(probe.containment(ColumnSet.of(table("comments"), "commentable_id"), ColumnSet.of(table("posts"), "id"),
                where("x' OR '1'='1"))).contains(new Containment(0, 0, 0, true));
        try (Statement statement = database.admin().createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + database.quoted("x"))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    static Optional<Discriminator> where(String value) {
        return Optional.of(new Discriminator("commentable_type", value));
    }

    /** Creates posts, photos and comments once per database. */
    void createComments() throws SQLException {
        if (commentsCreated) {
            return;
        }
        String integer = database.integerType();
        database.execute("CREATE TABLE " + database.quoted("posts") + " (id " + integer + " PRIMARY KEY)");
        database.execute("CREATE TABLE " + database.quoted("photos") + " (id " + integer + " PRIMARY KEY)");
        database.execute("CREATE TABLE " + database.quoted("comments") + " (id " + integer
                + " PRIMARY KEY, commentable_type VARCHAR(40), commentable_id " + integer + ")");
        insert("INSERT INTO " + database.quoted("posts") + " VALUES (?)", 100, (statement, i) -> statement.setInt(1, i));
        insert("INSERT INTO " + database.quoted("photos") + " VALUES (?)", 10, (statement, i) -> statement.setInt(1, i));
        // rows 1..20: Post 1..10 twice; rows 21..42: Photo 50..60 twice; row 43: the hostile type, post 7
        insert("INSERT INTO " + database.quoted("comments") + " VALUES (?, ?, ?)", 43, (statement, i) -> {
            statement.setInt(1, i);
            if (i <= 20) {
                statement.setString(2, "Post");
                statement.setInt(3, (i - 1) % 10 + 1);
            } else if (i <= 42) {
                statement.setString(2, "Photo");
                statement.setInt(3, 50 + (i - 21) % 11);
            } else {
                statement.setString(2, HOSTILE_VALUE);
                statement.setInt(3, 7);
            }
        });
        commentsCreated = true;
    }

    @FunctionalInterface
    interface RowFiller {
        void fill(PreparedStatement statement, int row) throws SQLException;
    }

    void insert(String sql, int rows, RowFiller filler) throws SQLException {
        try (PreparedStatement statement = database.admin().prepareStatement(sql)) {
            for (int i = 1; i <= rows; i++) {
                filler.fill(statement, i);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    Table snapshotTable(String name) {
        return snapshot.table(table(name)).orElseThrow();
    }
}
