package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.run.ToolVersion;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.ValueProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The evaluation harness: loads a benchmark dataset into a fresh database, runs discovery on it with declared
 * foreign keys ignored, and scores the inferred relationships against the dataset's truth.
 */
public final class Evaluation {
    public static final String LOAD = "load";
    public static final String READ_SCHEMA = "read schema";
    public static final String STATISTICS = "statistics";
    public static final String INFERENCE = "inference";

    private final EvaluationServers servers;
    private final Options options;

    /**
     * @param repeats discovery runs per level; times are the medians, the score is the first run's
     * @param keepDatabases leave loaded databases in place for inspection
     * @param forceDrop drop an existing {@code tacit_eval_*} database even while sessions use it (ending them)
     */
    public record Options(int repeats, boolean keepDatabases, InferenceSettings inference, ProgressListener progress,
            boolean forceDrop) {
        public static final Options DEFAULTS = new Options(1, false, InferenceSettings.DEFAULTS, ProgressListener.NONE);

        public Options {
            requireNonNull(inference, "inference is null");
            requireNonNull(progress, "progress is null");
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats must be 1 or more: " + repeats);
            }
        }

        /** Never ending sessions on an existing database. */
        public Options(int repeats, boolean keepDatabases, InferenceSettings inference, ProgressListener progress) {
            this(repeats, keepDatabases, inference, progress, false);
        }
    }

    public Evaluation(EvaluationServers servers, Options options) {
        this.servers = requireNonNull(servers, "servers is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Loads {@code dataset} into a fresh database on {@code target}, evaluates it at {@code level} and drops it. */
    public EvaluationResult run(BenchmarkDataset dataset, Target target, StatisticsLevel level) {
        return run(dataset, target, List.of(level)).get(0);
    }

    /** As {@link #run(BenchmarkDataset, Target, StatisticsLevel)}, loading once for several levels. */
    public List<EvaluationResult> run(BenchmarkDataset dataset, Target target, List<StatisticsLevel> levels) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(target, "target is null");
        TruthSet truth = TruthSet.load(dataset.truth(), dataset.extraTruth());
        options.progress().note("loading " + dataset.name() + " into " + target.label());
        DatasetLoader loader = new DatasetLoader(servers, options.keepDatabases(), options.forceDrop(),
                options.progress());
        List<EvaluationResult> results = new ArrayList<>();
        try (LoadedDatabase database = loader.load(dataset, target, DatasetLoader.defaultDatabaseName(dataset))) {
            for (StatisticsLevel level : levels) {
                options.progress().note("evaluating " + dataset.name() + " on " + target.label() + " at " + level.label());
                // the session is named after a run of its own, as discover's are, so a DBA can tell it apart
                ConnectionSettings connection = database.connection().withRun(RunContext.start(ToolVersion.current()));
                // a MariaDB server holds other databases; PostgreSQL and SQLite databases are the dataset's own
                SchemaFilter filter = target == Target.MARIADB
                        ? SchemaFilter.schemas(List.of(database.schema()))
                        : SchemaFilter.all();
                results.add(evaluate(dataset.name(), target.label(), () -> JdbcSource.open(connection), filter,
                        truth, level, target.foldsNames(), database.loadMillis(), database.totalRows()));
            }
        }
        return results;
    }

    /** The levels a dataset is evaluated at by {@code --all}: data-bearing at every level, schema-only without data reads. */
    public static List<StatisticsLevel> levelsFor(BenchmarkDataset dataset) {
        if (dataset.hasData()) {
            return List.of(StatisticsLevel.values());
        }
        return List.of(StatisticsLevel.METADATA, StatisticsLevel.ENGINE);
    }

    /**
     * Every dataset below {@code root} on every target, each at {@code levels} (or {@link #levelsFor} when empty);
     * datasets spanning several schemas run on PostgreSQL only.
     */
    public List<EvaluationResult> runAll(Path root, List<Target> targets, List<StatisticsLevel> levels) {
        List<EvaluationResult> results = new ArrayList<>();
        for (BenchmarkDataset dataset : BenchmarkDataset.all(root)) {
            for (Target target : targets) {
                List<StatisticsLevel> wanted = new ArrayList<>(levelsFor(dataset));
                if (!levels.isEmpty()) {
                    wanted.retainAll(levels);
                }
                if (wanted.isEmpty()) {
                    continue;
                }
                if (target != Target.POSTGRES && spansSeveralSchemas(dataset)) {
                    // MariaDB and SQLite hold one schema per database (see DatasetLoader)
                    options.progress().note("skipping " + dataset.name() + " on " + target.label()
                            + ": it spans several schemas");
                    continue;
                }
                results.addAll(run(dataset, target, wanted));
            }
        }
        return results;
    }

    private static boolean spansSeveralSchemas(BenchmarkDataset dataset) {
        TruthSet truth = TruthSet.load(dataset.truth(), dataset.extraTruth());
        return truth.edges().stream()
                .flatMap(edge -> java.util.stream.Stream.of(edge.from().table().schema(), edge.to().table().schema()))
                .distinct()
                .count() > 1;
    }

    /**
     * Scores a database that is already loaded (a user's own) against a truth file: discovery with declared
     * foreign keys ignored, then the same scoring as for the benchmarks.
     */
    public EvaluationResult evaluateLoaded(String name, Supplier<Source> opener, SchemaFilter filter, TruthSet truth,
            StatisticsLevel level) {
        requireNonNull(name, "name is null");
        requireNonNull(opener, "opener is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(level, "level is null");
        return evaluate(name, "", opener, filter, truth, level, true, 0, 0);
    }

    private EvaluationResult evaluate(String name, String target, Supplier<Source> opener, SchemaFilter filter,
            TruthSet truth, StatisticsLevel level, boolean ignoreCase, long loadMillis, long rows) {
        Score score = null;
        SchemaSnapshot snapshot = null;
        List<Map<String, Long>> timings = new ArrayList<>();
        for (int run = 0; run < options.repeats(); run++) {
            Map<String, Long> stages = new LinkedHashMap<>();
            stages.put(LOAD, loadMillis);
            InferenceResult result;
            try (Source source = opener.get()) {
                long started = System.nanoTime();
                snapshot = source.readSchema(filter, options.progress()).withoutDeclared();
                stages.put(READ_SCHEMA, millisSince(started));

                started = System.nanoTime();
                Statistics statistics = level == StatisticsLevel.METADATA
                        ? Statistics.none()
                        : source.statistics().collect(snapshot, level, options.progress());
                stages.put(STATISTICS, millisSince(started));

                started = System.nanoTime();
                // metadata and engine levels read no data, so the inference gets no probe either
                ValueProbe probe = level.readsData() ? source.valueProbe() : ValueProbe.NONE;
                result = new RelationshipInference(options.inference())
                        .infer(RunContext.start(ToolVersion.current()), snapshot, statistics, probe, options.progress());
                stages.put(INFERENCE, millisSince(started));
            }
            result.stageMillis().forEach((stage, millis) -> stages.put(INFERENCE + "/" + stage, millis));
            timings.add(stages);
            if (score == null) {
                TruthSet resolved = truth.resolve(snapshot);
                score = new Scorer(ignoreCase).score(resolved, result.inferred(), snapshot);
            }
        }
        // tables and columns as the benchmarks README counts them: views are not counted
        List<io.tacit.model.Table> tables = snapshot.tables().stream().filter(table -> !table.kind().isView()).toList();
        int columns = tables.stream().mapToInt(table -> table.columns().size()).sum();
        return new EvaluationResult(name, target, level, tables.size(), columns, rows, score, medians(timings),
                options.repeats(), options.inference().model().name());
    }

    static Map<String, Long> medians(List<Map<String, Long>> timings) {
        Map<String, Long> medians = new LinkedHashMap<>();
        for (Map<String, Long> run : timings) {
            run.keySet().forEach(stage -> medians.putIfAbsent(stage, 0L));
        }
        for (String stage : medians.keySet()) {
            List<Long> values = timings.stream().map(run -> run.getOrDefault(stage, 0L)).sorted().toList();
            medians.put(stage, median(values));
        }
        return medians;
    }

    static long median(List<Long> sorted) {
        int size = sorted.size();
        if (size % 2 == 1) {
            return sorted.get(size / 2);
        }
        return (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
