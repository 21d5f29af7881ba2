package io.tacit.evaluation;

import java.util.Collection;

/**
 * Precision, recall and F1 of predicted edges against a truth: the one definition the evaluation and the
 * trainer both report. The empty cases are decided here, once: nothing predicted gives precision 0, nothing
 * to find gives recall 0 (a run that found nothing is never reported as precise), and F1 is 0 when both are.
 *
 * @param truePositives predictions found in the truth
 * @param falsePositives predictions not in the truth (predictions counted neither way are left out)
 * @param truthEdges edges in the truth
 */
public record Metrics(int truePositives, int falsePositives, int truthEdges) {
    public Metrics {
        if (truePositives < 0 || falsePositives < 0 || truthEdges < 0) {
            throw new IllegalArgumentException("negative count: " + truePositives + " true positives, "
                    + falsePositives + " false positives, " + truthEdges + " truth edges");
        }
    }

    /** The counts of several runs added up (pooled precision and recall). */
    public static Metrics pooled(Collection<Metrics> runs) {
        int truePositives = 0;
        int falsePositives = 0;
        int truthEdges = 0;
        for (Metrics run : runs) {
            truePositives += run.truePositives;
            falsePositives += run.falsePositives;
            truthEdges += run.truthEdges;
        }
        return new Metrics(truePositives, falsePositives, truthEdges);
    }

    /** Correct share of the predictions; 0 when nothing was predicted. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** Share of the truth found; 0 for an empty truth. */
    public double recall() {
        return truthEdges == 0 ? 0.0 : (double) truePositives / truthEdges;
    }

    public double f1() {
        double precision = precision();
        double recall = recall();
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
