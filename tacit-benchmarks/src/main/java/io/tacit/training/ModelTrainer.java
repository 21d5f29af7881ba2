package io.tacit.training;

import io.tacit.inference.scoring.ScoredCandidate;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.inference.scoring.CandidateScorer;
import io.tacit.error.TacitException;
import io.tacit.evaluation.Metrics;
import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.inference.calibration.IsotonicCalibration;
import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.CandidateGenerator;
import io.tacit.inference.candidates.NameIndex;
import io.tacit.inference.signals.SignalContext;
import io.tacit.inference.signals.Signals;
import io.tacit.model.Containment;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.output.AtomicFile;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Trains the scoring model on the shared benchmarks and reports leave-one-dataset-out figures.
 *
 * <p>For every dataset at level {@code metadata} (and {@code full} when it has data) the candidates and their
 * signal features become examples, labelled by {@code truth.csv} (edges only in {@code truth_extra.csv} are
 * left out). For each dataset a model trained on the others runs the whole pipeline on it; the held-out
 * selected edges calibrate the final model (isotonic) and give precision, recall, F1 and the expected
 * calibration error, each dataset scored by a calibration fitted without it. The final weights are fitted on
 * every dataset. Deterministic: the same benchmarks give the same file.
 *
 * <p>Run by {@code tacit train} (see {@code scripts/train-model.sh}).
 */
