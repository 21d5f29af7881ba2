package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import java.util.Optional;

/**
 * One kind of evidence about a candidate relationship. A signal measures; the scoring model weighs its
 * features. Empty means the signal has nothing to say (no evidence either way).
 */
public interface Signal {
    /** Stable name, used in evidence and as the prefix of its feature names. */
    String name();

    Optional<Measurement> measure(Candidate candidate, SignalContext context);
}
