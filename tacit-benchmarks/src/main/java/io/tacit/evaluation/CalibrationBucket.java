package io.tacit.evaluation;

/**
 * Predictions whose confidence lies in [{@code lower}, {@code upper}) (the last bucket includes 1.0), and how
 * many of them were right. Predictions matching only the extra truth are not counted.
 */
public record CalibrationBucket(double lower, double upper, int predictions, int correct, double meanConfidence) {
    public CalibrationBucket {
        if (correct < 0 || correct > predictions) {
            throw new IllegalArgumentException(correct + " correct of " + predictions + " predictions");
        }
    }

    /** Observed precision in this bucket; 0 when it is empty. */
    public double precision() {
        return predictions == 0 ? 0.0 : (double) correct / predictions;
    }

    public String label() {
        return String.format(java.util.Locale.ROOT, "%.1f-%.1f", lower, upper);
    }
}
