package io.tacit.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import io.tacit.testing.TestingMariaDb;
import io.tacit.testing.TestingPostgres;
import io.tacit.testing.TestingSqlite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Discovery end to end on each real engine with a Rails-style polymorphic pair: {@code comments.commentable_id}
 * holds post ids in its {@code 'Post'} rows and, in its {@code 'Photo'} rows, ids that are not photos (they are
 * posts). Names alone propose both edges; at level {@code full} the probe checks each partition, keeps the posts
 * edge with its evidence and drops the photos edge (or at least lowers it below the confidence the same
 * statistics give it without the probe).
 */
class PolymorphicDiscoveryIT {
    private static final String POST = "(commentable_id)->%s(id)[commentable_type=Post]";
    private static final String PHOTO = "(commentable_id)->%s(id)[commentable_type=Photo]";

    @Test
    void postgres() {
        try (TestingPostgres database = new TestingPostgres("tacit_poly")) {
            check(database::execute, database.settings(), "public");
        }
    }

    @Test
    void mariaDb() {
        try (TestingMariaDb database = new TestingMariaDb("tacit_poly")) {
            check(database::execute, database.settings(), database.database());
        }
    }

    @Test
    void sqlite() {
        try (TestingSqlite database = new TestingSqlite()) {
            check(database::execute, database.settings(), "main");
        }
    }

    private static void check(Consumer<String[]> execute, ConnectionSettings settings, String schema) {
        execute.accept(schema());
        String posts = schema + ".posts";
        String photos = schema + ".photos";
        String comments = schema + ".comments";

        Optional<Relationship> photoUnprobed = find(withoutProbe(settings), comments + PHOTO.formatted(photos));
        assertThat(photoUnprobed).as("names and type values alone choose the photos edge").isPresent();
        InferenceResult full = discover(settings, StatisticsLevel.FULL);

        Relationship post = find(full, comments + POST.formatted(posts)).orElseThrow();
        assertThat(post.provenance().evidence()).extracting(Evidence::detail).contains(
                "100.0% of 40 distinct values where commentable_type = 'Post' found in " + posts + "(id) (exact), "
                        + "0 orphan rows; 0 missing");
        Optional<Relationship> photo = find(full, comments + PHOTO.formatted(photos));
        photo.ifPresent(lowered -> {
            assertThat(lowered.confidence()).isLessThan(photoUnprobed.get().confidence());
            assertThat(lowered.provenance().evidence()).extracting(Evidence::detail).anyMatch(detail ->
                    detail.startsWith("0.0% of 30 distinct values where commentable_type = 'Photo'"));
        });
        assertThat(photo).as("the photos edge whose partition holds no photo id").isEmpty();
    }

    private static String[] schema() {
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL)",
                "CREATE TABLE photos (id INTEGER PRIMARY KEY, url VARCHAR(200) NOT NULL)",
                "CREATE TABLE comments (id INTEGER PRIMARY KEY, commentable_type VARCHAR(20) NOT NULL, "
                        + "commentable_id INTEGER NOT NULL, body VARCHAR(200))"));
        statements.add(insert("posts", 100, i -> i + ", 'post " + i + "'"));
        statements.add(insert("photos", 30, i -> i + ", 'https://example.com/" + i + ".jpg'"));
        // Post rows: posts 1..40; Photo rows: ids 41..70, which are posts but no photos (photos end at 30)
        statements.add(insert("comments", 140, i -> i % 2 == 0
                ? i + ", 'Post', " + (i / 2 % 40 + 1) + ", 'nice'"
                : i + ", 'Photo', " + (i / 2 % 30 + 41) + ", 'pretty'"));
        return statements.toArray(String[]::new);
    }

    private static String insert(String table, int rows, java.util.function.IntFunction<String> row) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            values.add("(" + row.apply(i) + ")");
        }
        return "INSERT INTO " + table + " VALUES " + String.join(", ", values);
    }

    /** The same statistics as level full, but no probe: what inference concludes without checking partitions. */
    private static InferenceResult withoutProbe(ConnectionSettings settings) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE).withoutDeclared();
            Statistics statistics = source.statistics().collect(snapshot, StatisticsLevel.FULL, ProgressListener.NONE);
            return new RelationshipInference(InferenceSettings.DEFAULTS).infer(RunContext.start(ToolVersion.current()),
                    snapshot, statistics, ValueProbe.NONE, ProgressListener.NONE);
        }
    }

    private static Optional<Relationship> find(InferenceResult result, String key) {
        return result.relationships().stream().filter(relationship -> relationship.key().equals(key)).findFirst();
    }

    private static InferenceResult discover(ConnectionSettings settings, StatisticsLevel level) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            return new DiscoveryPipeline(new RelationshipInference(InferenceSettings.DEFAULTS), ProgressListener.NONE)
                    .discover(RunContext.start(ToolVersion.current()), source,
                            new DiscoveryOptions(SchemaFilter.all(), level, true, InferenceSettings.DEFAULTS));
        }
    }
}