public final class ModelTrainer {
    static final double L2 = 0.3;
    /** The prior of the exact naming conventions (chosen while looking at held-out figures: see BENCHMARKS.md). */
    static final double EXACT_CONVENTION = 2.5;
    /**
     * Prior weights: what a careful person would guess before seeing any benchmark. The fit is pulled towards
     * them, so a name convention that only one dataset uses (held out) still counts for something.
     */
    static final Map<String, Double> PRIOR = Map.ofEntries(
            Map.entry("name-affinity.matched", 4.0),
            // how specific each naming convention is, relative to any name match. The exact ones — the key's own
            // name, the table's name, the n-th column of a link table named after n tables, a one-column key of a
            // table named after another — share one prior; looser ones (roles, completions) get less
            Map.entry("name-affinity.key_name", EXACT_CONVENTION),
            Map.entry("name-affinity.table_name", EXACT_CONVENTION),
            Map.entry("name-affinity.junction_position", EXACT_CONVENTION),
            Map.entry("name-affinity.extension", EXACT_CONVENTION),
            Map.entry("name-affinity.composite", 1.0),
            Map.entry("name-affinity.self_role", 1.0),
            Map.entry("name-affinity.role_name", 1.0),
            Map.entry("name-affinity.qualified_name", 0.5),
            Map.entry("name-affinity.person_role", 0.5),
            Map.entry("containment.ratio", 2.0),
            Map.entry("containment.complete", 1.0),
            Map.entry("containment.mostly_missing", -2.0),
            // every value tuple of several columns found in a composite key: tuples rarely match by accident
            Map.entry("containment.composite_complete", 2.0),
            Map.entry("target-uniqueness.primary", 1.0),
            // a key column named exactly like another table is itself a reference to that table (chains go to the root)
            Map.entry("target-uniqueness.named_after_other_table", -2.0),
            Map.entry("type-compatibility.same_native", 0.5),
            // values the database generates (sequence, identity) are the table's own ids, not copies of another's
            Map.entry("key-shape.generated", -3.0),
            Map.entry("type-compatibility.cross_family", -0.5),
            Map.entry("rivals.log_others", -0.5),
            // flags, counts and sort orders hold small integers that any dense 1..N id range contains
            Map.entry("measure-column.name", -1.0),
            Map.entry("measure-column.boolean_domain", -1.5),
            Map.entry("measure-column.few_values", -1.0),
            Map.entry("measure-column.zero_default", -0.5));
    /**
     * Signals left out of training and scoring, for ablation: {@code -Dtacit.train.ablate=measure-column,...}. Their
     * features are dropped from every example and from the prior, so the model gives them no weight.
     */
    static final Set<String> ABLATED = Set.of(System.getProperty("tacit.train.ablate", "").split(",")).stream()
            .filter(name -> !name.isBlank()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    static final int ITERATIONS = 30;
    /**
     * How the held-out reports group the benchmarks: the classic eleven (textbook schemas, tuned on) and the
     * real applications by ecosystem. A dataset in no group is reported under "other".
     */
    static final Map<String, List<String>> GROUPS = groups(
            "classic eleven", List.of("adventureworks", "chinook", "employees", "imdb_job", "musicbrainz", "northwind",
                    "oracle_co", "oracle_hr", "pagila", "sakila", "tpch"),
            "Java engines", List.of("camunda", "hive_metastore", "keycloak", "quartz"),
            "JavaScript", List.of("ghost", "logto", "n8n"),
            "PHP/Perl", List.of("davical", "ledgersmb", "roundcube", "ttrss", "zabbix"),
            "Python", List.of("buildbot", "cinder", "lava", "neutron"));
    static final double THRESHOLD = InferenceSettings.DEFAULTS.minConfidence();
    private static final RunContext RUN = new RunContext(new RunId("tacit-training"), "training", Instant.EPOCH);

    private ModelTrainer() {
    }

    /** One held-out prediction: a selected edge with its raw score and whether it is true. */
    record Prediction(String dataset, StatisticsLevel level, String edge, double raw, boolean positive, boolean values) {
    }

    /** Counts per dataset and level; precision, recall and F1 as the evaluation reports them. */
    record Score(String dataset, StatisticsLevel level, int truePositives, int falsePositives, int truth) {
        Metrics metrics() {
            return new Metrics(truePositives, falsePositives, truth);
        }

        double precision() {
            return metrics().precision();
        }

        double recall() {
            return metrics().recall();
        }

        double f1() {
            return metrics().f1();
        }
    }

    /** Trains on every dataset under {@code benchmarks}, writes the model file and returns the training report. */
    public static String train(Path benchmarks, Path modelFile) throws IOException {
        return write(loadAll(benchmarks), modelFile, null);
    }

    /**
     * Trains the same way on every dataset but {@code leftOut} and writes that model: it never saw the left-out
     * dataset, so {@code tacit evaluate --model} can measure it on that dataset loaded into a real database.
     */
    public static String trainWithout(Path benchmarks, String leftOut, Path modelFile) throws IOException {
        List<BenchmarkDataset> all = loadAll(benchmarks);
        List<BenchmarkDataset> others = all.stream().filter(dataset -> !dataset.name().equals(leftOut)).toList();
        if (others.size() == all.size()) {
            throw unknownDataset(benchmarks, leftOut, all);
        }
        return write(others, modelFile, "left out: " + leftOut);
    }

    /** The strict held-out report of {@link #nested(List)} over every dataset under {@code benchmarks}. */
    public static String nested(Path benchmarks) throws IOException {
        return nested(loadAll(benchmarks));
    }

    /** Per dataset and level, how many candidates of each name-match kind there are and how many are true. */
    public static String kinds(Path benchmarks) throws IOException {
        StringBuilder out = new StringBuilder();
        for (BenchmarkDataset dataset : loadAll(benchmarks)) {
            for (StatisticsLevel level : levels(dataset)) {
                Map<String, int[]> counts = new TreeMap<>();
                for (LogisticRegression.Example example : examples(dataset, level)) {
                    example.features().forEach((feature, value) -> {
                        if (feature.startsWith("name-affinity.") && !feature.endsWith("kinds") && value > 0) {
                            int[] count = counts.computeIfAbsent(feature.substring(14), ignored -> new int[2]);
                            count[0]++;
                            count[1] += example.positive() ? 1 : 0;
                        }
                    });
                }
                out.append(dataset.name()).append('/').append(level.label()).append(':');
                counts.forEach((kind, count) -> out.append(' ').append(kind).append('=').append(count[1]).append('/').append(count[0]));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static TacitException unknownDataset(Path benchmarks, String name, List<BenchmarkDataset> all) {
        return TacitException.config("no dataset named " + name + " in " + benchmarks,
                "datasets: " + all.stream().map(BenchmarkDataset::name).toList());
    }

    /** Trains on {@code datasets}, writes the model file and returns the training report. */
    static String write(List<BenchmarkDataset> datasets, Path modelFile, String note) throws IOException {
        Training training = train(datasets);
        List<String> header = new ArrayList<>();
        header.add("trained by io.tacit.inference.scoring.ModelTrainer (scripts/train-model.sh) on "
                + datasets.stream().map(BenchmarkDataset::name).toList() + (note == null ? "" : "; " + note));
        header.add(String.format(Locale.ROOT, "l2 %.2f; leave-one-dataset-out: mean F1 metadata %.3f, full %.3f; precision %.3f; ECE %.3f",
                L2, training.meanF1(StatisticsLevel.METADATA), training.meanF1(StatisticsLevel.FULL),
                training.precision(), training.expectedCalibrationError()));
        AtomicFile.write(modelFile, training.model().format(header));
        return training.report();
    }

    /**
     * Held out without any shared step: for each dataset, the complete model of the other ones — weights and the
     * calibration of their own leave-one-out predictions, exactly what {@code without <dataset>} writes — runs on
     * it, and its confidences are scored as they are. Unlike the figures of {@link #train}, no part of the map
     * from raw score to confidence was fitted on scores of models that saw the held-out dataset. Eleven times the
     * work of one training.
     */
    static String nested(List<BenchmarkDataset> datasets) {
        List<Prediction> predictions = new ArrayList<>();
        Map<String, Integer> truthSizes = new TreeMap<>();
        // a dataset's examples do not depend on which others it is trained with: built once, not once per held-out one
        Map<String, List<LogisticRegression.Example>> examples = examplesByDataset(datasets);
        for (BenchmarkDataset heldOut : datasets) {
            List<BenchmarkDataset> others = datasets.stream().filter(dataset -> dataset != heldOut).toList();
            ScoringModel model = train(others, examples, prior()).model();
            for (StatisticsLevel level : levels(heldOut)) {
                predictions.addAll(predict(heldOut, level, model));
                truthSizes.put(heldOut.name() + "/" + level.label(), heldOut.truth().size());
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        truthSizes.keySet().forEach(key -> counts.put(key, new int[2]));
        double[] confidence = new double[10];
        double[] hits = new double[10];
        int[] binCounts = new int[10];
        double publishedError = 0;
        int published = 0;
        for (Prediction prediction : predictions) {
            int bin = Math.min(9, (int) (prediction.raw() * 10));
            confidence[bin] += prediction.raw();
            hits[bin] += prediction.positive() ? 1 : 0;
            binCounts[bin]++;
            if (prediction.raw() >= THRESHOLD) {
                counts.get(prediction.dataset() + "/" + prediction.level().label())[prediction.positive() ? 0 : 1]++;
                published++;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| dataset | level | truth | TP | FP | precision | recall | F1 |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<Score> scores = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("/");
            Score score = new Score(parts[0], StatisticsLevel.parse(parts[1]), count[0], count[1], truthSizes.get(key));
            scores.add(score);
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", score.dataset(),
                    score.level().label(), score.truth(), score.truePositives(), score.falsePositives(),
                    score.precision(), score.recall(), score.f1()));
        });
        out.append("\n| confidence | edges | mean confidence | observed precision |\n| --- | ---: | ---: | ---: |\n");
        double error = 0;
        for (int bin = 0; bin < 10; bin++) {
            if (binCounts[bin] > 0) {
                out.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", bin / 10.0, (bin + 1) / 10.0,
                        binCounts[bin], confidence[bin] / binCounts[bin], hits[bin] / binCounts[bin]));
                error += Math.abs(confidence[bin] - hits[bin]) / predictions.size();
                if (bin >= THRESHOLD * 10) {
                    publishedError += Math.abs(confidence[bin] - hits[bin]);
                }
            }
        }
        out.append('\n').append(groupTable(scores));
        Metrics pooled = Metrics.pooled(scores.stream().map(Score::metrics).toList());
        out.append(String.format(Locale.ROOT,
                "%nnested leave-one-dataset-out at confidence >= %.2f: mean F1 metadata %.3f (%d datasets), full %.3f; "
                        + "precision %.3f; ECE %.3f over every kept edge, %.3f over the published ones%n",
                THRESHOLD,
                scores.stream().filter(score -> score.level() == StatisticsLevel.METADATA).mapToDouble(Score::f1).average().orElse(0),
                scores.stream().filter(score -> score.level() == StatisticsLevel.METADATA).count(),
                scores.stream().filter(score -> score.level() == StatisticsLevel.FULL).mapToDouble(Score::f1).average().orElse(0),
                pooled.precision(), error, published == 0 ? 0 : publishedError / published));
        Set<String> generated = new TreeSet<>();
        datasets.stream().filter(BenchmarkDataset::generated).forEach(dataset -> generated.add(dataset.name()));
        for (StatisticsLevel level : List.of(StatisticsLevel.METADATA, StatisticsLevel.FULL)) {
            for (boolean group : new boolean[] {false, true}) {
                List<Score> members = scores.stream()
                        .filter(score -> score.level() == level && generated.contains(score.dataset()) == group).toList();
                if (!members.isEmpty()) {
                    out.append(groupLine(level.label() + (group ? ", generated data" : ", data shipped or none"), members));
                }
            }
            List<Score> all = scores.stream().filter(score -> score.level() == level).toList();
            out.append(groupLine(level.label() + ", all", all));
        }
        return out.toString();
    }

    /**
     * Leave-one-dataset-out figures (those of {@link #train}) with each signal's features removed in turn, then each
     * naming convention's feature of the name-affinity signal: what each contributes. A removed feature is absent
     * from the examples and the prior, so no model weighs it. Prints and returns a table.
     */
    public static String ablate(Path benchmarks) throws IOException {
        return ablate(loadAll(benchmarks));
    }

    static String ablate(List<BenchmarkDataset> datasets) {
        Map<String, List<LogisticRegression.Example>> examples = examplesByDataset(datasets);
        java.util.SortedSet<String> features = new java.util.TreeSet<>(PRIOR.keySet());
        examples.values().forEach(list -> list.forEach(example -> features.addAll(example.features().keySet())));
        Map<String, java.util.function.Predicate<String>> variants = new java.util.LinkedHashMap<>();
        variants.put("(nothing removed)", feature -> false);
        features.stream().map(feature -> feature.substring(0, feature.indexOf('.'))).distinct()
                .forEach(signal -> variants.put("signal " + signal, feature -> feature.startsWith(signal + ".")));
        features.stream().filter(feature -> feature.startsWith("name-affinity.") && !feature.equals("name-affinity.matched"))
                .forEach(kind -> variants.put("convention " + kind.substring("name-affinity.".length()), kind::equals));
        StringBuilder out = new StringBuilder();
        out.append("| removed | mean F1 metadata | worst F1 (dataset) | classic eleven | real applications | mean F1 full "
                + "| pooled precision |\n| --- | ---: | --- | ---: | ---: | ---: | ---: |\n");
        variants.forEach((name, removed) -> {
            Map<String, List<LogisticRegression.Example>> kept = new TreeMap<>();
            examples.forEach((dataset, list) -> kept.put(dataset, list.stream()
                    .map(example -> new LogisticRegression.Example(without(example.features(), removed),
                            example.positive(), example.weight()))
                    .toList()));
            List<Score> scores = train(datasets, kept, without(PRIOR, removed)).scores();
            List<Score> metadata = scores.stream().filter(score -> score.level() == StatisticsLevel.METADATA).toList();
            Score worst = metadata.stream().min(java.util.Comparator.comparingDouble(Score::f1)).orElseThrow();
            int tp = scores.stream().mapToInt(Score::truePositives).sum();
            int fp = scores.stream().mapToInt(Score::falsePositives).sum();
            String line = String.format(Locale.ROOT, "| %s | %.3f | %.3f (%s) | %.3f | %.3f | %.3f | %.3f |%n", name,
                    metadata.stream().mapToDouble(Score::f1).average().orElse(0), worst.f1(), worst.dataset(),
                    metadata.stream().filter(score -> group(score.dataset()).equals("classic eleven"))
                            .mapToDouble(Score::f1).average().orElse(0),
                    metadata.stream().filter(score -> !group(score.dataset()).equals("classic eleven"))
                            .mapToDouble(Score::f1).average().orElse(0),
                    scores.stream().filter(score -> score.level() == StatisticsLevel.FULL).mapToDouble(Score::f1)
                            .average().orElse(0),
                    new Metrics(tp, fp, 0).precision());
            out.append(line);
        });
        return out.toString();
    }

    private static Map<String, Double> without(Map<String, Double> features, java.util.function.Predicate<String> removed) {
        Map<String, Double> kept = new TreeMap<>();
        features.forEach((feature, value) -> {
            if (!removed.test(feature)) {
                kept.put(feature, value);
            }
        });
        return kept;
    }

    private static boolean ablated(String feature) {
        return ABLATED.contains(feature.substring(0, Math.max(0, feature.indexOf('.'))));
    }

    /** The prior without the ablated signals' features. */
    static Map<String, Double> prior() {
        Map<String, Double> prior = new TreeMap<>(PRIOR);
        prior.keySet().removeIf(ModelTrainer::ablated);
        return prior;
    }

    /** Mean, worst and pooled figures of a group of held-out scores. */
    static String groupLine(String group, List<Score> scores) {
        Score worst = scores.stream().min(java.util.Comparator.comparingDouble(Score::f1).thenComparing(Score::dataset)).orElseThrow();
        Metrics pooled = Metrics.pooled(scores.stream().map(Score::metrics).toList());
        return String.format(Locale.ROOT, "%s (%d datasets): mean F1 %.3f, worst %.3f (%s); pooled precision %.3f, recall %.3f%n",
                group, scores.size(), scores.stream().mapToDouble(Score::f1).average().orElse(0), worst.f1(),
                worst.dataset(), pooled.precision(), pooled.recall());
    }

    /** The held-out errors of one dataset: missed truth edges with their best candidate, false positives. */
    public static String explain(Path benchmarks, String name, StatisticsLevel level) throws IOException {
        List<BenchmarkDataset> datasets = loadAll(benchmarks);
        BenchmarkDataset heldOut = datasets.stream().filter(dataset -> dataset.name().equals(name)).findFirst()
                .orElseThrow(() -> unknownDataset(benchmarks, name, datasets));
        StringBuilder out = new StringBuilder();
        List<LogisticRegression.Example> training = new ArrayList<>();
        for (BenchmarkDataset dataset : datasets) {
            if (!dataset.name().equals(name)) {
                for (StatisticsLevel each : levels(dataset)) {
                    training.addAll(examples(dataset, each));
                }
            }
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(training, L2, ITERATIONS, prior());
        ScoringModel model = new ScoringModel(fit.intercept(), fit.weights(), IsotonicCalibration.identity());
        SchemaSnapshot snapshot = heldOut.snapshot(level);
        Statistics statistics = heldOut.statistics(level);
        NameIndex index = new NameIndex(snapshot, statistics);
        List<Candidate> candidates = new CandidateGenerator(index, statistics).generate();
        SignalContext context = new SignalContext(snapshot, statistics, index, candidates);
        CandidateScorer scorer = new CandidateScorer(Signals.all(), model);
        ValueProbe probe = level == StatisticsLevel.METADATA ? ValueProbe.NONE : heldOut.probe();
        Map<String, ScoredCandidate> scored = new TreeMap<>();
        for (Candidate candidate : candidates) {
            probe.containment(candidate.from(), candidate.to(), candidate.discriminator()).ifPresent(candidate::probed);
            scored.put(candidate.key(), scorer.score(candidate, scorer.measure(candidate, context)));
        }
        java.util.Set<String> predicted = new java.util.TreeSet<>();
        for (Prediction prediction : predict(heldOut, level, model)) {
            if (prediction.raw() >= THRESHOLD) {
                predicted.add(prediction.edge());
            }
        }
        out.append("weights: ").append(fit.weights()).append(" intercept ").append(fit.intercept()).append('\n');
        for (String edge : heldOut.truth()) {
            if (!predicted.contains(edge)) {
                ScoredCandidate candidate = scored.get(edge);
                String from = edge.substring(0, edge.indexOf("->"));
                String rival = scored.values().stream().filter(other -> other.candidate().from().toString().equals(from))
                        .filter(other -> predicted.contains(other.candidate().key()))
                        .map(other -> other.candidate().key() + " " + other.candidate().matches()).findFirst().orElse("-");
                out.append(String.format(Locale.ROOT, "MISSED %s %s | chosen instead: %s%n", edge,
                        candidate == null ? "(no candidate)" : String.format(Locale.ROOT, "%.3f %s %s", candidate.rawProbability(),
                                candidate.candidate().matches(), CandidateScorer.features(candidate.measurements())), rival));
            }
        }
        for (String edge : predicted) {
            if (!heldOut.truth().contains(edge)) {
                ScoredCandidate candidate = scored.get(edge);
                out.append(String.format(Locale.ROOT, "FALSE %s %s%n", edge, candidate == null ? "" : String.format(Locale.ROOT,
                        "%.3f %s %s", candidate.rawProbability(), candidate.candidate().matches(),
                        CandidateScorer.features(candidate.measurements()))));
            }
        }
        return out.toString();
    }

    private static Map<String, List<String>> groups(Object... namesAndMembers) {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndMembers.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> members = (List<String>) namesAndMembers[i + 1];
            groups.put((String) namesAndMembers[i], members);
        }
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** The group of a dataset in {@link #GROUPS}, "other" when none. */
    static String group(String dataset) {
        return GROUPS.entrySet().stream().filter(entry -> entry.getValue().contains(dataset)).map(Map.Entry::getKey)
                .findFirst().orElse("other");
    }

    /**
     * Mean and worst F1 per group of datasets at each level, with pooled precision and recall: the classic eleven,
     * each ecosystem of real applications, the real applications together and everything.
     */
    static String groupTable(List<Score> scores) {
        Map<String, java.util.function.Predicate<String>> rows = new java.util.LinkedHashMap<>();
        for (String name : GROUPS.keySet()) {
            rows.put(name, dataset -> group(dataset).equals(name));
        }
        if (scores.stream().anyMatch(score -> group(score.dataset()).equals("other"))) {
            rows.put("other", dataset -> group(dataset).equals("other"));
        }
        rows.put("real applications", dataset -> !group(dataset).equals("classic eleven"));
        rows.put("all", dataset -> true);
        StringBuilder out = new StringBuilder();
        out.append("| datasets | level | count | mean F1 | worst F1 | worst dataset | pooled precision | pooled recall |\n");
        out.append("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (StatisticsLevel level : List.of(StatisticsLevel.METADATA, StatisticsLevel.FULL)) {
            rows.forEach((name, member) -> {
                List<Score> group = scores.stream().filter(score -> score.level() == level && member.test(score.dataset()))
                        .toList();
                if (group.isEmpty()) {
                    return;
                }
                Score worst = group.stream().min(java.util.Comparator.comparingDouble(Score::f1)).orElseThrow();
                int tp = group.stream().mapToInt(Score::truePositives).sum();
                int fp = group.stream().mapToInt(Score::falsePositives).sum();
                int truth = group.stream().mapToInt(Score::truth).sum();
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s | %.3f | %.3f |%n", name,
                        level.label(), group.size(), group.stream().mapToDouble(Score::f1).average().orElse(0),
                        worst.f1(), worst.dataset(), new Metrics(tp, fp, truth).precision(), new Metrics(tp, fp, truth).recall()));
            });
        }
        return out.toString();
    }

    public static List<BenchmarkDataset> loadAll(Path benchmarks) throws IOException {
        List<BenchmarkDataset> datasets = new ArrayList<>();
        try (Stream<Path> folders = Files.list(benchmarks)) {
            for (Path folder : folders.filter(path -> Files.exists(path.resolve("truth.csv"))).sorted().toList()) {
                datasets.add(BenchmarkDataset.load(folder));
            }
        }
        return datasets;
    }

    static List<StatisticsLevel> levels(BenchmarkDataset dataset) {
        return dataset.hasData() ? List.of(StatisticsLevel.METADATA, StatisticsLevel.FULL) : List.of(StatisticsLevel.METADATA);
    }

    /**
     * Training examples of one dataset at one level: every candidate, as if probed when there is data. They do not
     * depend on the model, so each dataset builds them once however many models the nested figures train.
     */
    static List<LogisticRegression.Example> examples(BenchmarkDataset dataset, StatisticsLevel level) {
        return dataset.examples(level, () -> buildExamples(dataset, level));
    }

    private static List<LogisticRegression.Example> buildExamples(BenchmarkDataset dataset, StatisticsLevel level) {
        SchemaSnapshot snapshot = dataset.snapshot(level);
        Statistics statistics = dataset.statistics(level);
        NameIndex index = new NameIndex(snapshot, statistics);
        List<Candidate> candidates = new CandidateGenerator(index, statistics).generate();
        SignalContext context = new SignalContext(snapshot, statistics, index, candidates);
        CandidateScorer scorer = new CandidateScorer(Signals.all(), ScoringModel.parse(""));
        ValueProbe probe = level == StatisticsLevel.METADATA ? ValueProbe.NONE : dataset.probe();
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!dataset.extra().contains(candidate.key()) || dataset.truth().contains(candidate.key())) {
                kept.add(candidate);
            }
        }
        double weight = 1 / Math.sqrt(Math.max(1, kept.size()));
        List<LogisticRegression.Example> examples = new ArrayList<>();
        for (Candidate candidate : kept) {
            Optional<Containment> containment = probe.containment(candidate.from(), candidate.to(), candidate.discriminator());
            containment.ifPresent(candidate::probed);
            Map<String, Double> features = CandidateScorer.features(scorer.measure(candidate, context));
            if (!ABLATED.isEmpty()) {
                features = new TreeMap<>(features);
                features.keySet().removeIf(ModelTrainer::ablated);
            }
            examples.add(new LogisticRegression.Example(features, dataset.truth().contains(candidate.key()), weight));
        }
        return examples;
    }

