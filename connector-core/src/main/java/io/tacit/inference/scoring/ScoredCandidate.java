package io.tacit.inference.scoring;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.signals.Measurement;
import java.util.List;

/**
 * A candidate with its measurements and its calibrated confidence.
 *
 * @param contributions each measurement's log-odds contribution, in the order of {@code measurements}, worked
 *                      out once while scoring (the evidence of a published edge shows them); empty when not known
 */
public record ScoredCandidate(Candidate candidate, List<Measurement> measurements, double rawProbability,
        double confidence, List<Double> contributions) {
    public ScoredCandidate {
        requireNonNull(candidate, "candidate is null");
        measurements = List.copyOf(requireNonNull(measurements, "measurements is null"));
        contributions = List.copyOf(requireNonNull(contributions, "contributions is null"));
        if (!contributions.isEmpty() && contributions.size() != measurements.size()) {
            throw new IllegalArgumentException(contributions.size() + " contributions for " + measurements.size()
                    + " measurements");
        }
    }

    /** Without contributions. */
    public ScoredCandidate(Candidate candidate, List<Measurement> measurements, double rawProbability, double confidence) {
        this(candidate, measurements, rawProbability, confidence, List.of());
    }
}
