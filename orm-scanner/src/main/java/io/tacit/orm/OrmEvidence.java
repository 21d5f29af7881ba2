package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Cardinality;
import io.tacit.model.ColumnSet;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.spi.Inference;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds what model code declares to what inference found. An edge the ORM declares is certain: an inferred edge
 * it confirms becomes an ORM edge of confidence 1 (keeping the inferred evidence), an inferred edge from the same
 * columns to elsewhere is dropped, a declared constraint stays declared. Code names are matched to the
 * snapshot's (exactly, then ignoring case, then ignoring underscores); what the code declares but the
 * snapshot lacks is listed in {@link #missing()} and told to the progress listener.
 */
public final class OrmEvidence implements Inference {
    /** Inference that finds nothing: with code as the only source, its declarations are the result. */
    public static final Inference NOTHING = (run, snapshot, statistics, probe, progress) ->
            new InferenceResult(run, snapshot, StatisticsLevel.METADATA, List.of(), 0, Map.of());

    private final Inference delegate;
    private final CodeSchema code;
    private final String codeDescription;
    private final List<String> missing = new ArrayList<>();

    public OrmEvidence(Inference delegate, CodeSchema code, String codeDescription) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.code = requireNonNull(code, "code is null");
        this.codeDescription = requireNonNull(codeDescription, "codeDescription is null");
    }

    @Override
    public InferenceResult infer(RunContext run, SchemaSnapshot snapshot, Statistics statistics, ValueProbe probe,
            ProgressListener progress) {
        InferenceResult inferred = delegate.infer(run, snapshot, statistics, probe, progress);
        Map<String, Relationship> byKey = new LinkedHashMap<>();
        for (Relationship relationship : inferred.relationships()) {
            byKey.put(relationship.key(), relationship);
        }
        missing.clear();
        for (ModelEdge edge : code.edges()) {
            Optional<ColumnSet> from = columns(snapshot, edge, edge.fromTable(), edge.fromColumns());
            Optional<ColumnSet> to = columns(snapshot, edge, edge.toTable(), edge.toColumns());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            Relationship declared = relationship(run, edge, from.get(), to.get(), snapshot);
            Relationship existing = byKey.get(declared.key());
            if (existing != null && existing.origin() == Origin.DECLARED) {
                continue;
            }
            if (existing != null) {
                List<Evidence> evidence = new ArrayList<>(declared.provenance().evidence());
                evidence.addAll(existing.provenance().evidence());
                declared = new Relationship(declared.from(), declared.to(), declared.kind(), Origin.ORM,
                        declared.cardinality(), 1.0, declared.discriminator(),
                        declared.provenance().withEvidence(evidence));
            }
            else if (edge.kind() != RelationshipKind.POLYMORPHIC) {
                // the code says where these columns point: an inferred guess elsewhere is wrong
                ColumnSet source = from.get();
                byKey.values().removeIf(other -> other.origin() == Origin.INFERRED && other.from().equals(source)
                        && other.discriminator().isEmpty());
            }
            byKey.put(declared.key(), declared);
        }
        for (String gap : missing) {
            progress.note(gap);
        }
        return new InferenceResult(run, inferred.snapshot(), inferred.level(), List.copyOf(byKey.values()),
                inferred.candidatesConsidered(), inferred.stageMillis());
    }

    /** What the code declares that the last snapshot lacks, one sentence each. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    private Relationship relationship(RunContext run, ModelEdge edge, ColumnSet from, ColumnSet to,
            SchemaSnapshot snapshot) {
        String frameworks = String.join(", ", code.frameworks().stream().map(Framework::title).toList());
        Evidence evidence = new Evidence("orm", 1, 0, edge.declaration() + " (" + frameworks + ", "
                + edge.location() + ")");
        Provenance provenance = new Provenance(run.runId(), run.toolVersion(), run.startedAt(), codeDescription,
                List.of(evidence), Optional.of(edge.location()));
        boolean unique = snapshot.table(from.table()).map(table -> table.isDeclaredUnique(from.columns()))
                .orElse(false);
        RelationshipKind kind = edge.kind();
        if (kind == RelationshipKind.FOREIGN_KEY && unique) {
            kind = RelationshipKind.ONE_TO_ONE;
        }
        Cardinality cardinality = kind == RelationshipKind.ONE_TO_ONE ? Cardinality.ONE_TO_ONE
                : Cardinality.MANY_TO_ONE;
        return new Relationship(from, to, kind, Origin.ORM, cardinality, 1.0, edge.discriminator(), provenance);
    }

    private Optional<ColumnSet> columns(SchemaSnapshot snapshot, ModelEdge edge, String tableName,
            List<String> columnNames) {
        return CodeMatch.columns(code, snapshot, edge, tableName, columnNames, missing);
    }

    /** The one name of {@code names} that is {@code wanted}: exactly, else ignoring case, else underscores too. */
    static Optional<String> matchName(List<String> names, String wanted) {
        return CodeMatch.name(names, wanted);
    }
}
