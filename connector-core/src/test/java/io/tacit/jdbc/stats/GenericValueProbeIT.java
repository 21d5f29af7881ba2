package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.dialect.generic.GenericDialect;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.TableName;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The polymorphic partition probe on the generic dialect (any JDBC database), against in-memory H2. */
class GenericValueProbeIT {
    @Test
    void checksOnePartitionWithTheValueBoundAsData() throws Exception {
        String url = "jdbc:h2:mem:tacit_probe_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE posts (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE photos (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE comments (id INT PRIMARY KEY, commentable_type VARCHAR(40), commentable_id INT)");
            statement.execute("CREATE TABLE x (id INT)");
            statement.execute("INSERT INTO posts SELECT X FROM SYSTEM_RANGE(1, 100)");
            statement.execute("INSERT INTO photos SELECT X FROM SYSTEM_RANGE(1, 10)");
            statement.execute("INSERT INTO x VALUES (1)");
            // Post rows: posts 1..10 (all photos too); Photo rows: 50..60, no photo; one hostile type, post 7
            statement.execute("INSERT INTO comments SELECT X, 'Post', MOD(X - 1, 10) + 1 FROM SYSTEM_RANGE(1, 20)");
            statement.execute("INSERT INTO comments SELECT X, 'Photo', 50 + MOD(X - 21, 11) FROM SYSTEM_RANGE(21, 42)");
            statement.execute("INSERT INTO comments VALUES (43, '''; drop table x; --', 7)");
            GenericDialect dialect = new GenericDialect("h2", "\"", Duration.ofSeconds(30));
            JdbcValueProbe probe = new JdbcValueProbe(connection, dialect);
            ColumnSet commentable = ColumnSet.of(TableName.of("PUBLIC", "COMMENTS"), "COMMENTABLE_ID");
            ColumnSet posts = ColumnSet.of(TableName.of("PUBLIC", "POSTS"), "ID");
            ColumnSet photos = ColumnSet.of(TableName.of("PUBLIC", "PHOTOS"), "ID");

            assertThat(probe.containment(commentable, posts, where("Post"))).contains(new Containment(10, 10, 0, true));
            assertThat(probe.containment(commentable, photos, where("Photo"))).contains(new Containment(11, 0, 22, true));
            assertThat(probe.containment(commentable, photos)).contains(new Containment(21, 10, 22, true));
            assertThat(probe.containment(commentable, posts, where("'; drop table x; --")))
                    .contains(new Containment(1, 1, 0, true));
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM x")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    private static Optional<Discriminator> where(String value) {
        return Optional.of(new Discriminator("COMMENTABLE_TYPE", value));
    }
}