    static Training train(List<BenchmarkDataset> datasets) {
        return train(datasets, examplesByDataset(datasets), prior());
    }

    /** Every level's examples of each dataset, by dataset name. */
    static Map<String, List<LogisticRegression.Example>> examplesByDataset(List<BenchmarkDataset> datasets) {
        Map<String, List<LogisticRegression.Example>> byDataset = new TreeMap<>();
        for (BenchmarkDataset dataset : datasets) {
            List<LogisticRegression.Example> all = new ArrayList<>();
            for (StatisticsLevel level : levels(dataset)) {
                all.addAll(examples(dataset, level));
            }
            byDataset.put(dataset.name(), all);
        }
        return byDataset;
    }

    /** {@link #train(List)} from examples already built ({@code examples} may hold more datasets than are used). */
    static Training train(List<BenchmarkDataset> datasets, Map<String, List<LogisticRegression.Example>> built,
            Map<String, Double> prior) {
        Map<String, List<LogisticRegression.Example>> byDataset = new TreeMap<>();
        for (BenchmarkDataset dataset : datasets) {
            byDataset.put(dataset.name(), built.get(dataset.name()));
        }
        List<Prediction> predictions = new ArrayList<>();
        Map<String, Integer> truthSizes = new TreeMap<>();
        for (BenchmarkDataset heldOut : datasets) {
            List<LogisticRegression.Example> training = new ArrayList<>();
            byDataset.forEach((name, examples) -> {
                if (!name.equals(heldOut.name())) {
                    training.addAll(examples);
                }
            });
            LogisticRegression.Fit fit = LogisticRegression.fit(training, L2, ITERATIONS, prior);
            ScoringModel model = new ScoringModel(fit.intercept(), fit.weights(), IsotonicCalibration.identity());
            for (StatisticsLevel level : levels(heldOut)) {
                predictions.addAll(predict(heldOut, level, model));
                truthSizes.put(heldOut.name() + "/" + level.label(), heldOut.truth().size());
            }
        }
        List<LogisticRegression.Example> everything = new ArrayList<>();
        byDataset.values().forEach(everything::addAll);
        LogisticRegression.Fit fit = LogisticRegression.fit(everything, L2, ITERATIONS, prior);
        ScoringModel model = new ScoringModel(fit.intercept(), fit.weights(), calibrate(predictions, Optional.empty(), false),
                calibrate(predictions, Optional.empty(), true));
        return new Training(model, predictions, truthSizes, datasets.stream().map(BenchmarkDataset::name).toList());
    }

