package io.tacit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.TacitException;
import io.tacit.model.ColumnSet;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RunWarning;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report: one document per run, fields in a fixed order, relationships sorted, numbers rounded to
 * four decimals, so two runs over the same data differ only in run id and times. The format is documented
 * in the README ("JSON report").
 */
public final class JsonReport {
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReport() {
    }

    public static String render(InferenceResult result) {
        try {
            return WRITER.writeValueAsString(tree(result)) + "\n";
        }
        catch (JsonProcessingException e) {
            throw TacitException.internal("cannot write the JSON report", e);
        }
    }

    /**
     * Reads a JSON report that tacit wrote (format version {@value #FORMAT_VERSION}): the one reader of the format,
     * used by every command that starts from a report ({@code tacit report --from}, {@code tacit export dbt}).
     *
     * @throws TacitException (a configuration error) when the file is missing, not JSON, not a report, or of
     *     another format version
     */
    public static ObjectNode read(Path file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            throw TacitException.config("the JSON report " + file + " does not exist", "give the file tacit discover "
                    + "--format json --out FILE (or a json sink) wrote");
        }
        catch (JsonProcessingException e) {
            throw TacitException.config("the JSON report " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), "give a report tacit wrote");
        }
        catch (IOException e) {
            throw TacitException.config("cannot read the JSON report " + file + ": " + e.getMessage(), "check the path");
        }
        if (!(tree instanceof ObjectNode report) || !report.path("relationships").isArray()
                || !report.path("tables").isArray()) {
            throw TacitException.config(file + " is not a tacit JSON report (no relationships and tables)",
                    "give a report tacit discover --format json wrote");
        }
        int version = report.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw TacitException.config(file + " is a JSON report of format version " + report.path("formatVersion")
                    + "; this tacit reads version " + FORMAT_VERSION, "write the report again with this tacit");
        }
        return report;
    }

    public static ObjectNode tree(InferenceResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("runId", result.run().runId().value());
        root.put("toolVersion", result.run().toolVersion());
        root.put("startedAt", result.run().startedAt().toString());
        root.put("source", result.snapshot().source());
        root.put("product", result.snapshot().product());
        root.put("level", result.level().label());
        ObjectNode summary = root.putObject("summary");
        summary.put("tables", result.snapshot().tables().size());
        summary.put("columns", result.snapshot().columnCount());
        summary.put("candidatesConsidered", result.candidatesConsidered());
        summary.put("declared", result.relationships().stream().filter(r -> r.origin() == Origin.DECLARED).count());
        summary.put("inferred", result.relationships().stream().filter(r -> r.origin() == Origin.INFERRED).count());
        summary.put("orm", result.relationships().stream().filter(r -> r.origin() == Origin.ORM).count());
        summary.put("warnings", result.warnings().size());
        ArrayNode relationships = root.putArray("relationships");
        for (Relationship relationship : result.relationships()) {
            relationships.add(relationship(relationship));
        }
        Map<TableName, String> statuses = tableStatuses(result);
        ArrayNode tables = root.putArray("tables");
        for (Table table : result.snapshot().tables()) {
            ObjectNode entry = tables.addObject();
            entry.put("schema", table.name().schema());
            entry.put("table", table.name().table());
            StatisticsOrigin origin = result.tableStatistics().get(table.name());
            entry.put("statistics", origin == null ? "none" : origin.name().toLowerCase(Locale.ROOT));
            entry.put("status", statuses.getOrDefault(table.name(), "ok"));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (RunWarning warning : result.warnings()) {
            ObjectNode entry = warnings.addObject();
            entry.put("schema", warning.table().map(TableName::schema).orElse(null));
            entry.put("table", warning.table().map(TableName::table).orElse(null));
            entry.put("stage", warning.stage());
            entry.put("problem", warning.problem());
        }
        ObjectNode timings = root.putObject("timings");
        for (Map.Entry<String, Long> stage : result.stageMillis().entrySet()) {
            timings.put(stage.getKey(), stage.getValue());
        }
        return root;
    }

    /**
     * {@code skipped} for a table that could not be profiled (it keeps the engine's figures, or none, whatever
     * the level), {@code incomplete} for one that lost a containment check; tables without warnings are absent.
     */
    private static Map<TableName, String> tableStatuses(InferenceResult result) {
        Map<TableName, String> statuses = new HashMap<>();
        for (RunWarning warning : result.warnings()) {
            if (warning.table().isEmpty()) {
                continue;
            }
            if (warning.stage().equals(RunWarning.PROFILE)) {
                statuses.put(warning.table().get(), "skipped");
            } else {
                statuses.putIfAbsent(warning.table().get(), "incomplete");
            }
        }
        return statuses;
    }

    private static ObjectNode relationship(Relationship relationship) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("from", side(relationship.from()));
        node.set("to", side(relationship.to()));
        node.put("kind", relationship.kind().name());
        node.put("origin", relationship.origin().name());
        node.put("cardinality", relationship.cardinality().name());
        node.put("confidence", Reports.rounded(relationship.confidence()));
        relationship.discriminator().ifPresent(discriminator -> {
            ObjectNode value = node.putObject("discriminator");
            value.put("column", discriminator.column());
            value.put("value", discriminator.value());
        });
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence item : relationship.provenance().evidence()) {
            ObjectNode entry = evidence.addObject();
            entry.put("signal", item.signal());
            entry.put("value", Reports.rounded(item.value()));
            entry.put("contribution", Reports.rounded(item.contribution()));
            entry.put("detail", item.detail());
        }
        Provenance provenance = relationship.provenance();
        ObjectNode from = node.putObject("provenance");
        from.put("runId", provenance.runId().value());
        from.put("toolVersion", provenance.toolVersion());
        from.put("time", provenance.time().toString());
        from.put("source", provenance.source());
        provenance.location().ifPresent(location -> from.put("location", location.toString()));
        return node;
    }

    private static ObjectNode side(ColumnSet side) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schema", side.table().schema());
        node.put("table", side.table().table());
        ArrayNode columns = node.putArray("columns");
        side.columns().forEach(columns::add);
        return node;
    }
}
