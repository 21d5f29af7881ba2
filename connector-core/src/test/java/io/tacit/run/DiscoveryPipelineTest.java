package io.tacit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.inference.InferenceSettings;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.report.SampleResults;
import io.tacit.spi.Inference;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryPipelineTest {
    private final RunContext run = new RunContext(new RunId("tacit-test"), "0.1.0-TEST", Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void stageStarted(String stage, long totalUnits) {
            events.add("start " + stage);
        }

        @Override
        public void advanced(long units) {
        }

        @Override
        public void stageFinished(String stage) {
            events.add("finish " + stage);
        }
    };

    @Test
    void runsEveryStageInOrderAndPublishes() {
        FakeSource source = new FakeSource(SampleResults.snapshot());
        RecordingInference inference = new RecordingInference();
        FakePublisher publisher = new FakePublisher();
        RunReport report = new DiscoveryPipeline(inference, progress).run(run, source,
                options(StatisticsLevel.FULL, false, List.of()), List.of(publisher), false);

        assertThat(events).containsExactly("start read schema", "finish read schema", "start statistics",
                "finish statistics", "start inference", "finish inference", "start publish fake", "finish publish fake");
        assertThat(source.statisticsLevel).isEqualTo(StatisticsLevel.FULL);
        assertThat(inference.probe).isSameAs(source.probe);
        assertThat(inference.snapshot.declared()).hasSize(1);
        assertThat(report.run()).isEqualTo(run);
        assertThat(report.result().level()).isEqualTo(StatisticsLevel.FULL);
        assertThat(report.result().stageMillis()).containsKeys("read schema", "statistics", "inference");
        assertThat(report.publishers()).singleElement().satisfies(published -> {
            assertThat(published.applied()).isPresent();
            assertThat(published.plan().changes()).hasSize(1);
        });
        assertThat(publisher.applied).isTrue();
    }

    @Test
    void ignoreDeclaredHidesTheConstraintsFromInference() {
        RecordingInference inference = new RecordingInference();
        new DiscoveryPipeline(inference, progress).discover(run, new FakeSource(SampleResults.snapshot()),
                options(StatisticsLevel.FULL, true, List.of()));
        assertThat(inference.snapshot.declared()).isEmpty();
    }

    @Test
    void metadataLevelReadsNoStatisticsAndProbesNothing() {
        FakeSource source = new FakeSource(SampleResults.snapshot());
        RecordingInference inference = new RecordingInference();
        new DiscoveryPipeline(inference, progress).discover(run, source, options(StatisticsLevel.METADATA, false, List.of()));
        assertThat(source.statisticsLevel).isNull();
        assertThat(inference.probe).isSameAs(ValueProbe.NONE);

        new DiscoveryPipeline(inference, progress).discover(run, source, options(StatisticsLevel.ENGINE, false, List.of()));
        assertThat(source.statisticsLevel).isEqualTo(StatisticsLevel.ENGINE);
        assertThat(inference.probe).isSameAs(ValueProbe.NONE);
    }

    @Test
    void dryRunPlansButAppliesNothing() {
        FakePublisher publisher = new FakePublisher();
        RunReport report = new DiscoveryPipeline(new RecordingInference(), progress).run(run,
                new FakeSource(SampleResults.snapshot()), options(StatisticsLevel.METADATA, false, List.of()),
                List.of(publisher), true);
        assertThat(publisher.applied).isFalse();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.publishers().get(0).applied()).isEmpty();
    }

    @Test
    void anEmptyDatabaseIsOneClearSourceError() {
        SchemaSnapshot empty = new SchemaSnapshot("postgresql://127.0.0.1:5432/empty", "PostgreSQL", Instant.now(),
                List.of(), List.of());
        assertThatThrownBy(() -> new DiscoveryPipeline(new RecordingInference(), progress).discover(run,
                new FakeSource(empty), options(StatisticsLevel.FULL, false, List.of())))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.SOURCE);
                    assertThat(e.getMessage()).isEqualTo("no tables found in postgresql://127.0.0.1:5432/empty "
                            + "(the database is empty or the user may not see its tables)");
                });
    }

    @Test
    void anUnknownSchemaIsAConfigError() {
        assertThatThrownBy(() -> new DiscoveryPipeline(new RecordingInference(), progress).discover(run,
                new FakeSource(SampleResults.snapshot()), options(StatisticsLevel.FULL, false, List.of("public", "nope"))))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).startsWith("schema nope not found").contains("schemas with tables: public");
                });
    }

    private static DiscoveryOptions options(StatisticsLevel level, boolean ignoreDeclared, List<String> schemas) {
        return new DiscoveryOptions(SchemaFilter.schemas(schemas), level, ignoreDeclared, InferenceSettings.DEFAULTS);
    }

    private static final class FakeSource implements Source {
        private final SchemaSnapshot snapshot;
        private final ValueProbe probe = (from, to, where) -> java.util.Optional.empty();
        private StatisticsLevel statisticsLevel;

        FakeSource(SchemaSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
            return snapshot;
        }

        @Override
        public StatisticsProvider statistics() {
            return (snapshot, level, progress) -> {
                statisticsLevel = level;
                return new Statistics(level, Map.of());
            };
        }

        @Override
        public ValueProbe valueProbe() {
            return probe;
        }

        @Override
        public void close() {
        }
    }

    private static final class RecordingInference implements Inference {
        private SchemaSnapshot snapshot;
        private ValueProbe probe;

        @Override
        public InferenceResult infer(RunContext run, SchemaSnapshot snapshot, Statistics statistics, ValueProbe probe,
                ProgressListener progress) {
            this.snapshot = snapshot;
            this.probe = probe;
            return new InferenceResult(run, snapshot, statistics.level(), List.of(), 0, Map.of());
        }
    }

    private static final class FakePublisher implements Publisher<FakePublisher.Plan> {
        private boolean applied;

        record Plan(List<PlannedChange> changes) implements PublishPlan {
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Plan plan(InferenceResult result, ProgressListener progress) {
            return new Plan(List.of(new PublishPlan.PlannedChange(PublishPlan.Action.ADD, "x", "y")));
        }

        @Override
        public PublishReport apply(Plan plan, ProgressListener progress) {
            applied = true;
            return new PublishReport("fake", 1, 0, 0, 0, List.of());
        }
    }
}
