package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ColumnSet;
import io.tacit.model.Relationship;
import io.tacit.model.SchemaSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores predicted relationships against a truth set: a prediction in truth.csv is a true positive, one found
 * only in truth_extra.csv counts neither way, anything else is a false positive; recall is against truth.csv
 * alone. Edges match on (referencing table, columns in order) → (referenced table, columns in order); a
 * polymorphic edge's discriminator is not part of the match, and the same edge predicted twice counts once.
 */
public final class Scorer {
    /** Bucket bounds for the calibration table: the default threshold is 0.5. */
    private static final double[] BOUNDS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final boolean ignoreCase;

    /** @param ignoreCase compare names ignoring case (MariaDB and SQLite may fold them) */
    public Scorer(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    /**
     * @param truth a truth set {@linkplain TruthSet#resolve resolved} against {@code snapshot}
     * @param predicted the inferred relationships (declared ones must be filtered out by the caller)
     */
    public Score score(TruthSet truth, List<Relationship> predicted, SchemaSnapshot snapshot) {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        requireNonNull(snapshot, "snapshot is null");
        Map<String, TruthEdge> truthByKey = new LinkedHashMap<>();
        truth.edges().forEach(edge -> truthByKey.putIfAbsent(key(edge.from(), edge.to()), edge));
        Map<String, TruthEdge> extraByKey = new HashMap<>();
        truth.extra().forEach(edge -> extraByKey.putIfAbsent(key(edge.from(), edge.to()), edge));

        Map<String, Relationship> unique = new LinkedHashMap<>();
        for (Relationship relationship : predicted.stream().sorted().toList()) {
            unique.merge(key(relationship.from(), relationship.to()), relationship,
                    (kept, other) -> other.confidence() > kept.confidence() ? other : kept);
        }

        List<Double> scoredConfidence = new ArrayList<>();
        List<Boolean> scoredCorrect = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int truePositives = 0;
        int falsePositives = 0;
        int extraMatches = 0;
        for (Map.Entry<String, Relationship> entry : unique.entrySet()) {
            Relationship relationship = entry.getValue();
            if (truthByKey.containsKey(entry.getKey())) {
                truePositives++;
                scoredConfidence.add(relationship.confidence());
                scoredCorrect.add(true);
            } else if (extraByKey.containsKey(entry.getKey())) {
                extraMatches++;
            } else {
                falsePositives++;
                scoredConfidence.add(relationship.confidence());
                scoredCorrect.add(false);
                wrong.add(relationship.from() + " -> " + relationship.to()
                        + String.format(Locale.ROOT, " (%.2f)", relationship.confidence()));
            }
        }

        List<String> missed = new ArrayList<>();
        Map<HardCase, int[]> categories = new EnumMap<>(HardCase.class);
        for (HardCase category : HardCase.values()) {
            categories.put(category, new int[2]);
        }
        for (Map.Entry<String, TruthEdge> entry : truthByKey.entrySet()) {
            TruthEdge edge = entry.getValue();
            boolean found = unique.containsKey(entry.getKey());
            if (!found) {
                missed.add(edge.toString());
            }
            Set<HardCase> cases = HardCase.classify(edge, truth.edges(), snapshot);
            for (HardCase category : cases) {
                int[] counts = categories.get(category);
                counts[0]++;
                if (found) {
                    counts[1]++;
                }
            }
        }
        List<CategoryRecall> recalls = new ArrayList<>();
        categories.forEach((category, counts) -> recalls.add(new CategoryRecall(category, counts[0], counts[1])));

        List<CalibrationBucket> buckets = calibration(scoredConfidence, scoredCorrect);
        return new Score(truthByKey.size(), truePositives, falsePositives, extraMatches, recalls, buckets,
                expectedCalibrationError(buckets), missed, wrong);
    }

    /** Buckets 0.5-0.6 ... 0.9-1.0, plus 0.0-0.5 when any prediction falls below the default threshold. */
    static List<CalibrationBucket> calibration(List<Double> confidences, List<Boolean> correct) {
        int buckets = BOUNDS.length;
        int[] counts = new int[buckets];
        int[] right = new int[buckets];
        double[] sums = new double[buckets];
        for (int i = 0; i < confidences.size(); i++) {
            int bucket = bucketOf(confidences.get(i));
            counts[bucket]++;
            sums[bucket] += confidences.get(i);
            if (correct.get(i)) {
                right[bucket]++;
            }
        }
        List<CalibrationBucket> result = new ArrayList<>();
        if (counts[0] > 0) {
            result.add(new CalibrationBucket(0.0, BOUNDS[0], counts[0], right[0], sums[0] / counts[0]));
        }
        for (int bucket = 1; bucket < buckets; bucket++) {
            double mean = counts[bucket] == 0 ? 0.0 : sums[bucket] / counts[bucket];
            result.add(new CalibrationBucket(BOUNDS[bucket - 1], BOUNDS[bucket], counts[bucket], right[bucket], mean));
        }
        return result;
    }

    /** Index 0 is below 0.5; index k (1..5) is [BOUNDS[k-1], BOUNDS[k]), the last one closed. */
    private static int bucketOf(double confidence) {
        if (confidence < BOUNDS[0]) {
            return 0;
        }
        for (int k = 1; k < BOUNDS.length; k++) {
            if (confidence < BOUNDS[k]) {
                return k;
            }
        }
        return BOUNDS.length - 1;
    }

    static double expectedCalibrationError(List<CalibrationBucket> buckets) {
        int total = buckets.stream().mapToInt(CalibrationBucket::predictions).sum();
        if (total == 0) {
            return 0.0;
        }
        double error = 0.0;
        for (CalibrationBucket bucket : buckets) {
            if (bucket.predictions() > 0) {
                error += (double) bucket.predictions() / total
                        * Math.abs(bucket.precision() - bucket.meanConfidence());
            }
        }
        return error;
    }

    private String key(ColumnSet from, ColumnSet to) {
        return side(from) + "->" + side(to);
    }

    private String side(ColumnSet side) {
        String text = side.table().schema() + "\u0000" + side.table().table() + "\u0000"
                + String.join("\u0001", side.columns());
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }
}
