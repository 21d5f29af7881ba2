package io.tacit.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tacit.model.StatisticsLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders evaluation results as JSON (every figure, for scripts) or Markdown (the tables of BENCHMARKS.md). */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {
    }

    public static String json(List<EvaluationResult> results) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (EvaluationResult result : results) {
            Score score = result.score();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("dataset", result.dataset());
            run.put("target", result.target());
            run.put("level", result.level().label());
            run.put("tables", result.tables());
            run.put("columns", result.columns());
            run.put("rows", result.rows());
            run.put("truthEdges", score.truthEdges());
            run.put("truePositives", score.truePositives());
            run.put("falsePositives", score.falsePositives());
            run.put("falseNegatives", score.falseNegatives());
            run.put("extraMatches", score.extraMatches());
            run.put("precision", round(score.precision()));
            run.put("recall", round(score.recall()));
            run.put("f1", round(score.f1()));
            List<Map<String, Object>> categories = new ArrayList<>();
            for (CategoryRecall category : score.categories()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("category", category.category().label());
                entry.put("edges", category.edges());
                entry.put("found", category.found());
                entry.put("recall", category.edges() == 0 ? null : round(category.recall()));
                categories.add(entry);
            }
            run.put("categories", categories);
            List<Map<String, Object>> buckets = new ArrayList<>();
            for (CalibrationBucket bucket : score.calibration()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("bucket", bucket.label());
                entry.put("predictions", bucket.predictions());
                entry.put("correct", bucket.correct());
                entry.put("meanConfidence", bucket.predictions() == 0 ? null : round(bucket.meanConfidence()));
                entry.put("precision", bucket.predictions() == 0 ? null : round(bucket.precision()));
                buckets.add(entry);
            }
            run.put("calibration", buckets);
            run.put("expectedCalibrationError", round(score.expectedCalibrationError()));
            run.put("stageMillis", result.stageMillis());
            run.put("repeats", result.repeats());
            run.put("model", result.model());
            run.put("missed", score.missed());
            run.put("falsePositiveEdges", score.wrong());
            runs.add(run);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("toolVersion", io.tacit.run.ToolVersion.current());
        document.put("runs", runs);
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation as JSON", e);
        }
    }

    public static String markdown(List<EvaluationResult> results) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> models = new java.util.TreeSet<>();
        results.forEach(result -> models.add(result.model()));
        if (!models.isEmpty()) {
            out.append("Scoring model: ").append(String.join(", ", models)).append("\n\n");
        }
        out.append("| dataset | target | level | tables | truth | TP | FP | FN | extra | P | R | F1 | ECE"
                + " | load ms | read ms | stats ms | infer ms |\n");
        out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (EvaluationResult result : results) {
            Score score = result.score();
            Map<String, Long> stages = result.stageMillis();
            out.append("| ").append(result.dataset())
                    .append(" | ").append(result.target())
                    .append(" | ").append(result.level().label())
                    .append(" | ").append(result.tables())
                    .append(" | ").append(score.truthEdges())
                    .append(" | ").append(score.truePositives())
                    .append(" | ").append(score.falsePositives())
                    .append(" | ").append(score.falseNegatives())
                    .append(" | ").append(score.extraMatches())
                    .append(" | ").append(fixed(score.precision()))
                    .append(" | ").append(fixed(score.recall()))
                    .append(" | ").append(fixed(score.f1()))
                    .append(" | ").append(fixed(score.expectedCalibrationError()))
                    .append(" | ").append(stages.getOrDefault(Evaluation.LOAD, 0L))
                    .append(" | ").append(stages.getOrDefault(Evaluation.READ_SCHEMA, 0L))
                    .append(" | ").append(stages.getOrDefault(Evaluation.STATISTICS, 0L))
                    .append(" | ").append(stages.getOrDefault(Evaluation.INFERENCE, 0L))
                    .append(" |\n");
        }
        out.append('\n').append(summary(results));
        out.append('\n').append(categories(results));
        out.append('\n').append(calibration(results));
        return out.toString();
    }

    /** Mean precision, recall and F1 per target and level, over the datasets evaluated there. */
    static String summary(List<EvaluationResult> results) {
        Map<String, List<Score>> groups = new TreeMap<>();
        for (EvaluationResult result : results) {
            groups.computeIfAbsent(result.target() + " | " + levelOrder(result.level()), key -> new ArrayList<>())
                    .add(result.score());
        }
        StringBuilder out = new StringBuilder();
        out.append("| target | level | datasets | mean P | mean R | mean F1 | pooled P | pooled R |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, List<Score>> group : groups.entrySet()) {
            List<Score> scores = group.getValue();
            Metrics pooled = Metrics.pooled(scores.stream().map(Score::metrics).toList());
            out.append("| ").append(group.getKey().replaceFirst("\\| \\d ", "| "))
                    .append(" | ").append(scores.size())
                    .append(" | ").append(fixed(scores.stream().mapToDouble(Score::precision).average().orElse(0)))
                    .append(" | ").append(fixed(scores.stream().mapToDouble(Score::recall).average().orElse(0)))
                    .append(" | ").append(fixed(scores.stream().mapToDouble(Score::f1).average().orElse(0)))
                    .append(" | ").append(fixed(pooled.precision()))
                    .append(" | ").append(fixed(pooled.recall()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Found / edges per hard case for every run (a dash where the truth has none of that kind). */
    static String categories(List<EvaluationResult> results) {
        StringBuilder out = new StringBuilder("| dataset | target | level |");
        StringBuilder rule = new StringBuilder("| --- | --- | --- |");
        for (HardCase category : HardCase.values()) {
            out.append(' ').append(category.label()).append(" |");
            rule.append(" ---: |");
        }
        out.append('\n').append(rule).append('\n');
        for (EvaluationResult result : results) {
            out.append("| ").append(result.dataset()).append(" | ").append(result.target()).append(" | ")
                    .append(result.level().label()).append(" |");
            for (CategoryRecall category : result.score().categories()) {
                if (category.edges() == 0) {
                    out.append(" - |");
                } else {
                    out.append(' ').append(category.found()).append('/').append(category.edges()).append(" |");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Calibration pooled over every run of one target and level: predictions, observed precision, ECE. */
    static String calibration(List<EvaluationResult> results) {
        Map<String, List<CalibrationBucket>> pooled = new TreeMap<>();
        for (EvaluationResult result : results) {
            String key = result.target() + " | " + levelOrder(result.level());
            List<CalibrationBucket> buckets = pooled.get(key);
            List<CalibrationBucket> next = new ArrayList<>();
            for (CalibrationBucket bucket : result.score().calibration()) {
                CalibrationBucket existing = buckets == null ? null : buckets.stream()
                        .filter(other -> other.lower() == bucket.lower()).findFirst().orElse(null);
                if (existing == null) {
                    next.add(bucket);
                } else {
                    int predictions = existing.predictions() + bucket.predictions();
                    double mean = predictions == 0 ? 0 : (existing.meanConfidence() * existing.predictions()
                            + bucket.meanConfidence() * bucket.predictions()) / predictions;
                    next.add(new CalibrationBucket(bucket.lower(), bucket.upper(), predictions,
                            existing.correct() + bucket.correct(), mean));
                }
            }
            if (buckets != null) {
                for (CalibrationBucket existing : buckets) {
                    if (next.stream().noneMatch(bucket -> bucket.lower() == existing.lower())) {
                        next.add(existing);
                    }
                }
            }
            next.sort((left, right) -> Double.compare(left.lower(), right.lower()));
            pooled.put(key, next);
        }
        StringBuilder out = new StringBuilder("Each cell: predictions · mean confidence → observed precision.\n\n");
        List<CalibrationBucket> header = Scorer.calibration(List.of(), List.of());
        out.append("| target | level |");
        StringBuilder rule = new StringBuilder("| --- | --- |");
        boolean low = pooled.values().stream().anyMatch(buckets -> buckets.get(0).lower() == 0.0);
        if (low) {
            out.append(" 0.0-0.5 |");
            rule.append(" ---: |");
        }
        for (CalibrationBucket bucket : header) {
            out.append(' ').append(bucket.label()).append(" |");
            rule.append(" ---: |");
        }
        out.append(" ECE |\n").append(rule).append(" ---: |\n");
        for (Map.Entry<String, List<CalibrationBucket>> entry : pooled.entrySet()) {
            out.append("| ").append(entry.getKey().replaceFirst("\\| \\d ", "| ")).append(" |");
            List<CalibrationBucket> buckets = entry.getValue();
            if (low && buckets.get(0).lower() != 0.0) {
                out.append(" - |");
            }
            for (CalibrationBucket bucket : buckets) {
                if (bucket.predictions() == 0) {
                    out.append(" - |");
                } else {
                    out.append(' ').append(bucket.predictions()).append(" · ").append(fixed(bucket.meanConfidence()))
                            .append(" → ").append(fixed(bucket.precision())).append(" |");
                }
            }
            out.append(' ').append(fixed(Scorer.expectedCalibrationError(buckets))).append(" |\n");
        }
        return out.toString();
    }

    /** Sorts levels in pipeline order inside a text key; the digit is removed when printed. */
    private static String levelOrder(StatisticsLevel level) {
        return level.ordinal() + " " + level.label();
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
