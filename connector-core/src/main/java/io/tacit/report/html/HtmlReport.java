package io.tacit.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.InferenceResult;
import io.tacit.model.Table;
import io.tacit.report.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report: one self-contained page (styles, script and data inlined, nothing fetched) with the ER
 * diagram, a confidence slider, search, the evidence of each edge, a per-table list, a summary and the review
 * of edges (accept, reject, add; exported as a decisions file). The data is the JSON report plus each table's
 * columns and the diagram's layout, embedded as JSON in a {@code <script type="application/json">} block with
 * every character that could end that block escaped; the page builds its DOM with {@code textContent} only,
 * because table and column names come from databases and may be hostile.
 */
public final class HtmlReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** the containment signal's plain-words detail names the orphan rows when the data was read */
    private static final Pattern ORPHAN_ROWS = Pattern.compile(", (\\d+) orphan rows");

    private HtmlReport() {
    }

    public static String render(InferenceResult result) {
        ObjectNode report = JsonReport.tree(result);
        Map<String, Table> tables = new HashMap<>();
        for (Table table : result.snapshot().tables()) {
            tables.put(key(table.name().schema(), table.name().table()), table);
        }
        for (JsonNode entry : report.path("tables")) {
            Table table = tables.get(key(entry.path("schema").asText(), entry.path("table").asText()));
            ArrayNode columns = ((ObjectNode) entry).putArray("columns");
            if (table != null) {
                for (Column column : table.columns()) {
                    ObjectNode node = columns.addObject();
                    node.put("name", column.name());
                    node.put("type", column.type().nativeName());
                    node.put("nullable", column.nullable());
                }
            }
        }
        return render(report);
    }

    /** Reads a JSON report that tacit wrote (format version 1) and renders it. */
    public static String renderJsonReport(Path file) {
        return render(JsonReport.read(file));
    }

    /** Renders a JSON report tree; tables without a {@code columns} list get the columns their edges name. */
    static String render(ObjectNode report) {
        ObjectNode data = report.deepCopy();
        ArrayNode tables = (ArrayNode) data.path("tables");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            index.put(key(tables.get(i).path("schema").asText(), tables.get(i).path("table").asText()), i);
        }
        ArrayNode relationships = (ArrayNode) data.path("relationships");
        // a report may name tables only through its edges (hand-made or filtered): give them a box too
        for (JsonNode relationship : relationships) {
            for (String side : List.of("from", "to")) {
                JsonNode end = relationship.path(side);
                String key = key(end.path("schema").asText(), end.path("table").asText());
                if (!index.containsKey(key)) {
                    ObjectNode table = tables.addObject();
                    table.put("schema", end.path("schema").asText());
                    table.put("table", end.path("table").asText());
                    index.put(key, tables.size() - 1);
                }
            }
        }
        Map<Integer, Set<String>> edgeColumns = new HashMap<>();
        List<DiagramLayout.Edge> edges = new ArrayList<>();
        for (JsonNode relationship : relationships) {
            int from = index.get(key(relationship.path("from").path("schema").asText(),
                    relationship.path("from").path("table").asText()));
            int to = index.get(key(relationship.path("to").path("schema").asText(),
                    relationship.path("to").path("table").asText()));
            edges.add(new DiagramLayout.Edge(from, to));
            ((ObjectNode) relationship).put("fromTable", from);
            ((ObjectNode) relationship).put("toTable", to);
            relationship.path("from").path("columns").forEach(c -> edgeColumns.computeIfAbsent(from, k -> new TreeSet<>()).add(c.asText()));
            relationship.path("to").path("columns").forEach(c -> edgeColumns.computeIfAbsent(to, k -> new TreeSet<>()).add(c.asText()));
            for (JsonNode evidence : relationship.path("evidence")) {
                Matcher orphans = ORPHAN_ROWS.matcher(evidence.path("detail").asText());
                if (evidence.path("signal").asText().equals("containment") && orphans.find()) {
                    ((ObjectNode) relationship).put("orphanRows", Long.parseLong(orphans.group(1)));
                }
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            ObjectNode table = (ObjectNode) tables.get(i);
            labels.add(table.path("schema").asText() + "." + table.path("table").asText());
            if (!table.path("columns").isArray()) {
                ArrayNode columns = table.putArray("columns");
                for (String column : edgeColumns.getOrDefault(i, Set.of())) {
                    columns.addObject().put("name", column);
                }
            }
        }
        DiagramLayout.Layout layout = DiagramLayout.layout(labels, edges);
        ObjectNode diagram = data.putObject("layout");
        diagram.put("width", layout.width());
        diagram.put("height", layout.height());
        ArrayNode boxes = diagram.putArray("boxes");
        for (DiagramLayout.Box box : layout.boxes()) {
            boxes.addArray().add(box.x()).add(box.y()).add(box.width()).add(box.height()).add(box.group());
        }
        ArrayNode groups = diagram.putArray("groups");
        for (DiagramLayout.Group group : layout.groups()) {
            ObjectNode node = groups.addObject();
            node.put("name", group.name());
            node.put("x", group.x());
            node.put("y", group.y());
            node.put("width", group.width());
            node.put("height", group.height());
            node.put("tables", group.tables().size());
        }
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        }
        catch (JsonProcessingException e) {
            throw TacitException.internal("cannot write the HTML report's data", e);
        }
        String script = resource("report.js");
        return resource("report.html")
                .replace("/*SCRIPT-HASH*/", "sha256-" + sha256(script))
                .replace("/*STYLE*/", resource("report.css"))
                .replace("/*SCRIPT*/", script)
                .replace("{\"DATA\":0}", scriptSafe(json));
    }

    /**
     * JSON that cannot end its script block nor start markup: {@code <}, {@code >} and {@code &} only occur
     * inside JSON strings, where their \\u escapes mean the same; U+2028/2029 are escaped for old parsers.
     */
    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    /** The page allows its own script only (by hash): markup that got in by mistake could not run any. */
    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw TacitException.internal("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw TacitException.internal("the HTML report's " + name + " is missing from the jar", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw TacitException.internal("cannot read the HTML report's " + name, e);
        }
    }
}
