package io.tacit.inference;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.CandidateGenerator;
import io.tacit.inference.candidates.NameIndex;
import io.tacit.inference.scoring.CandidateScorer;
import io.tacit.inference.scoring.ScoredCandidate;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.inference.selection.GlobalSelection;
import io.tacit.inference.signals.KeyShapeSignal;
import io.tacit.inference.signals.Measurement;
import io.tacit.inference.signals.SignalContext;
import io.tacit.inference.signals.Signals;
import io.tacit.model.Cardinality;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Evidence;
import io.tacit.model.ForeignKey;
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
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inference pipeline: candidates from a name index, signals, a logistic model with calibrated output,
 * global selection, then exact containment probes for the chosen candidates (which may change the choice).
 * Declared relationships of the snapshot are passed through with origin DECLARED.
 */
public final class RelationshipInference implements Inference {
    /** Candidates below this confidence are not worth a probe. */
    private static final double PROBE_FLOOR = 0.05;
    private static final int PROBE_ROUNDS = 3;
    private static final String UNIQUE_FEATURE = KeyShapeSignal.NAME + ".unique";

    private final InferenceSettings settings;
    private final ScoringModel model;

    /** Scores with the settings' model (the shipped one unless a model file was given). */
    public RelationshipInference(InferenceSettings settings) {
        this(settings, requireNonNull(settings, "settings is null").model());
    }

    /** Scores with {@code model} whatever the settings say (the trainer's models in the making). */
    public RelationshipInference(InferenceSettings settings, ScoringModel model) {
        this.settings = requireNonNull(settings, "settings is null");
        this.model = requireNonNull(model, "model is null");
    }

