package io.tacit.inference.scoring;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.signals.Measurement;
import io.tacit.inference.signals.Signal;
import io.tacit.inference.signals.SignalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Measures every signal on a candidate and scores the measurements with the model. */
public final class CandidateScorer {
    private final List<Signal> signals;
    private final ScoringModel model;

    public CandidateScorer(List<Signal> signals, ScoringModel model) {
        this.signals = List.copyOf(requireNonNull(signals, "signals is null"));
        this.model = requireNonNull(model, "model is null");
    }

    public List<Measurement> measure(Candidate candidate, SignalContext context) {
        List<Measurement> measurements = new ArrayList<>();
        for (Signal signal : signals) {
            Optional<Measurement> measurement = signal.measure(candidate, context);
            measurement.ifPresent(measurements::add);
        }
        return measurements;
    }

    public ScoredCandidate score(Candidate candidate, List<Measurement> measurements) {
        Double[] contributions = new Double[measurements.size()];
        double logit = model.intercept();
        for (int i = 0; i < contributions.length; i++) {
            double contribution = model.contribution(measurements.get(i));
            contributions[i] = contribution;
            logit += contribution;
        }
        double raw = ScoringModel.probability(logit);
        return new ScoredCandidate(candidate, measurements, raw, model.confidence(raw, measurements),
                List.of(contributions));
    }

    public ScoringModel model() {
        return model;
    }

    /** All features of a candidate's measurements in one map, for training. */
    public static Map<String, Double> features(List<Measurement> measurements) {
        Map<String, Double> features = new TreeMap<>();
        for (Measurement measurement : measurements) {
            features.putAll(measurement.features());
        }
        return features;
    }
}
