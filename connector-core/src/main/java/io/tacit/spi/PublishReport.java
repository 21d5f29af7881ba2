package io.tacit.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a publisher did.
 *
 * @param outcomes one line per catalog entity touched, in plan order
 */
public record PublishReport(String publisher, int added, int changed, int retired, int unchanged, List<Outcome> outcomes) {
    public PublishReport {
        requireNonNull(publisher, "publisher is null");
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes is null"));
    }

    public long failures() {
        return outcomes.stream().filter(outcome -> !outcome.ok()).count();
    }

    /**
     * @param target the catalog entity
     * @param ok whether every change to it was applied
     * @param message what happened, or the server's own error message
     */
    public record Outcome(String target, boolean ok, String message) {
        public Outcome {
            requireNonNull(target, "target is null");
            requireNonNull(message, "message is null");
        }
    }
}
