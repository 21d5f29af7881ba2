package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end on the real PostgreSQL with sakila from the shared benchmarks, loaded by the benchmarks'
 * own {@code load-postgres.sh}: {@code discover --level full --ignore-declared --format json} must find at
 * least 80% of the truth edges at a precision of 0.8 or better, and two runs must write the same JSON apart
 * from run id and times.
 */
class SakilaDiscoveryIT {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "tacit_cli_sakila_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static Path dataset;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadSakila() throws Exception {
        dataset = Path.of(System.getProperty("tacit.benchmarks", "../../shared/benchmarks")).resolve("sakila")
                .toAbsolutePath().normalize();
        assertThat(dataset.resolve("schema.sql")).as("sakila benchmark").exists();
        ProcessBuilder builder = new ProcessBuilder("bash", dataset.getParent().resolve("load-postgres.sh").toString(),
                dataset.toString(), DATABASE);
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", "5432");
        builder.environment().put("PGUSER", "postgres");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
    }

    @AfterAll
    static void dropSakila() throws Exception {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void findsSakilasUndeclaredForeignKeys() throws IOException {
        Path first = discover("first.json");
        Set<String> predicted = new HashSet<>();
        for (JsonNode relationship : new ObjectMapper().readTree(first.toFile()).path("relationships")) {
            assertThat(relationship.path("origin").asText()).isNotEqualTo("DECLARED");
            predicted.add(edge(relationship.path("from")) + "," + edge(relationship.path("to")));
        }
        Set<String> truth = new HashSet<>();
        List<String> lines = Files.readAllLines(dataset.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                truth.add(line.strip());
            }
        }
        long truePositives = predicted.stream().filter(truth::contains).count();
        double precision = predicted.isEmpty() ? 0 : (double) truePositives / predicted.size();
        double recall = (double) truePositives / truth.size();
        System.out.printf(Locale.ROOT, "sakila: %d predicted, %d truth, %d correct: precision %.3f, recall %.3f%n",
                predicted.size(), truth.size(), truePositives, precision, recall);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.8);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void twoRunsWriteTheSameJsonApartFromRunIdAndTimes() throws IOException {
        String first = Files.readString(discover("a.json"));
        String second = Files.readString(discover("b.json"));
        assertThat(first).isNotEqualTo(second);
        assertThat(normalize(second)).isEqualTo(normalize(first));
    }

    private Path discover(String file) {
        Path out = folder.resolve(file);
        CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "--user", "root", "--level", "full", "--ignore-declared", "--format", "json", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out;
    }

    private static String edge(JsonNode side) {
        List<String> columns = new java.util.ArrayList<>();
        side.path("columns").forEach(column -> columns.add(column.asText()));
        return side.path("schema").asText() + "." + side.path("table").asText() + "," + String.join("+", columns);
    }

    static String normalize(String json) {
        return json.replaceAll("tacit-\\d{8}T\\d{6}Z-[0-9a-f]{8}", "RUN")
                .replaceAll("\"(startedAt|time)\": \"[^\"]*\"", "\"$1\": \"TIME\"")
                .replaceAll("(?s)\"timings\": \\{.*?}", "\"timings\": {}");
    }
}