    /** Runs the pipeline with a held-out model and keeps every selected edge with its raw score. */
    static List<Prediction> predict(BenchmarkDataset dataset, StatisticsLevel level, ScoringModel model) {
        RelationshipInference inference = new RelationshipInference(new InferenceSettings(0.0, 2_000), model);
        ValueProbe probe = level == StatisticsLevel.METADATA ? ValueProbe.NONE : dataset.probe();
        InferenceResult result = inference.infer(RUN, dataset.snapshot(level), dataset.statistics(level), probe,
                ProgressListener.NONE);
        List<Prediction> predictions = new ArrayList<>();
        for (Relationship relationship : result.inferred()) {
            String edge = relationship.key();
            if (dataset.extra().contains(edge) && !dataset.truth().contains(edge)) {
                continue;
            }
            boolean values = relationship.provenance().evidence().stream()
                    .anyMatch(evidence -> evidence.signal().equals(io.tacit.inference.signals.ContainmentSignal.NAME));
            predictions.add(new Prediction(dataset.name(), level, edge, relationship.confidence(),
                    dataset.truth().contains(edge), values));
        }
        return predictions;
    }

    static IsotonicCalibration calibrate(List<Prediction> predictions, Optional<String> without, boolean values) {
        List<Prediction> used = predictions.stream()
                .filter(prediction -> without.map(name -> !name.equals(prediction.dataset())).orElse(true))
                .filter(prediction -> prediction.values() == values)
                .toList();
        double[] raw = new double[used.size()];
        boolean[] outcomes = new boolean[used.size()];
        double[] weights = new double[used.size()];
        Map<String, Integer> perRun = new TreeMap<>();
        for (Prediction prediction : used) {
            perRun.merge(prediction.dataset() + "/" + prediction.level(), 1, Integer::sum);
        }
        for (int i = 0; i < used.size(); i++) {
            raw[i] = used.get(i).raw();
            outcomes[i] = used.get(i).positive();
            // every dataset and level weighs the same: one large schema must not set everyone's calibration
            weights[i] = 50.0 / perRun.get(used.get(i).dataset() + "/" + used.get(i).level());
        }
        return IsotonicFit.fit(raw, outcomes, weights, 2.0);
    }

