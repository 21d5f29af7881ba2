package io.tacit.review;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.error.TacitException;
import io.tacit.model.Cardinality;
import io.tacit.model.ColumnSet;
import io.tacit.model.Discriminator;
import io.tacit.model.Evidence;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.spi.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reviewer's decisions about relationships, as the HTML report exports them (format
 * {@value #FORMAT}, version {@value #FORMAT_VERSION}; documented in docs/review-decisions.md). Rejected edges are
 * never published; accepted ones are published with confidence 1.0 and the evidence "confirmed by a reviewer",
 * also when this run did not find them (a reviewer's added edge). An entry naming a table or column the source no
 * longer has is stale: it gives a warning and is not applied.
 */
public record ReviewDecisions(Path file, List<Decision> decisions) {
    public static final String FORMAT = "tacit-review-decisions";
    public static final int FORMAT_VERSION = 1;
    public static final String STAGE = "decisions";
    public static final String SIGNAL = "review";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("format", "formatVersion", "reviewed", "decisions");
    private static final Set<String> ENTRY = Set.of("decision", "from", "to", "discriminator", "added", "kind", "note");
    private static final Set<String> SIDE = Set.of("schema", "table", "columns");

    public ReviewDecisions {
        requireNonNull(file, "file is null");
        decisions = List.copyOf(requireNonNull(decisions, "decisions is null"));
    }

    public enum Verdict { ACCEPT, REJECT }

    /** One decision about one edge; {@code kind} is used only for an edge the run did not find. */
    public record Decision(Verdict verdict, ColumnSet from, ColumnSet to, Optional<Discriminator> discriminator,
            RelationshipKind kind) {
        public Decision {
            requireNonNull(verdict, "verdict is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(discriminator, "discriminator is null");
            requireNonNull(kind, "kind is null");
        }

        /** The same key as {@link Relationship#key()}, so a decision finds its edge. */
        public String key() {
            return from + "->" + to + discriminator.map(d -> "[" + d.column() + "=" + d.value() + "]").orElse("");
        }
    }

    /**
     * Reads and checks a decisions file.
     *
     * @throws TacitException (a configuration error) naming every problem found, with its place in the file
     */
    public static ReviewDecisions load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw TacitException.config("the decisions file " + file + " does not exist",
                    "export it from the HTML report (Review, Download decisions.json)");
        }
        catch (IOException e) {
            throw TacitException.config("cannot read the decisions file " + file + ": " + e.getMessage(), "check the path");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw TacitException.config("the decisions file " + file + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage(), "fix the file by hand or export it again from the HTML report");
        }
        if (root == null || !root.isObject()) {
            throw TacitException.config("the decisions file " + file + " is not a JSON object",
                    "export it again from the HTML report");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw TacitException.config(file + " is not a tacit decisions file (\"format\" is not \"" + FORMAT + "\")",
                    "export it from the HTML report");
        }
        if (!root.path("formatVersion").isInt() || root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw TacitException.config("the decisions file " + file + " has format version " + root.path("formatVersion")
                    + "; this tacit reads version " + FORMAT_VERSION, "export it again from this tacit's HTML report");
        }
        List<ConfigProblem> problems = new ArrayList<>();
        unknownKeys(root, TOP_LEVEL, "", problems);
        JsonNode entries = root.path("decisions");
        if (!entries.isArray()) {
            problems.add(new ConfigProblem("decisions", "expected a list of decisions"));
        }
        List<Decision> decisions = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "decisions[" + i + "]";
            Optional<Decision> decision = decision(entries.get(i), path, problems);
            if (decision.isPresent()) {
                Integer earlier = seen.putIfAbsent(decision.get().key(), i);
                if (earlier != null) {
                    problems.add(new ConfigProblem(path, "decides again on the edge of decisions[" + earlier + "]"));
                }
                decisions.add(decision.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("decisions file " + file, problems);
        }
        return new ReviewDecisions(file, decisions);
    }

    private static Optional<Decision> decision(JsonNode entry, String path, List<ConfigProblem> problems) {
        if (!entry.isObject()) {
            problems.add(new ConfigProblem(path, "expected an object with decision, from and to"));
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(entry, ENTRY, path + ".", problems);
        Verdict verdict = null;
        String text = entry.path("decision").asText("");
        if (text.equals("accept")) {
            verdict = Verdict.ACCEPT;
        }
        else if (text.equals("reject")) {
            verdict = Verdict.REJECT;
        }
        else {
            problems.add(new ConfigProblem(path + ".decision", "must be \"accept\" or \"reject\", not " + entry.path("decision")));
        }
        ColumnSet from = side(entry.path("from"), path + ".from", problems);
        ColumnSet to = side(entry.path("to"), path + ".to", problems);
        if (from != null && to != null && from.columns().size() != to.columns().size()) {
            problems.add(new ConfigProblem(path, "pairs " + from.columns().size() + " columns with " + to.columns().size()));
        }
        Optional<Discriminator> discriminator = Optional.empty();
        JsonNode node = entry.path("discriminator");
        if (!node.isMissingNode() && !node.isNull()) {
            if (node.path("column").isTextual() && node.path("value").isTextual()) {
                discriminator = Optional.of(new Discriminator(node.path("column").asText(), node.path("value").asText()));
            }
            else {
                problems.add(new ConfigProblem(path + ".discriminator", "expected {\"column\": ..., \"value\": ...}"));
            }
        }
        RelationshipKind kind = RelationshipKind.FOREIGN_KEY;
        if (entry.has("kind")) {
            try {
                kind = RelationshipKind.valueOf(entry.path("kind").asText(""));
            }
            catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(path + ".kind", "must be FOREIGN_KEY, ONE_TO_ONE or POLYMORPHIC"));
            }
        }
        if (kind == RelationshipKind.POLYMORPHIC && discriminator.isEmpty()) {
            problems.add(new ConfigProblem(path, "a POLYMORPHIC edge needs a discriminator"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Decision(verdict, from, to, discriminator, kind));
    }

    private static ColumnSet side(JsonNode node, String path, List<ConfigProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ConfigProblem(path, "expected {\"schema\": ..., \"table\": ..., \"columns\": [...]}"));
            return null;
        }
        unknownKeys(node, SIDE, path + ".", problems);
        boolean ok = true;
        for (String field : List.of("schema", "table")) {
            if (!node.path(field).isTextual() || (field.equals("table") && node.path(field).asText().isEmpty())) {
                problems.add(new ConfigProblem(path + "." + field, "expected a name (a string)"));
                ok = false;
            }
        }
        List<String> columns = new ArrayList<>();
        JsonNode list = node.path("columns");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new ConfigProblem(path + ".columns", "expected a list of one or more column names"));
            ok = false;
        }
        else {
            for (JsonNode column : list) {
                if (!column.isTextual() || column.asText().isEmpty()) {
                    problems.add(new ConfigProblem(path + ".columns", "expected column names (strings), found " + column));
                    ok = false;
                }
                columns.add(column.asText());
            }
        }
        if (!ok) {
            return null;
        }
        return new ColumnSet(new TableName(node.path("schema").asText(), node.path("table").asText()), columns);
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<ConfigProblem> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new ConfigProblem(prefix + name, "unknown key; known: " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    /**
     * The relationships to publish: rejected ones removed, accepted ones at confidence 1.0 with the reviewer's
     * evidence, accepted ones this run did not find added. A stale entry (its table or column is gone) gives one
     * warning and changes nothing.
     */
    public List<Relationship> apply(RunContext run, SchemaSnapshot snapshot, List<Relationship> relationships,
            ProgressListener warnings) {
        Map<String, Decision> valid = new LinkedHashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            Optional<String> stale = stale(decision, snapshot);
            if (stale.isPresent()) {
                warnings.warning(new RunWarning(Optional.of(decision.from().table()), STAGE, "decisions[" + i + "] in "
                        + file + " (" + decision.verdict().name().toLowerCase(java.util.Locale.ROOT) + " " + decision.key()
                        + ") is stale and was not applied: " + stale.get()));
                continue;
            }
            valid.put(decision.key(), decision);
        }
        Evidence confirmed = new Evidence(SIGNAL, 1.0, 0.0, "confirmed by a reviewer (" + file.getFileName() + ")");
        List<Relationship> result = new ArrayList<>();
        for (Relationship relationship : relationships) {
            Decision decision = valid.remove(relationship.key());
            if (decision == null) {
                result.add(relationship);
            }
            else if (decision.verdict() == Verdict.ACCEPT) {
                List<Evidence> evidence = new ArrayList<>(relationship.provenance().evidence());
                evidence.add(confirmed);
                result.add(new Relationship(relationship.from(), relationship.to(), relationship.kind(),
                        relationship.origin(), relationship.cardinality(), 1.0, relationship.discriminator(),
                        relationship.provenance().withEvidence(evidence)));
            }
        }
        for (Decision decision : valid.values()) {
            if (decision.verdict() == Verdict.REJECT) {
                warnings.note("the rejected edge " + decision.key() + " of " + file.getFileName()
                        + " was not found in this run: nothing to withhold");
            }
            else {
                Cardinality cardinality = decision.kind() == RelationshipKind.ONE_TO_ONE
                        ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE;
                result.add(new Relationship(decision.from(), decision.to(), decision.kind(), Origin.INFERRED, cardinality,
                        1.0, decision.discriminator(), new Provenance(run.runId(), run.toolVersion(), run.startedAt(),
                        snapshot.source(), List.of(confirmed), Optional.empty())));
            }
        }
        return result;
    }

    private static Optional<String> stale(Decision decision, SchemaSnapshot snapshot) {
        for (ColumnSet side : List.of(decision.from(), decision.to())) {
            Optional<Table> table = snapshot.table(side.table());
            if (table.isEmpty()) {
                return Optional.of("table " + side.table() + " is not in " + snapshot.source());
            }
            for (String column : side.columns()) {
                if (table.get().column(column).isEmpty()) {
                    return Optional.of("column " + column + " is not in " + side.table());
                }
            }
        }
        return Optional.empty();
    }
}
