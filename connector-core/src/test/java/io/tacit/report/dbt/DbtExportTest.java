package io.tacit.report.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tacit.error.TacitException;
import io.tacit.report.JsonReport;
import io.tacit.review.ReviewDecisions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** tacit's relationships tests in a dbt schema file: which edges, the layout, and a merge that keeps people's work. */
class DbtExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String HAND_WRITTEN = """
            version: 2
            vars_note: kept
            models:
              - name: stg_orders
                description: Orders, cleaned
                columns:
                  - name: id
                    data_tests: [unique, not_null]
            sources:
              - name: public
                description: The shop database
                loader: fivetran
                tables:
                  - name: orders
                    description: One row per order
                    columns:
                      - name: customer_id
                        description: Who ordered
                        data_tests:
                          - not_null
                          - relationships:
                              to: source('public', 'customers')
                              field: id
                              config:
                                severity: warn
                      - name: status
                        data_tests:
                          - accepted_values:
                              values: [open, closed]
                  - name: payments
                    columns:
                      - name: order_id
            """;

    @TempDir
    Path folder;

    @Test
    void writesTheGoldenFileForASmallReport() throws IOException {
        List<String> warnings = new ArrayList<>();
        String text = export(OptionalDouble.of(0.8), DbtSchemaFile.Layout.SOURCES, Optional.empty(), warnings);
        assertThat(text).isEqualTo(resource("sources.yml"));
        // composite and polymorphic edges are skipped, each with a warning naming it
        assertThat(warnings).containsExactly(
                "skipped the composite edge public.order_lines(order_id, line_no)->public.shipments(order_id, line_no): "
                        + "dbt's relationships test compares one column",
                "skipped the polymorphic edge public.comments(target_id)->public.posts(id)[target_type=post]: "
                        + "dbt's relationships test has no type column");
    }

    @Test
    void modelsAreNamedByTableAndReferencedWithRef() throws IOException {
        JsonNode file = YAML.readTree(export(OptionalDouble.of(0.8), DbtSchemaFile.Layout.MODELS, Optional.empty(),
                new ArrayList<>()));
        assertThat(file.has("sources")).isFalse();
        JsonNode orders = named(file.path("models"), "orders");
        JsonNode test = named(orders.path("columns"), "customer_id").path("data_tests").get(0).path("relationships");
        assertThat(test.path("to").asText()).isEqualTo("ref('customers')");
        assertThat(test.path("field").asText()).isEqualTo("id");
    }

    @Test
    void declaredKeysAndEdgesBelowTheThresholdGetNoTest() throws IOException {
        String text = export(OptionalDouble.of(0.8), DbtSchemaFile.Layout.SOURCES, Optional.empty(), new ArrayList<>());
        assertThat(text).doesNotContain("store_id").doesNotContain("payments");
        String everything = export(OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, Optional.empty(), new ArrayList<>());
        assertThat(everything).contains("payments").doesNotContain("store_id");
    }

    @Test
    void decisionsAcceptBelowTheThresholdAndRejectAboveIt() throws IOException {
        Path decisions = Files.writeString(folder.resolve("decisions.json"), """
                {"format": "tacit-review-decisions", "formatVersion": 1, "decisions": [
                  {"decision": "reject", "from": {"schema": "public", "table": "orders", "columns": ["customer_id"]},
                   "to": {"schema": "public", "table": "customers", "columns": ["id"]}},
                  {"decision": "accept", "from": {"schema": "public", "table": "payments", "columns": ["order_id"]},
                   "to": {"schema": "public", "table": "orders", "columns": ["id"]}}]}
                """);
        JsonNode file = YAML.readTree(export(OptionalDouble.of(0.8), DbtSchemaFile.Layout.SOURCES,
                Optional.of(ReviewDecisions.load(decisions)), new ArrayList<>()));
        JsonNode tables = named(file.path("sources"), "public").path("tables");
        // orders.customer_id (0.93) was rejected, payments.order_id (0.55) accepted
        assertThat(names(tables)).containsExactly("payments", "refunds");
        JsonNode accepted = named(named(tables, "payments").path("columns"), "order_id").path("data_tests").get(0);
        assertThat(accepted.path("relationships").path("config").path("meta").path("tacit").path("confidence").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void mergeKeepsWhatPeopleWroteAndDoesNotRepeatTheirTest() throws IOException {
        Path target = Files.writeString(folder.resolve("schema.yml"), HAND_WRITTEN);
        String text = export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false);
        JsonNode before = YAML.readTree(HAND_WRITTEN);
        JsonNode after = YAML.readTree(text);
        assertThat(after.path("vars_note").asText()).isEqualTo("kept");
        assertThat(after.path("models")).isEqualTo(before.path("models"));
        JsonNode source = named(after.path("sources"), "public");
        assertThat(source.path("description").asText()).isEqualTo("The shop database");
        assertThat(source.path("loader").asText()).isEqualTo("fivetran");
        JsonNode orders = named(source.path("tables"), "orders");
        assertThat(orders.path("description").asText()).isEqualTo("One row per order");
        // the hand-written relationships test is the same edge: kept as written, not repeated
        assertThat(named(orders.path("columns"), "customer_id"))
                .isEqualTo(named(named(named(before.path("sources"), "public").path("tables"), "orders").path("columns"),
                        "customer_id"));
        assertThat(named(orders.path("columns"), "status").path("data_tests"))
                .hasSize(1);
        JsonNode paymentColumn = named(named(source.path("tables"), "payments").path("columns"), "order_id");
        assertThat(paymentColumn.path("data_tests")).hasSize(1);
        assertThat(names(source.path("tables"))).containsExactly("orders", "payments", "refunds");
        assertThat(names(after.path("sources"))).containsExactly("public", "sales");
    }

    @Test
    void aColumnKeepsItsTestsKeyAndATestInTheArgumentsFormCountsAsTheSame() throws IOException {
        Path target = Files.writeString(folder.resolve("schema.yml"), """
                version: 2
                sources:
                  - name: public
                    tables:
                      - name: orders
                        columns:
                          - name: customer_id
                            tests:
                              - relationships:
                                  arguments:
                                    to: source("public", "customers")
                                    field: id
                      - name: refunds
                        columns:
                          - name: order_id
                            tests: [not_null]
                """);
        JsonNode tables = named(YAML.readTree(export(target, OptionalDouble.of(0.8), DbtSchemaFile.Layout.SOURCES,
                false)).path("sources"), "public").path("tables");
        JsonNode customerId = named(named(tables, "orders").path("columns"), "customer_id");
        assertThat(customerId.path("tests")).hasSize(1);
        assertThat(customerId.has("data_tests")).isFalse();
        JsonNode orderId = named(named(tables, "refunds").path("columns"), "order_id");
        assertThat(orderId.has("data_tests")).isFalse();
        assertThat(orderId.path("tests")).hasSize(2);
        assertThat(orderId.path("tests").get(1).path("relationships").path("to").asText())
                .isEqualTo("source('public', 'orders')");
    }

    @Test
    void aReRunGivesTheIdenticalFile() throws IOException {
        Path target = Files.writeString(folder.resolve("schema.yml"), HAND_WRITTEN);
        String first = export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false);
        Files.writeString(target, first);
        String second = export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void testsForEdgesNoLongerFoundAreRemovedAndPeoplesTestsStay() throws IOException {
        Path target = Files.writeString(folder.resolve("schema.yml"), HAND_WRITTEN);
        Files.writeString(target, export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false));
        // at 0.95 only the reviewer's and the ORM edge keep their tests
        String text = export(target, OptionalDouble.of(0.95), DbtSchemaFile.Layout.SOURCES, false);
        JsonNode after = YAML.readTree(text);
        JsonNode tables = named(after.path("sources"), "public").path("tables");
        // payments.order_id was written by hand (a bare column): it stays, without tacit's test
        assertThat(named(named(tables, "payments").path("columns"), "order_id").toString()).isEqualTo("{\"name\":\"order_id\"}");
        assertThat(names(tables)).containsExactly("orders", "payments", "refunds");
        assertThat(named(named(tables, "orders").path("columns"), "customer_id").path("data_tests")).hasSize(2);
        assertThat(named(named(tables, "refunds").path("columns"), "order_id").path("data_tests")).hasSize(1);
        assertThat(text).doesNotContain("0.55");
    }

    @Test
    void entriesTacitAddedStayWithoutItsTestsWhenTheirEdgesGo() throws IOException {
        Path target = folder.resolve("schema.yml");
        Files.writeString(target, export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false));
        String text = export(target, OptionalDouble.of(0.8), DbtSchemaFile.Layout.SOURCES, false);
        JsonNode tables = named(YAML.readTree(text).path("sources"), "public").path("tables");
        assertThat(named(named(tables, "payments").path("columns"), "order_id").toString())
                .isEqualTo("{\"name\":\"order_id\"}");
        assertThat(text).doesNotContain("0.55");
    }

    @Test
    void aFileWithCommentsIsRefusedUnlessForced() throws IOException {
        Path target = Files.writeString(folder.resolve("schema.yml"), "version: 2  # dbt\nmodels: []\n");
        assertThatThrownBy(() -> export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, false))
                .isInstanceOf(TacitException.class).hasMessageContaining("has comments");
        String forced = export(target, OptionalDouble.empty(), DbtSchemaFile.Layout.SOURCES, true);
        assertThat(forced).doesNotContain("#").contains("source('public', 'customers')");
    }

    @Test
    void hostileNamesRoundTripAsData() throws IOException {
        String colon = "a: b";
        String quoted = "'x'";
        String newline = "line\nbreak #no comment";
        ObjectNode report = JsonReport.read(resourcePath("report.json")).deepCopy();
        ArrayNode relationships = report.putArray("relationships");
        ObjectNode edge = relationships.addObject();
        edge.putObject("from").put("schema", colon).put("table", quoted).putArray("columns").add(newline);
        edge.putObject("to").put("schema", quoted).put("table", newline).putArray("columns").add(colon);
        edge.put("origin", "INFERRED").put("confidence", 0.9);
        Path target = folder.resolve("schema.yml");
        DbtExport export = new DbtExport(target, OptionalDouble.empty(), false, DbtSchemaFile.Layout.SOURCES,
                "data_tests", false);
        String text = export.render(report, Optional.empty(), warning -> { });
        JsonNode file = YAML.readTree(text);
        JsonNode source = named(file.path("sources"), colon);
        JsonNode column = named(named(source.path("tables"), quoted).path("columns"), newline);
        JsonNode test = column.path("data_tests").get(0).path("relationships");
        assertThat(test.path("to").asText()).isEqualTo("source('\\'x\\'', 'line\\nbreak #no comment')");
        assertThat(test.path("field").asText()).isEqualTo(colon);
        Files.writeString(target, text);
        assertThat(export.render(report, Optional.empty(), warning -> { })).isEqualTo(text);
    }

    @Test
    void namesThatLookLikeOtherYamlValuesStayStrings() {
        // PyYAML, which dbt uses, reads YAML 1.1: on, yes, 0x1F and 1e3 are not strings there unless quoted
        List<String> names = List.of("2", "0x1F", "1e3", "1_000", "null", "~", "true", "yes", "on", "No", "-", "?",
                "- x", "#x", "&a", "*a", "!tag", "%x", "@x", "`x", "x #y", "{a}", "[a]", "", " padded ", "\u2028");
        ObjectNode report = JsonReport.read(resourcePath("report.json")).deepCopy();
        ArrayNode relationships = report.putArray("relationships");
        for (String name : names) {
            ObjectNode edge = relationships.addObject();
            edge.putObject("from").put("schema", "s").put("table", "t").putArray("columns").add(name);
            edge.putObject("to").put("schema", "s").put("table", "p").putArray("columns").add(name);
            edge.put("origin", "INFERRED").put("confidence", 0.9);
        }
        String text = new DbtExport(folder.resolve("schema.yml"), OptionalDouble.empty(), false,
                DbtSchemaFile.Layout.SOURCES, "data_tests", false).render(report, Optional.empty(), warning -> { });
        Map<String, Object> file = new Yaml().load(text);
        List<Object> read = new ArrayList<>();
        List<Object> fields = new ArrayList<>();
        Map<?, ?> source = (Map<?, ?>) ((List<?>) file.get("sources")).get(0);
        Map<?, ?> table = (Map<?, ?>) ((List<?>) source.get("tables")).get(0);
        for (Object column : (List<?>) table.get("columns")) {
            read.add(((Map<?, ?>) column).get("name"));
            Map<?, ?> test = (Map<?, ?>) ((List<?>) ((Map<?, ?>) column).get("data_tests")).get(0);
            fields.add(((Map<?, ?>) test.get("relationships")).get("field"));
        }
        List<String> sorted = names.stream().sorted().toList();
        assertThat(read).containsExactlyElementsOf(sorted);
        assertThat(fields).containsExactlyElementsOf(sorted);
    }

    private String export(OptionalDouble minConfidence, DbtSchemaFile.Layout layout,
            Optional<ReviewDecisions> decisions, List<String> warnings) throws IOException {
        DbtExport export = new DbtExport(folder.resolve("new.yml"), minConfidence, false, layout, "data_tests", false);
        return export.render(report(), decisions, warnings::add);
    }

    private String export(Path target, OptionalDouble minConfidence, DbtSchemaFile.Layout layout, boolean force)
            throws IOException {
        return new DbtExport(target, minConfidence, false, layout, "data_tests", force)
                .render(report(), Optional.empty(), warning -> { });
    }

    private static ObjectNode report() {
        return JsonReport.read(resourcePath("report.json"));
    }

    private static Path resourcePath(String name) {
        try {
            return Path.of(DbtExportTest.class.getResource(name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) throws IOException {
        return Files.readString(resourcePath(name), StandardCharsets.UTF_8);
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode entry : list) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no entry named " + name + " in " + list);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }
}