    /** The outcome of training: the model and the held-out figures. */
    record Training(ScoringModel model, List<Prediction> predictions, Map<String, Integer> truthSizes,
            List<String> datasets) {
        /** Held-out predictions with confidences from a calibration fitted without their dataset. */
        List<double[]> calibrated() {
            List<double[]> result = new ArrayList<>();
            Map<String, IsotonicCalibration> perDataset = new TreeMap<>();
            for (Prediction prediction : predictions) {
                IsotonicCalibration calibration = perDataset.computeIfAbsent(prediction.dataset() + "/" + prediction.values(),
                        name -> calibrate(predictions, Optional.of(prediction.dataset()), prediction.values()));
                result.add(new double[] {calibration.apply(prediction.raw()), prediction.positive() ? 1 : 0});
            }
            return result;
        }

        List<Score> scores() {
            return scores(THRESHOLD);
        }

        List<Score> scores(double threshold) {
            List<double[]> calibrated = calibrated();
            Map<String, int[]> counts = new TreeMap<>();
            truthSizes.keySet().forEach(key -> counts.put(key, new int[2]));
            for (int i = 0; i < predictions.size(); i++) {
                if (calibrated.get(i)[0] < threshold) {
                    continue;
                }
                Prediction prediction = predictions.get(i);
                int[] count = counts.get(prediction.dataset() + "/" + prediction.level().label());
                count[prediction.positive() ? 0 : 1]++;
            }
            List<Score> scores = new ArrayList<>();
            counts.forEach((key, count) -> {
                String[] parts = key.split("/");
                scores.add(new Score(parts[0], StatisticsLevel.parse(parts[1]), count[0], count[1], truthSizes.get(key)));
            });
            return scores;
        }

        double meanF1(StatisticsLevel level) {
            return scores().stream().filter(score -> score.level() == level).mapToDouble(Score::f1).average().orElse(0);
        }

        double precision() {
            return Metrics.pooled(scores().stream().map(Score::metrics).toList()).precision();
        }

        /** Expected calibration error over 10 equal-width confidence bins of held-out selected edges. */
        double expectedCalibrationError() {
            List<double[]> calibrated = calibrated();
            double[] confidence = new double[10];
            double[] hits = new double[10];
            int[] counts = new int[10];
            for (double[] point : calibrated) {
                int bin = Math.min(9, (int) (point[0] * 10));
                confidence[bin] += point[0];
                hits[bin] += point[1];
                counts[bin]++;
            }
            double error = 0;
            for (int bin = 0; bin < 10; bin++) {
                if (counts[bin] > 0) {
                    error += Math.abs(confidence[bin] - hits[bin]) / calibrated.size();
                }
            }
            return error;
        }

        String report() {
            StringBuilder out = new StringBuilder();
            out.append("| dataset | level | truth | TP | FP | precision | recall | F1 |\n");
            out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Score score : scores()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                        score.dataset(), score.level().label(), score.truth(), score.truePositives(),
                        score.falsePositives(), score.precision(), score.recall(), score.f1()));
            }
            out.append("\n| confidence | edges | mean confidence | observed precision |\n| --- | ---: | ---: | ---: |\n");
            List<double[]> calibrated = calibrated();
            for (int bin = 0; bin < 10; bin++) {
                double sum = 0;
                double hits = 0;
                int count = 0;
                for (double[] point : calibrated) {
                    if (Math.min(9, (int) (point[0] * 10)) == bin) {
                        sum += point[0];
                        hits += point[1];
                        count++;
                    }
                }
                if (count > 0) {
                    out.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", bin / 10.0, (bin + 1) / 10.0,
                            count, sum / count, hits / count));
                }
            }
            out.append('\n').append(groupTable(scores()));
            out.append("\n| threshold | mean F1 metadata | mean F1 full | pooled precision |\n| ---: | ---: | ---: | ---: |\n");
            for (double threshold : new double[] {0.3, 0.5, 0.7, 0.8, 0.9}) {
                List<Score> scores = scores(threshold);
                out.append(String.format(Locale.ROOT, "| %.1f | %.3f | %.3f | %.3f |%n", threshold,
                        scores.stream().filter(score -> score.level() == StatisticsLevel.METADATA).mapToDouble(Score::f1).average().orElse(0),
                        scores.stream().filter(score -> score.level() == StatisticsLevel.FULL).mapToDouble(Score::f1).average().orElse(0),
                        Metrics.pooled(scores.stream().map(Score::metrics).toList()).precision()));
            }
            out.append(String.format(Locale.ROOT,
                    "%nleave-one-dataset-out at confidence >= %.2f: mean F1 metadata %.3f (%d datasets), full %.3f; "
                            + "precision %.3f; ECE %.3f%n",
                    THRESHOLD, meanF1(StatisticsLevel.METADATA),
                    scores().stream().filter(score -> score.level() == StatisticsLevel.METADATA).count(),
                    meanF1(StatisticsLevel.FULL), precision(), expectedCalibrationError()));
            return out.toString();
        }
    }
}
