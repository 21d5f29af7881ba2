package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tacit export dbt} and the {@code dbt} sink, end to end over the demo's SQLite shop. */
class ExportDbtCommandTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path folder;

    @Test
    void exportsTheReportsEdgesIntoAHandWrittenSchemaFileAndAReRunChangesNothing() throws Exception {
        Path db = folder.resolve("shop.db");
        DemoDatabase.create(db);
        Path report = folder.resolve("report.json");
        CliRun discover = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:" + db, "--level", "full", "--format", "json",
                "--out", report.toString());
        assertThat(discover.exitCode()).as(discover.toString()).isZero();
        Path schema = Files.writeString(folder.resolve("schema.yml"), """
                version: 2
                sources:
                  - name: main
                    description: The shop
                    tables:
                      - name: order_items
                        columns:
                          - name: order_id
                            description: The order
                            data_tests: [not_null]
                """);

        CliRun export = CliRun.of("export", "dbt", "--from", report.toString(), "--out", schema.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).contains("wrote the dbt sources tests to " + schema);
        JsonNode file = YAML.readTree(schema.toFile());
        JsonNode main = file.path("sources").get(0);
        assertThat(main.path("description").asText()).isEqualTo("The shop");
        JsonNode orderId = main.path("tables").get(0).path("columns").get(0);
        assertThat(orderId.path("description").asText()).isEqualTo("The order");
        assertThat(orderId.path("data_tests").get(0).asText()).isEqualTo("not_null");
        assertThat(orderId.path("data_tests").get(1).path("relationships").path("to").asText())
                .isEqualTo("source('main', 'orders')");
        String first = Files.readString(schema);

        CliRun again = CliRun.of("export", "dbt", "--from", report.toString(), "--out", schema.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("is up to date");
        assertThat(schema).hasContent(first);

        CliRun models = CliRun.of("export", "dbt", "--from", report.toString(), "--out",
                folder.resolve("models.yml").toString(), "--as", "models", "--min-confidence", "0.99");
        assertThat(models.exitCode()).as(models.toString()).isZero();
        assertThat(Files.readString(folder.resolve("models.yml"))).doesNotContain("source(");
    }

    @Test
    void theDbtSinkWritesTheSameFileAsTheCommand() throws Exception {
        Path db = folder.resolve("shop.db");
        DemoDatabase.create(db);
        Path report = folder.resolve("report.json");
        Path fromSink = folder.resolve("sink.yml");
        Path recipe = Files.writeString(folder.resolve("recipe.yaml"), "source: {type: jdbc, url: 'jdbc:sqlite:" + db
                + "'}\ninference: {level: full}\nsinks:\n  - {type: json, path: '" + report + "'}\n"
                + "  - {type: dbt, path: '" + fromSink + "'}\n");
        CliRun run = CliRun.of("discover", "-c", recipe.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path fromCommand = folder.resolve("command.yml");
        CliRun export = CliRun.of("export", "dbt", "--from", report.toString(), "--out", fromCommand.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(fromSink).hasContent(Files.readString(fromCommand));
        assertThat(Files.readString(fromSink)).contains("source('main', 'orders')");
    }

    @Test
    void aSchemaFileWithCommentsIsRefusedWithoutForce() throws Exception {
        Path report = folder.resolve("report.json");
        Files.writeString(report, """
                {"formatVersion": 1, "runId": "r", "relationships": [{"from": {"schema": "s", "table": "a",
                 "columns": ["b_id"]}, "to": {"schema": "s", "table": "b", "columns": ["id"]}, "origin": "ORM",
                 "confidence": 0.6}], "tables": []}
                """);
        Path schema = Files.writeString(folder.resolve("schema.yml"), "# ours\nversion: 2\n");
        CliRun refused = CliRun.of("export", "dbt", "--from", report.toString(), "--out", schema.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("has comments");
        assertThat(schema).hasContent("# ours\nversion: 2");
        CliRun forced = CliRun.of("export", "dbt", "--from", report.toString(), "--out", schema.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(schema)).contains("source('s', 'b')").doesNotContain("# ours");
    }
}
