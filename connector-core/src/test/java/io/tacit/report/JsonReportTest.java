package io.tacit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunWarning;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final String GOLDEN = "/io/tacit/report/golden-report.json";

    @Test
    void matchesTheGoldenFile() throws IOException {
        String actual = JsonReport.render(SampleResults.result("tacit-20261130T120000Z-0000abcd",
                Instant.parse("2026-11-30T12:00:00Z")));
        String expected;
        try (InputStream in = JsonReportTest.class.getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected) && Boolean.getBoolean("tacit.updateGolden")) {
            Files.writeString(Path.of("src/test/resources" + GOLDEN), actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void twoRunsDifferOnlyInRunIdAndTimes() {
        String first = JsonReport.render(SampleResults.result("tacit-20261130T120000Z-0000abcd",
                Instant.parse("2026-11-30T12:00:00Z")));
        String second = JsonReport.render(SampleResults.result("tacit-20261201T090000Z-ffff0000",
                Instant.parse("2026-12-01T09:00:00.123Z")));
        assertThat(first).isNotEqualTo(second);
        assertThat(normalize(first)).isEqualTo(normalize(second));
    }

    @Test
    void relationshipsCarryTheDocumentedFields() throws IOException {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(SampleResults.result(
                "tacit-20261130T120000Z-0000abcd", Instant.parse("2026-11-30T12:00:00Z"))));
        assertThat(root.fieldNames()).toIterable().containsExactly("formatVersion", "runId", "toolVersion",
                "startedAt", "source", "product", "level", "summary", "relationships", "tables", "warnings", "timings");
        JsonNode first = root.path("relationships").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("from", "to", "kind", "origin", "cardinality",
                "confidence", "evidence", "provenance");
        assertThat(first.path("from").path("table").asText()).isEqualTo("orders");
        assertThat(first.path("origin").asText()).isEqualTo("DECLARED");
        JsonNode second = root.path("relationships").get(1);
        assertThat(second.path("discriminator").path("value").asText()).isEqualTo("Order");
        assertThat(second.path("confidence").asDouble()).isEqualTo(0.8765);
        assertThat(second.path("evidence").get(1).path("contribution").asDouble()).isEqualTo(2.5123);
        assertThat(second.path("provenance").path("runId").asText()).isEqualTo("tacit-20261130T120000Z-0000abcd");
    }

    @Test
    void warningsAndTableStatusesSayWhatTheRunSkipped() throws IOException {
        InferenceResult sample = SampleResults.result("tacit-20261130T120000Z-0000abcd", Instant.parse("2026-11-30T12:00:00Z"));
        InferenceResult result = new InferenceResult(sample.run(), sample.snapshot(), StatisticsLevel.FULL,
                sample.relationships(), sample.candidatesConsidered(), sample.stageMillis(),
                Map.of(SampleResults.USERS, StatisticsOrigin.FULL, SampleResults.ORDERS, StatisticsOrigin.ENGINE,
                        SampleResults.REVIEWS, StatisticsOrigin.FULL),
                List.of(RunWarning.of(SampleResults.ORDERS, RunWarning.PROFILE,
                                "not profiled, kept the engine's statistics: waited too long for a lock on public.orders"),
                        RunWarning.of(SampleResults.REVIEWS, RunWarning.CONTAINMENT, "check lost"),
                        new RunWarning(Optional.empty(), RunWarning.ENGINE_STATISTICS, "schema x unavailable")));

        JsonNode root = new ObjectMapper().readTree(JsonReport.render(result));

        assertThat(root.path("summary").path("warnings").asInt()).isEqualTo(3);
        JsonNode warnings = root.path("warnings");
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0).fieldNames()).toIterable().containsExactly("schema", "table", "stage", "problem");
        assertThat(warnings.get(0).path("table").asText()).isEqualTo("orders");
        assertThat(warnings.get(0).path("stage").asText()).isEqualTo("profile");
        assertThat(warnings.get(0).path("problem").asText()).contains("lock on public.orders");
        assertThat(warnings.get(2).path("table").isNull()).isTrue();
        JsonNode tables = root.path("tables");
        assertThat(tables).hasSize(3);
        // snapshot order: orders, reviews, users
        assertThat(tables.get(0).path("table").asText()).isEqualTo("orders");
        assertThat(tables.get(0).path("statistics").asText()).isEqualTo("engine");
        assertThat(tables.get(0).path("status").asText()).isEqualTo("skipped");
        assertThat(tables.get(1).path("status").asText()).isEqualTo("incomplete");
        assertThat(tables.get(2).path("statistics").asText()).isEqualTo("full");
        assertThat(tables.get(2).path("status").asText()).isEqualTo("ok");
    }

    /** Blanks what legitimately differs between runs: the run id and every time. */
    public static String normalize(String json) {
        return json.replaceAll("tacit-\\d{8}T\\d{6}Z-[0-9a-f]{8}", "RUN")
                .replaceAll("\"(startedAt|time)\": \"[^\"]*\"", "\"$1\": \"TIME\"")
                .replaceAll("(?s)\"timings\": \\{.*?}", "\"timings\": {}");
    }
}