    @Override
    public InferenceResult infer(RunContext run, SchemaSnapshot snapshot, Statistics statistics, ValueProbe probe,
            ProgressListener progress) {
        requireNonNull(run, "run is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(statistics, "statistics is null");
        requireNonNull(probe, "probe is null");
        requireNonNull(progress, "progress is null");
        Map<String, Long> stageMillis = new LinkedHashMap<>();

        long start = System.nanoTime();
        progress.stageStarted("candidates", snapshot.tables().size());
        NameIndex index = new NameIndex(snapshot, statistics);
        List<Candidate> candidates = new CandidateGenerator(index, statistics).generate();
        progress.stageFinished("candidates");
        start = lap(stageMillis, "candidates", start);

        // each candidate is measured and scored in one go, while its measurements are in the processor's cache;
        // the two stages are still timed apart
        progress.stageStarted("signals", candidates.size());
        SignalContext context = new SignalContext(snapshot, statistics, index, candidates);
        CandidateScorer scorer = new CandidateScorer(Signals.all(), model);
        // in candidate order, position for position. A candidate confident enough to be published gets its
        // relationship and evidence here, while its measurements are still in the processor's cache: written
        // after selection, they were read back from all over the heap (the time counts as scoring)
        List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
        List<Relationship> publishable = new ArrayList<>(candidates.size());
        long scoringNanos = 0;
        for (Candidate candidate : candidates) {
            List<Measurement> measurements = scorer.measure(candidate, context);
            long scoring = System.nanoTime();
            ScoredCandidate scoredCandidate = scorer.score(candidate, measurements);
            publishable.add(publishable(run, snapshot, scoredCandidate));
            scored.add(withoutMeasurements(scoredCandidate));
            scoringNanos += System.nanoTime() - scoring;
        }
        progress.stageFinished("signals");
        long now = System.nanoTime();
        stageMillis.put("signals", (now - start - scoringNanos) / 1_000_000);
        stageMillis.put("scoring", scoringNanos / 1_000_000);
        start = now;

        progress.stageStarted("selection", scored.size());
        int[] chosen = GlobalSelection.choose(scored);
        progress.stageFinished("selection");
        start = lap(stageMillis, "selection", start);

        // no probe (level engine, or no way to read values): nothing a probe stage could learn
        if (statistics.level() != StatisticsLevel.METADATA && settings.maxProbes() > 0 && probe != ValueProbe.NONE) {
            chosen = probe(run, snapshot, scored, publishable, chosen, probe, scorer, context, progress);
        }
        lap(stageMillis, "probes", start);

        List<Relationship> relationships = new ArrayList<>();
        Set<ColumnSet> declaredFrom = new HashSet<>();
        for (ForeignKey foreignKey : snapshot.declared()) {
            relationships.add(declared(run, snapshot, foreignKey));
            declaredFrom.add(foreignKey.from());
        }
        // in candidate order, which is the order of the relationships (from, to, discriminator): the result's sort
        // then finds them in order instead of comparing names scattered over the heap
        BitSet published = new BitSet(scored.size());
        for (int position : chosen) {
            published.set(position);
        }
        for (int position = published.nextSetBit(0); position >= 0; position = published.nextSetBit(position + 1)) {
            Relationship relationship = publishable.get(position);
            if (relationship != null && !declaredFrom.contains(relationship.from())) {
                relationships.add(relationship);
            }
        }
        return new InferenceResult(run, snapshot, statistics.level(), relationships, candidates.size(), stageMillis);
    }

    /**
     * Exact containment for the chosen candidates, most confident first, within the probe budget; a candidate
     * whose answer changes its score is scored again in place and the choice made again (a few rounds at most).
     */
    private int[] probe(RunContext run, SchemaSnapshot snapshot, List<ScoredCandidate> scored,
            List<Relationship> publishable, int[] chosenPositions, ValueProbe probe, CandidateScorer scorer,
            SignalContext context, ProgressListener progress) {
        int[] chosen = chosenPositions;
        progress.stageStarted("probes", Math.min(settings.maxProbes(), chosen.length));
        int budget = settings.maxProbes();
        BitSet probed = new BitSet(scored.size());
        for (int round = 0; round < PROBE_ROUNDS && budget > 0; round++) {
            boolean changed = false;
            for (int position : chosen) {
                Candidate candidate = scored.get(position).candidate();
                if (budget == 0 || scored.get(position).confidence() < PROBE_FLOOR || probed.get(position)) {
                    continue;
                }
                probed.set(position);
                budget--;
                // a polymorphic candidate is checked on its own partition: the rows of its discriminator value
                Optional<Containment> answer = probe.containment(candidate.from(), candidate.to(),
                        candidate.discriminator());
                progress.advanced(1);
                if (answer.isPresent()) {
                    candidate.probed(answer.get());
                    ScoredCandidate rescored = scorer.score(candidate, scorer.measure(candidate, context));
                    publishable.set(position, publishable(run, snapshot, rescored));
                    scored.set(position, withoutMeasurements(rescored));
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            chosen = GlobalSelection.choose(scored);
        }
        progress.stageFinished("probes");
        return chosen;
    }

    private static long lap(Map<String, Long> stageMillis, String stage, long start) {
        long now = System.nanoTime();
        stageMillis.put(stage, (now - start) / 1_000_000);
        return now;
    }

    private static Relationship declared(RunContext run, SchemaSnapshot snapshot, ForeignKey foreignKey) {
        Evidence evidence = new Evidence("declared", 1, 0, "declared constraint " + foreignKey.name());
        Provenance provenance = new Provenance(run.runId(), run.toolVersion(), run.startedAt(), snapshot.source(),
                List.of(evidence), Optional.empty());
        boolean unique = snapshot.table(foreignKey.from().table())
                .map(table -> table.isDeclaredUnique(foreignKey.from().columns())).orElse(false);
        return new Relationship(foreignKey.from(), foreignKey.to(),
                unique ? RelationshipKind.ONE_TO_ONE : RelationshipKind.FOREIGN_KEY, Origin.DECLARED,
                unique ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE, 1.0, Optional.empty(), provenance);
    }

    /**
     * What selection needs of a scored candidate once its evidence is written: its measurements are most of
     * the memory of inference, and kept to the end they made every young collection copy them.
     */
    private static ScoredCandidate withoutMeasurements(ScoredCandidate scored) {
        return new ScoredCandidate(scored.candidate(), List.of(), scored.rawProbability(), scored.confidence());
    }

    /** The relationship {@code choice} publishes if chosen; null when it is not confident enough to be published. */
    private Relationship publishable(RunContext run, SchemaSnapshot snapshot, ScoredCandidate choice) {
        return choice.confidence() >= settings.minConfidence() ? inferred(run, snapshot, choice) : null;
    }

    private Relationship inferred(RunContext run, SchemaSnapshot snapshot, ScoredCandidate choice) {
        List<Evidence> evidence = new ArrayList<>();
        boolean unique = false;
        List<Double> contributions = choice.contributions();
        for (int i = 0; i < choice.measurements().size(); i++) {
            Measurement measurement = choice.measurements().get(i);
            double contribution = contributions.isEmpty() ? model.contribution(measurement) : contributions.get(i);
            evidence.add(new Evidence(measurement.signal(), measurement.value(), contribution, measurement.detail()));
            if (measurement.signal().equals(KeyShapeSignal.NAME)) {
                unique = measurement.features().getOrDefault(UNIQUE_FEATURE, 0.0) > 0;
            }
        }
        evidence.sort(Comparator.comparingDouble(Evidence::contribution).reversed().thenComparing(Evidence::signal));
        Provenance provenance = new Provenance(run.runId(), run.toolVersion(), run.startedAt(), snapshot.source(),
                evidence, Optional.empty());
        Candidate candidate = choice.candidate();
        RelationshipKind kind = candidate.discriminator().isPresent() ? RelationshipKind.POLYMORPHIC
                : unique ? RelationshipKind.ONE_TO_ONE : RelationshipKind.FOREIGN_KEY;
        double confidence = Math.round(choice.confidence() * 10_000) / 10_000.0;
        return new Relationship(candidate.from(), candidate.to(), kind, Origin.INFERRED,
                unique ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE, confidence, candidate.discriminator(),
                provenance);
    }
}
