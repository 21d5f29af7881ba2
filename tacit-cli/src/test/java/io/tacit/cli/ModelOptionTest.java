package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.scoring.ScoringModel;
import io.tacit.testing.TestingSqlite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model FILE} on discover and evaluate, against a small SQLite shop. */
class ModelOptionTest {
    private static final String EDGE = "main.orders(user_id)";

    @TempDir
    Path folder;

    private TestingSqlite database;

    @BeforeEach
    void createShop() {
        database = new TestingSqlite();
        database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, total INTEGER)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
                        + "INSERT INTO users SELECT i, 'u' || i || '@example.com' FROM n",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                        + "INSERT INTO orders SELECT i, i % 50 + 1, i * 3 FROM n");
    }

    @AfterEach
    void dropShop() {
        database.close();
    }

    @Test
    void discoverScoresWithTheGivenModel() throws IOException {
        Path copy = write("shipped-copy.txt", ScoringModel.committed().format(List.of("copy")));
        Path doubtful = write("doubtful.txt", "intercept -40\nweight name-affinity.matched 1\n");

        CliRun shipped = discover();
        CliRun sameModel = discover("--model", copy.toString());
        CliRun other = discover("--model", doubtful.toString());

        assertThat(shipped.exitCode()).as(shipped.toString()).isZero();
        assertThat(shipped.out()).contains(EDGE);
        assertThat(sameModel.exitCode()).as(sameModel.toString()).isZero();
        assertThat(sameModel.out()).isEqualTo(shipped.out());
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(other.out()).doesNotContain(EDGE);
    }

    @Test
    void discoverWithABadModelFileIsOneConfigErrorNamingFileAndLine() throws IOException {
        Path bad = write("bad.txt", "intercept -1\nweight name-affinity.matched\n");

        CliRun run = discover("--model", bad.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("inference.model", "scoring model file " + bad + " line 2: expected "
                + "'weight <feature> <w>'", "scripts/train-model.sh");
        assertThat(run.err().lines().filter(line -> line.contains("scoring model file"))).hasSize(1);

        CliRun missing = discover("--model", folder.resolve("absent.txt").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("scoring model file " + folder.resolve("absent.txt") + " does not exist");
    }

    @Test
    void evaluateScoresALoadedDatabaseWithTheGivenModel() throws IOException {
        Path truth = write("truth.csv", "fk_table,fk_columns,pk_table,pk_columns\nmain.orders,user_id,main.users,id\n");
        Path doubtful = write("doubtful.txt", "intercept -40\nweight name-affinity.matched 1\n");
        Path bad = write("bad.txt", "intercept -1\ncalibration 2 0.5\nweight a 1\n");

        CliRun shipped = evaluate(truth, "--format", "json");
        CliRun other = evaluate(truth, "--format", "json", "--model", doubtful.toString());
        CliRun broken = evaluate(truth, "--model", bad.toString());

        assertThat(shipped.exitCode()).as(shipped.toString()).isZero();
        assertThat(shipped.out()).contains("\"recall\" : 1.0", "\"model\" : \"shipped model\"");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(other.out()).contains("\"recall\" : 0.0", "\"model\" : \"" + doubtful + "\"");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err()).contains("scoring model file " + bad + " line 2: calibration points are "
                + "probabilities between 0 and 1");
    }

    private CliRun discover(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("discover", "--jdbc-url", database.jdbcUrl(),
                "--level", "full"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun evaluate(Path truth, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--jdbc-url", database.jdbcUrl(),
                "--truth", truth.toString(), "--level", "full"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
