package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.run.DiscoveryOptions;
import io.tacit.run.DiscoveryPipeline;
import io.tacit.run.ToolVersion;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.TestingMariaDb;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB and MySQL the database named in the URL is the default scope, as the database is on PostgreSQL:
 * two unrelated databases on one server must not be read together, nor joined by inferred edges, unless the
 * user names both.
 */
class MariaDbDefaultScopeIT {
    private static TestingMariaDb shop;
    private static TestingMariaDb blog;

    @BeforeAll
    static void createDatabases() {
        shop = new TestingMariaDb("tacit_scope_a");
        blog = new TestingMariaDb("tacit_scope_b");
        shop.execute(
                "CREATE TABLE users (id int PRIMARY KEY)",
                "CREATE TABLE orders (id int PRIMARY KEY, user_id int)",
                "INSERT INTO users SELECT seq FROM seq_1_to_50",
                "INSERT INTO orders SELECT seq, seq % 50 + 1 FROM seq_1_to_200");
        blog.execute(
                "CREATE TABLE users (id int PRIMARY KEY)",
                "CREATE TABLE posts (id int PRIMARY KEY, user_id int)",
                "INSERT INTO users SELECT seq FROM seq_1_to_60",
                "INSERT INTO posts SELECT seq, seq % 60 + 1 FROM seq_1_to_300");
    }

    @AfterAll
    static void dropDatabases() {
        if (blog != null) {
            blog.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void readsOnlyTheDatabaseInTheUrlByDefault() {
        try (JdbcSource source = JdbcSource.open(shop.settings())) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            assertThat(snapshot.tables()).extracting(Table::name).containsExactly(
                    TableName.of(shop.database(), "orders"), TableName.of(shop.database(), "users"));
        }
    }

    @Test
    void infersNoEdgeAcrossDatabasesByDefault() {
        for (StatisticsLevel level : List.of(StatisticsLevel.METADATA, StatisticsLevel.SAMPLE)) {
            InferenceResult result = discover(shop.settings(), SchemaFilter.all(), level);
            assertThat(result.relationships()).as("relationships at " + level).isNotEmpty().allSatisfy(relationship -> {
                assertThat(relationship.from().table().schema()).isEqualTo(shop.database());
                assertThat(relationship.to().table().schema()).isEqualTo(shop.database());
            });
            assertThat(result.relationships()).extracting(relationship -> relationship.key()).contains(
                    shop.database() + ".orders(user_id)->" + shop.database() + ".users(id)");
        }
    }

    @Test
    void namedSchemasWinOverTheUrlsDatabase() {
        try (JdbcSource source = JdbcSource.open(shop.settings())) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.schemas(List.of(shop.database(), blog.database())),
                    ProgressListener.NONE);
            assertThat(snapshot.tables()).extracting(Table::name).containsExactlyInAnyOrder(
                    TableName.of(shop.database(), "orders"), TableName.of(shop.database(), "users"),
                    TableName.of(blog.database(), "posts"), TableName.of(blog.database(), "users"));
        }
        try (JdbcSource source = JdbcSource.open(shop.settings())) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.schemas(List.of(blog.database())), ProgressListener.NONE);
            assertThat(snapshot.tables()).extracting(Table::name).containsExactly(
                    TableName.of(blog.database(), "posts"), TableName.of(blog.database(), "users"));
        }
    }

    @Test
    void readsEveryDatabaseButTheSystemOnesWhenTheUrlNamesNone() {
        for (String url : List.of("jdbc:mariadb://127.0.0.1:3306/", "jdbc:mariadb://127.0.0.1:3306")) {
            try (JdbcSource source = JdbcSource.open(ConnectionSettings.of(url, TestingMariaDb.USER, null))) {
                SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
                assertThat(snapshot.tables()).extracting(Table::name).as(url).contains(
                        TableName.of(shop.database(), "orders"), TableName.of(shop.database(), "users"),
                        TableName.of(blog.database(), "posts"), TableName.of(blog.database(), "users"));
                assertThat(snapshot.tables()).extracting(table -> table.name().schema()).as(url)
                        .doesNotContain("mysql", "performance_schema", "sys", "information_schema");
            }
        }
    }

    private static InferenceResult discover(ConnectionSettings settings, SchemaFilter filter, StatisticsLevel level) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            return new DiscoveryPipeline(new RelationshipInference(InferenceSettings.DEFAULTS), ProgressListener.NONE)
                    .discover(RunContext.start(ToolVersion.current()), source,
                            new DiscoveryOptions(filter, level, false, InferenceSettings.DEFAULTS));
        }
    }
}
