package io.tacit.datahub;

import static io.tacit.datahub.Fixtures.edge;
import static io.tacit.datahub.Fixtures.result;
import static io.tacit.datahub.Fixtures.run;
import static io.tacit.datahub.Fixtures.shopTables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline path: file mode writes an MCP JSON file for {@code datahub ingest} (file source). The output is
 * compared with a golden file and every proposal in it is parsed back and fed to the fake GMS, which accepts
 * only what the real server would. Regenerate the golden file with {@code -Dtacit.updateGolden=true}.
 */
class FileEmitterGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOLDEN = "/datahub/offline-mcps.golden.json";

    @TempDir
    Path folder;

    @Test
    void offlineFileMatchesTheGoldenFileAndIsAcceptedWhenIngested() throws IOException {
        Path file = folder.resolve("out/tacit-mcps.json");
        RunContext run = run("run-offline-1");
        List<Relationship> edges = List.of(
                edge(run, "orders", "customer_id", "customers", "id", 0.95),
                edge(run, "reviews", "order_id", "orders", "id", 0.62));
        Map<String, String> values = new HashMap<>(Map.of(
                "mode", "file", "filePath", file.toString(), "platform", "postgres", "database", "shop"));
        MapConfigSection section = new MapConfigSection(new DataHubPublisherFactory().settings(), values);
        DataHubPlan plan;
        PublishReport report;
        try (DataHubPublisher publisher = (DataHubPublisher) new DataHubPublisherFactory().create(section, run, false)) {
            plan = publisher.plan(result(run, shopTables(), edges), ProgressListener.NONE);
            report = publisher.apply(plan, ProgressListener.NONE);
        }
        assertThat(report.failures()).isZero();
        assertThat(plan.notes()).anyMatch(note -> note.contains("foreign keys") && note.contains("offline"));

        JsonNode written = normalise(JSON.readTree(file.toFile()));
        assertThat(written.isArray()).isTrue();
        assertThat(written.size()).isEqualTo(plan.proposalCount());
        if (Boolean.getBoolean("tacit.updateGolden")) {
            Path golden = Path.of("src/test/resources" + GOLDEN);
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
        }
        try (InputStream golden = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(golden).as("golden file " + GOLDEN).isNotNull();
            assertThat(written).isEqualTo(JSON.readTree(golden));
        }

        // parsed back: what `datahub ingest` would send, one proposal after the other, must be accepted
        FakeGms gms = new FakeGms();
        Fixtures.ingest(gms, shopTables());
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        for (JsonNode proposal : JSON.readTree(raw)) {
            assertThat(proposal.path("systemMetadata").path("runId").asText()).isEqualTo("run-offline-1");
            ObjectNode body = JSON.createObjectNode();
            body.set("proposal", proposal);
            int status = gms.ingest(body.toString()).getCode();
            assertThat(status).as(proposal.path("entityUrn").asText() + " " + proposal.path("aspectName").asText() + " "
                    + gms.violations()).isEqualTo(200);
        }
        assertThat(gms.violations()).isEmpty();
        assertThat(gms.urnsWithPrefix("urn:li:erModelRelationship:")).hasSize(2);
    }

    /** Aspect values are JSON inside a string; parse them so that the comparison ignores key order. */
    private static JsonNode normalise(JsonNode proposals) throws IOException {
        for (JsonNode proposal : proposals) {
            JsonNode aspect = proposal.path("aspect");
            if (aspect.isObject() && aspect.path("value").isTextual()) {
                ((ObjectNode) aspect).set("value", JSON.readTree(aspect.path("value").asText()));
            }
        }
        return proposals;
    }
}
