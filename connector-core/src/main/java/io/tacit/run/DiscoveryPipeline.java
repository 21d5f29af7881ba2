package io.tacit.run;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.review.ReviewDecisions;
import io.tacit.spi.Inference;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import io.tacit.spi.Source;
import io.tacit.spi.ValueProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One discovery run: read the schema, collect statistics at the requested level, infer relationships, then
 * let every publisher plan and (unless dry-run) apply. One {@link RunContext} for the whole run; one progress
 * listener hears every stage.
 */
public final class DiscoveryPipeline {
    public static final String STAGE_READ_SCHEMA = "read schema";
    public static final String STAGE_STATISTICS = "statistics";
    public static final String STAGE_INFERENCE = "inference";
    public static final String STAGE_PUBLISH = "publish";

    private final Inference inference;
    private final ProgressListener progress;

    public DiscoveryPipeline(Inference inference, ProgressListener progress) {
        this.inference = requireNonNull(inference, "inference is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** Reads, infers and publishes. The caller owns (and closes) the source and the publishers. */
    public RunReport run(RunContext run, Source source, DiscoveryOptions options, List<Publisher<?>> publishers,
            boolean dryRun) {
        requireNonNull(run, "run is null");
        requireNonNull(source, "source is null");
        requireNonNull(options, "options is null");
        requireNonNull(publishers, "publishers is null");
        InferenceResult result = discover(run, source, options);
        List<PublisherRun> publisherRuns = new ArrayList<>();
        for (Publisher<?> publisher : publishers) {
            publisherRuns.add(publish(publisher, result, dryRun));
        }
        return new RunReport(run, result, publisherRuns, dryRun);
    }

    /** Reads and infers, publishing nothing. */
    public InferenceResult discover(RunContext run, Source source, DiscoveryOptions options) {
        Map<String, Long> timings = new LinkedHashMap<>();
        WarningLog warnings = new WarningLog(progress);
        // a bad decisions file fails the run before the database is read
        Optional<ReviewDecisions> decisions = options.decisions().map(ReviewDecisions::load);

        long started = System.nanoTime();
        progress.stageStarted(STAGE_READ_SCHEMA, 0);
        SchemaSnapshot snapshot = source.readSchema(options.filter(), warnings);
        progress.stageFinished(STAGE_READ_SCHEMA);
        timings.put(STAGE_READ_SCHEMA, millisSince(started));
        checkNotEmpty(snapshot, options);
        if (options.ignoreDeclared()) {
            snapshot = snapshot.withoutDeclared();
        }

        started = System.nanoTime();
        Statistics statistics = Statistics.none();
        if (options.level() != StatisticsLevel.METADATA) {
            progress.stageStarted(STAGE_STATISTICS, snapshot.tables().size());
            statistics = source.statistics().collect(snapshot, options.level(), warnings);
            progress.stageFinished(STAGE_STATISTICS);
        }
        timings.put(STAGE_STATISTICS, millisSince(started));

        started = System.nanoTime();
        ValueProbe probe = ValueProbe.NONE;
        if (options.level().readsData()) {
            probe = source.valueProbe();
        }
        progress.stageStarted(STAGE_INFERENCE, 0);
        InferenceResult inferred = inference.infer(run, snapshot, statistics, probe, warnings);
        probe.warnings().forEach(warnings::warning);
        progress.stageFinished(STAGE_INFERENCE);
        long inferenceMillis = millisSince(started);
        if (inferred.stageMillis().isEmpty()) {
            timings.put(STAGE_INFERENCE, inferenceMillis);
        }
        else {
            for (Map.Entry<String, Long> stage : inferred.stageMillis().entrySet()) {
                timings.put(STAGE_INFERENCE + ": " + stage.getKey(), stage.getValue());
            }
        }
        Map<TableName, StatisticsOrigin> origins = new LinkedHashMap<>();
        for (TableStatistics table : statistics.tables().values()) {
            origins.put(table.table(), table.origin());
        }
        List<Relationship> relationships = inferred.relationships();
        if (decisions.isPresent()) {
            relationships = decisions.get().apply(run, snapshot, relationships, warnings);
        }
        return new InferenceResult(run, snapshot, options.level(), relationships,
                inferred.candidatesConsidered(), timings, origins, warnings.warnings());
    }

    /** Passes everything on to the run's listener and keeps the warnings for the result. */
    private static final class WarningLog implements ProgressListener {
        private final ProgressListener delegate;
        private final List<RunWarning> warnings = new ArrayList<>();

        private WarningLog(ProgressListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void stageStarted(String stage, long totalUnits) {
            delegate.stageStarted(stage, totalUnits);
        }

        @Override
        public void advanced(long units) {
            delegate.advanced(units);
        }

        @Override
        public void stageFinished(String stage) {
            delegate.stageFinished(stage);
        }

        @Override
        public void note(String message) {
            delegate.note(message);
        }

        @Override
        public void warning(RunWarning warning) {
            synchronized (warnings) {
                warnings.add(warning);
            }
            delegate.warning(warning);
        }

        private List<RunWarning> warnings() {
            synchronized (warnings) {
                return List.copyOf(warnings);
            }
        }
    }

    private <P extends PublishPlan> PublisherRun publish(Publisher<P> publisher, InferenceResult result, boolean dryRun) {
        progress.stageStarted(STAGE_PUBLISH + " " + publisher.name(), 0);
        P plan = publisher.plan(result, progress);
        Optional<PublishReport> applied = Optional.empty();
        if (!dryRun) {
            applied = Optional.of(publisher.apply(plan, progress));
        }
        progress.stageFinished(STAGE_PUBLISH + " " + publisher.name());
        return new PublisherRun(publisher.name(), plan, applied);
    }

    private static void checkNotEmpty(SchemaSnapshot snapshot, DiscoveryOptions options) {
        List<String> requested = options.filter().schemas();
        if (!requested.isEmpty()) {
            TreeSet<String> found = new TreeSet<>();
            for (Table table : snapshot.tables()) {
                found.add(table.name().schema());
            }
            List<String> missing = requested.stream().filter(schema -> !found.contains(schema)).sorted().toList();
            if (!missing.isEmpty()) {
                String foundText = found.isEmpty() ? "none" : String.join(", ", found);
                throw TacitException.config("schema " + String.join(", ", missing) + " not found (or holds no tables "
                        + "tacit may read) in " + snapshot.source() + "; schemas with tables: " + foundText,
                        "check --schema / inference.schemas and the user's privileges");
            }
        }
        if (snapshot.tables().isEmpty()) {
            throw TacitException.source("no tables found in " + snapshot.source()
                    + " (the database is empty or the user may not see its tables)",
                    "point tacit at a database with tables, or grant the user read access to them", null);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
