package io.tacit.report.dbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.tacit.error.TacitException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A dbt {@code schema.yml} with tacit's {@code relationships} tests merged in. Everything people wrote stays
 * (keys, sources, models, columns, descriptions, tests); tacit's own tests carry {@code config.meta.tacit}, so a
 * re-run updates them in place, drops those for edges no longer found, and adds none twice. A hand-written test
 * identical to one tacit would add (same {@code to} and {@code field}) is left alone and not repeated.
 */
public final class DbtSchemaFile {
    /** the key under {@code config.meta} that marks a test tacit wrote */
    public static final String MARK = "tacit";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new Yaml11Quoting())
            .build());
    private static final List<String> TEST_KEYS = List.of("data_tests", "tests");

    /** How tables appear in the file: as dbt sources (tables read from the database) or as models of the same name. */
    public enum Layout {
        SOURCES, MODELS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Layout parse(String text) {
            for (Layout layout : values()) {
                if (layout.label().equalsIgnoreCase(text.trim())) {
                    return layout;
                }
            }
            throw new IllegalArgumentException("unknown layout '" + text + "'; use sources or models");
        }
    }

    /**
     * @param testsKey the key a column's new test list gets ({@code data_tests} from dbt 1.8, {@code tests} before);
     *     a column that already has either keeps its own
     */
    public record Options(Layout layout, String testsKey, String runId) {
        public Options {
            java.util.Objects.requireNonNull(layout, "layout is null");
            java.util.Objects.requireNonNull(runId, "runId is null");
            if (!TEST_KEYS.contains(testsKey)) {
                throw new IllegalArgumentException("testsKey must be data_tests or tests, not " + testsKey);
            }
        }
    }

    private DbtSchemaFile() {
    }

    /**
     * Quotes a plain-looking string whenever a YAML 1.1 reader would not read it back as that string: dbt reads
     * with PyYAML, for which {@code on}, {@code 0x1F} and {@code 1_000} are a boolean and numbers.
     */
    private static final class Yaml11Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Resolver RESOLVER = new Resolver();

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !readAsString(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !readAsString(value);
        }

        private static boolean readAsString(String text) {
            return RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
        }
    }

    /** True when the YAML text has a comment, which a rewrite would lose. */
    public static boolean hasComments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        try {
            for (Event event : new Yaml(options).parse(new StringReader(text))) {
                if (event instanceof CommentEvent) {
                    return true;
                }
            }
            return false;
        }
        catch (RuntimeException e) {
            throw notYaml(e);
        }
    }

    /** The file's new text: {@code existing} (empty for a new file) with tacit's tests for {@code edges}. */
    public static String merge(String existing, List<DbtEdges.Edge> edges, Options options) {
        ObjectNode root = parse(existing);
        Set<DbtEdges.Edge> wanted = new LinkedHashSet<>(edges);
        for (JsonNode source : root.path("sources")) {
            for (JsonNode table : source.path("tables")) {
                refresh(table, Layout.SOURCES, source.path("name").asText(), wanted, options);
            }
        }
        for (JsonNode model : root.path("models")) {
            refresh(model, Layout.MODELS, null, wanted, options);
        }
        for (DbtEdges.Edge edge : wanted) {
            ArrayNode tests = testList(column(table(root, edge, options.layout()), edge.fromColumn()), options.testsKey());
            if (!handWritten(tests, target(edge, options.layout()), edge.toColumn())) {
                tests.add(test(edge, options));
            }
        }
        try {
            return YAML.writeValueAsString(root);
        }
        catch (JsonProcessingException e) {
            throw TacitException.internal("cannot write the dbt schema file", e);
        }
    }

    private static ObjectNode parse(String existing) {
        JsonNode tree;
        try {
            tree = existing.isBlank() ? null : YAML.readTree(existing);
        }
        catch (JsonProcessingException e) {
            throw notYaml(e);
        }
        ObjectNode root = YAML.createObjectNode();
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            root.put("version", 2);
            return root;
        }
        if (!tree.isObject()) {
            throw TacitException.config("the dbt schema file is not a YAML mapping", "give a dbt schema.yml (version: 2)");
        }
        return (ObjectNode) tree;
    }

    private static TacitException notYaml(Exception e) {
        return TacitException.config("the dbt schema file is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                "fix it, or write tacit's tests to a file of their own");
    }

    /**
     * Updates in place each tacit test of one table that an edge still wants (so re-runs do not move it), and
     * drops the others. The column, table and source entries stay even when tacit's tests were all they held: an
     * entry with only a name may be one a person wrote, and it does no harm.
     */
    private static void refresh(JsonNode table, Layout layout, String sourceName, Set<DbtEdges.Edge> wanted,
            Options options) {
        for (JsonNode column : table.path("columns")) {
            for (String key : TEST_KEYS) {
                if (column.path(key) instanceof ArrayNode tests
                        && refreshTests(tests, table.path("name").asText(), column.path("name").asText(), layout,
                                sourceName, wanted, options)
                        && tests.isEmpty()) {
                    ((ObjectNode) column).remove(key);
                }
            }
        }
    }

    /** True when a test was removed. */
    private static boolean refreshTests(ArrayNode tests, String table, String column, Layout layout, String sourceName,
            Set<DbtEdges.Edge> wanted, Options options) {
        boolean removed = false;
        for (int i = tests.size() - 1; i >= 0; i--) {
            if (!isTacit(tests.get(i))) {
                continue;
            }
            JsonNode arguments = tests.get(i).path("relationships");
            DbtEdges.Edge edge = null;
            if (layout == options.layout()) {
                edge = find(wanted, sourceName, table, column, arguments.path("to").asText(),
                        arguments.path("field").asText(), layout);
            }
            if (edge == null) {
                tests.remove(i);
                removed = true;
            }
            else {
                tests.set(i, test(edge, options));
                wanted.remove(edge);
            }
        }
        return removed;
    }

    private static DbtEdges.Edge find(Set<DbtEdges.Edge> wanted, String sourceName, String table, String column,
            String to, String field, Layout layout) {
        for (DbtEdges.Edge edge : wanted) {
            boolean sameTable = edge.fromTable().equals(table)
                    && (layout == Layout.MODELS || edge.fromSchema().equals(sourceName));
            if (sameTable && edge.fromColumn().equals(column) && edge.toColumn().equals(field)
                    && target(edge, layout).equals(to)) {
                return edge;
            }
        }
        return null;
    }

    private static boolean isTacit(JsonNode test) {
        return test.isObject() && test.size() == 1 && test.path("relationships").path("config").path("meta").path(MARK).isObject();
    }

    private static boolean handWritten(ArrayNode tests, String to, String field) {
        for (JsonNode test : tests) {
            JsonNode relationships = test.path("relationships");
            if (isTacit(test) || !relationships.isObject()) {
                continue;
            }
            JsonNode arguments = relationships.has("arguments") ? relationships.path("arguments") : relationships;
            if (normalized(arguments.path("to").asText()).equals(normalized(to))
                    && arguments.path("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String expression) {
        return expression.replaceAll("\\s+", "").replace('"', '\'');
    }

    private static ObjectNode table(ObjectNode root, DbtEdges.Edge edge, Layout layout) {
        if (layout == Layout.MODELS) {
            return named(list(root, "models"), edge.fromTable());
        }
        ObjectNode source = named(list(root, "sources"), edge.fromSchema());
        return named(list(source, "tables"), edge.fromTable());
    }

    private static ObjectNode column(ObjectNode table, String name) {
        return named(list(table, "columns"), name);
    }

    private static ArrayNode testList(ObjectNode column, String defaultKey) {
        for (String key : TEST_KEYS) {
            if (column.path(key).isArray()) {
                return (ArrayNode) column.path(key);
            }
        }
        return column.putArray(defaultKey);
    }

    private static ArrayNode list(ObjectNode parent, String key) {
        if (parent.path(key).isArray()) {
            return (ArrayNode) parent.path(key);
        }
        if (parent.has(key) && !parent.path(key).isNull()) {
            throw TacitException.config("the dbt schema file has a " + key + " that is not a list",
                    "fix the file: dbt expects " + key + " to be a list");
        }
        return parent.putArray(key);
    }

    private static ObjectNode named(ArrayNode list, String name) {
        for (JsonNode entry : list) {
            if (entry.isObject() && entry.path("name").isValueNode() && entry.path("name").asText().equals(name)) {
                return (ObjectNode) entry;
            }
        }
        ObjectNode entry = list.addObject();
        entry.put("name", name);
        return entry;
    }

    private static ObjectNode test(DbtEdges.Edge edge, Options options) {
        ObjectNode test = YAML.createObjectNode();
        ObjectNode relationships = test.putObject("relationships");
        relationships.put("to", target(edge, options.layout()));
        relationships.put("field", edge.toColumn());
        ObjectNode mark = relationships.putObject("config").putObject("meta").putObject(MARK);
        mark.put("confidence", edge.confidence());
        mark.put("run", options.runId());
        return test;
    }

    /** The Jinja expression naming the parent: {@code source('schema', 'table')} or {@code ref('table')}. */
    static String target(DbtEdges.Edge edge, Layout layout) {
        if (layout == Layout.MODELS) {
            return "ref(" + jinjaString(edge.toTable()) + ")";
        }
        return "source(" + jinjaString(edge.toSchema()) + ", " + jinjaString(edge.toTable()) + ")";
    }

    /** A Jinja string literal: Jinja reads backslash escapes as Python does, so any name survives. */
    static String jinjaString(String value) {
        StringBuilder literal = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '\'' -> literal.append("\\'");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        literal.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    }
                    else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('\'').toString();
    }
}
