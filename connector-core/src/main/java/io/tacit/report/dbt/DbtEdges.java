package io.tacit.report.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.model.ColumnSet;
import io.tacit.model.Discriminator;
import io.tacit.model.RelationshipKind;
import io.tacit.model.TableName;
import io.tacit.review.ReviewDecisions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Chooses the edges of a JSON report that become dbt {@code relationships} tests: declared foreign keys are left
 * out (the database already enforces them), inferred edges at or above the threshold, ORM edges and accepted
 * edges are kept, rejected edges never. Works on the report tree ({@link io.tacit.report.JsonReport}) so that
 * the sink and {@code tacit export dbt --from} choose alike.
 */
public final class DbtEdges {
    /** the evidence signal a reviewer's acceptance leaves on an edge ({@link ReviewDecisions#SIGNAL}) */
    private static final String REVIEW = ReviewDecisions.SIGNAL;

    private DbtEdges() {
    }

    /** One single-column edge to test: the child column must only hold values of the parent column. */
    public record Edge(String fromSchema, String fromTable, String fromColumn, String toSchema, String toTable,
            String toColumn, double confidence) {
        public Edge {
            requireNonNull(fromSchema, "fromSchema is null");
            requireNonNull(fromTable, "fromTable is null");
            requireNonNull(fromColumn, "fromColumn is null");
            requireNonNull(toSchema, "toSchema is null");
            requireNonNull(toTable, "toTable is null");
            requireNonNull(toColumn, "toColumn is null");
        }

        static final Comparator<Edge> ORDER = Comparator.comparing(Edge::fromSchema).thenComparing(Edge::fromTable)
                .thenComparing(Edge::fromColumn).thenComparing(Edge::toSchema).thenComparing(Edge::toTable)
                .thenComparing(Edge::toColumn);
    }

    /**
     * @param minConfidence inferred edges below it are left out; empty keeps every edge the report holds (the
     *     run's own threshold already chose them)
     * @param decisions a reviewer's decisions; rejected edges are left out, accepted ones kept (added when the
     *     report lacks them)
     * @param warnings told of every edge that cannot become a relationships test, and why
     */
    public static List<Edge> choose(ObjectNode report, OptionalDouble minConfidence, boolean includeDeclared,
            Optional<ReviewDecisions> decisions, Consumer<String> warnings) {
        Map<String, ReviewDecisions.Decision> decided = new LinkedHashMap<>();
        decisions.ifPresent(file -> file.decisions().forEach(decision -> decided.put(decision.key(), decision)));
        List<Edge> edges = new ArrayList<>();
        for (JsonNode relationship : report.path("relationships")) {
            ColumnSet from = side(relationship.path("from"));
            ColumnSet to = side(relationship.path("to"));
            Optional<Discriminator> discriminator = discriminator(relationship.path("discriminator"));
            String key = new ReviewDecisions.Decision(ReviewDecisions.Verdict.ACCEPT, from, to, discriminator,
                    RelationshipKind.FOREIGN_KEY).key();
            ReviewDecisions.Decision decision = decided.remove(key);
            boolean accepted = decision != null && decision.verdict() == ReviewDecisions.Verdict.ACCEPT;
            if (decision != null && !accepted) {
                continue;
            }
            for (JsonNode evidence : relationship.path("evidence")) {
                accepted |= evidence.path("signal").asText().equals(REVIEW);
            }
            String origin = relationship.path("origin").asText();
            double confidence = relationship.path("confidence").asDouble();
            if (!accepted) {
                if (origin.equals("DECLARED") && !includeDeclared) {
                    continue;
                }
                if (origin.equals("INFERRED") && minConfidence.isPresent() && confidence < minConfidence.getAsDouble()) {
                    continue;
                }
            }
            else {
                confidence = 1.0;
            }
            edge(key, from, to, discriminator, confidence, warnings).ifPresent(edges::add);
        }
        for (ReviewDecisions.Decision decision : decided.values()) {
            if (decision.verdict() == ReviewDecisions.Verdict.ACCEPT) {
                edge(decision.key(), decision.from(), decision.to(), decision.discriminator(), 1.0, warnings)
                        .ifPresent(edges::add);
            }
        }
        edges.sort(Edge.ORDER);
        return List.copyOf(edges);
    }

    private static Optional<Edge> edge(String key, ColumnSet from, ColumnSet to, Optional<Discriminator> discriminator,
            double confidence, Consumer<String> warnings) {
        if (from.columns().size() != 1) {
            warnings.accept("skipped the composite edge " + key + ": dbt's relationships test compares one column");
            return Optional.empty();
        }
        if (discriminator.isPresent()) {
            // the test would fail on every row whose type column names another table
            warnings.accept("skipped the polymorphic edge " + key + ": dbt's relationships test has no type column");
            return Optional.empty();
        }
        return Optional.of(new Edge(from.table().schema(), from.table().table(), from.columns().get(0),
                to.table().schema(), to.table().table(), to.columns().get(0), confidence));
    }

    private static ColumnSet side(JsonNode node) {
        List<String> columns = new ArrayList<>();
        node.path("columns").forEach(column -> columns.add(column.asText()));
        return new ColumnSet(new TableName(node.path("schema").asText(), node.path("table").asText()), columns);
    }

    private static Optional<Discriminator> discriminator(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Discriminator(node.path("column").asText(), node.path("value").asText()));
    }
}
