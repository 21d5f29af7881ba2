package io.tacit.inference.signals;

import io.tacit.inference.TestSchemas;
import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.CandidateGenerator;
import io.tacit.inference.candidates.MatchKind;
import io.tacit.inference.candidates.NameIndex;
import io.tacit.model.ColumnSet;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.TableName;
import java.util.List;
import java.util.Optional;

/** Measures one signal on one hand-made candidate. */
final class SignalFixture {
    private final SchemaSnapshot snapshot;
    private final Statistics statistics;
    private final SignalContext context;

    SignalFixture(TestSchemas schema) {
        this.snapshot = schema.snapshot();
        this.statistics = schema.statistics();
        NameIndex index = new NameIndex(snapshot, statistics);
        List<Candidate> candidates = new CandidateGenerator(index, statistics).generate();
        this.context = new SignalContext(snapshot, statistics, index, candidates);
    }

    static Candidate candidate(String fromTable, String fromColumn, String toTable, String toColumn, MatchKind... kinds) {
        Candidate candidate = new Candidate(ColumnSet.of(TableName.of("public", fromTable), fromColumn),
                ColumnSet.of(TableName.of("public", toTable), toColumn), Optional.empty());
        for (MatchKind kind : kinds) {
            candidate.addMatch(kind);
        }
        return candidate;
    }

    Optional<Measurement> measure(Signal signal, Candidate candidate) {
        return signal.measure(candidate, context);
    }

    double feature(Signal signal, Candidate candidate, String feature) {
        return measure(signal, candidate).orElseThrow().features().getOrDefault(signal.name() + "." + feature, 0.0);
    }
}
