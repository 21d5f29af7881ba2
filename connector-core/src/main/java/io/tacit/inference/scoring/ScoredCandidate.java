package io.tacit.inference.scoring;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.signals.Measurement;
import java.util.List;

/** A candidate with its measurements and its calibrated confidence. */
public record ScoredCandidate(Candidate candidate, List<Measurement> measurements, double rawProbability,
        double confidence) {
    public ScoredCandidate {
        requireNonNull(candidate, "candidate is null");
        measurements = List.copyOf(requireNonNull(measurements, "measurements is null"));
    }
}
