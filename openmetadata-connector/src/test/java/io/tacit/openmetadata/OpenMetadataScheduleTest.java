package io.tacit.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.error.TacitException;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import io.tacit.schedule.AfterSourceTrigger;
import io.tacit.schedule.CronTrigger;
import io.tacit.schedule.FileLease;
import io.tacit.schedule.ManualClock;
import io.tacit.schedule.RunExecutor;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunState;
import io.tacit.schedule.ServeLoop;
import io.tacit.schedule.ServeMetrics;
import io.tacit.schedule.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetadataScheduleTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String PIPELINE = "shop.tacit-relationships";

    private final FakeOpenMetadata fake = Fixtures.shop("1.4.0");
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> runs = new CopyOnWriteArrayList<>();
    private final OpenMetadataSchedule schedule = new OpenMetadataSchedule(Fixtures.client(fake, Fixtures.TOKEN), Fixtures.SERVICE,
            "tacit-relationships", Optional.empty(), log::add);

    @TempDir
    Path folder;

    @AfterEach
    void noPayloadTheServerWouldRefuse() {
        assertThat(fake.violations()).isEmpty();
        schedule.close();
        fake.close();
    }

    private ServeLoop loop(ManualClock clock, Trigger trigger, RunExecutor executor) {
        return new ServeLoop(clock, List.of(trigger), new FileLease(folder.resolve("lock")), executor, List.of(schedule),
                new ServeMetrics(), Duration.ofMinutes(1), log::add);
    }

    private RunExecutor recording(ManualClock clock) {
        return (runId, stop) -> {
            runs.add(clock.now().toString());
            return new RunOutcome(RunState.SUCCESS, 4, 0, Duration.ofSeconds(5), "4 published", "published 4 relationships\n");
        };
    }

    @Test
    void registersAPipelineThatDeployCannotTurnIntoAWorkflow() {
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        JsonNode pipeline = fake.pipeline(PIPELINE).orElseThrow();
        assertThat(pipeline.path("pipelineType").asText()).isEqualTo("application");
        assertThat(pipeline.path("sourceConfig").path("config").path("sourcePythonClass").asText())
                .isEqualTo(TacitPipeline.SOURCE_CLASS);
        assertThat(pipeline.path("airflowConfig").path("pausePipeline").asBoolean()).isTrue();
        assertThat(schedule.schedule()).map(Object::toString).contains("0 3 * * * (UTC)");
        schedule.registerOrAdopt("0 5 * * *", "UTC");
        assertThat(schedule.schedule()).as("adopted, the person's schedule kept").map(Object::toString).contains("0 3 * * * (UTC)");
    }

    @Test
    void neverAdoptsAPipelineThatIsNotTacits() {
        fake.addMetadataPipeline(Fixtures.SERVICE, "tacit-relationships");
        assertThatThrownBy(() -> schedule.registerOrAdopt("0 3 * * *", "UTC")).isInstanceOf(TacitException.class)
                .hasMessageContaining("is not tacit's");
        assertThat(fake.pipeline(PIPELINE).orElseThrow().path("pipelineType").asText()).isEqualTo("metadata");
    }

    @Test
    void followsTheScheduleEditedInTheUiAndReportsEveryRun() {
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        fake.acceptLogs(true);
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, new CronTrigger(schedule::schedule), recording(clock));
        clock.onAdvance(now -> {
            if (now.isAfter(Instant.parse("2026-03-02T04:00:00Z")) && now.isBefore(Instant.parse("2026-03-02T04:02:00Z"))) {
                fake.editSchedule(PIPELINE, "30 22 * * *", "Europe/Paris");
            }
            if (now.isAfter(Instant.parse("2026-03-03T12:00:00Z"))) {
                loop.stop();
            }
        });
        loop.run();
        // 22:30 in Paris is 21:30 UTC in March
        assertThat(runs).containsExactly("2026-03-02T03:00:00Z", "2026-03-02T21:30:00Z");
        Map<String, com.fasterxml.jackson.databind.node.ObjectNode> statuses = fake.pipelineStatuses(PIPELINE);
        assertThat(statuses.values()).hasSize(2).allSatisfy(status -> {
            assertThat(status.path("pipelineState").asText()).isEqualTo("success");
            assertThat(status.path("status").get(0).path("records").asInt()).isEqualTo(4);
        });
        String runId = statuses.keySet().iterator().next();
        assertThat(fake.runLog(PIPELINE, runId)).contains("published 4 relationships\n");
    }

    @Test
    void runsAfterTheSourceIngestionFinishes() {
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        String source = fake.addMetadataPipeline(Fixtures.SERVICE, "shop-metadata");
        fake.finishRun(source, "8a4f2b7e-0000-4000-8000-000000000001", "success", START.minusSeconds(7200).toEpochMilli(),
                START.minusSeconds(7000).toEpochMilli());
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, new AfterSourceTrigger(schedule::latestSourceRun), recording(clock));
        assertThat(loop.step()).isEmpty();
        clock.set(START.plusSeconds(60));
        assertThat(loop.step()).isEmpty();
        fake.finishRun(source, "8a4f2b7e-0000-4000-8000-000000000002", "partialSuccess", START.plusSeconds(70).toEpochMilli(),
                START.plusSeconds(100).toEpochMilli());
        clock.set(START.plusSeconds(120));
        assertThat(loop.step()).isPresent();
        clock.set(START.plusSeconds(180));
        assertThat(loop.step()).isEmpty();
        assertThat(runs).containsExactly(START.plusSeconds(120).toString());
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceIsMarkedFailedBeforeTheNextRun() {
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        // an instance reported its start, published, and died before reporting the end
        schedule.started("tacit-20260301T030000Z-deadbeef", START.minusSeconds(3600));
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, new CronTrigger(schedule::schedule), recording(clock));
        clock.onAdvance(now -> {
            if (now.isAfter(Instant.parse("2026-03-02T04:00:00Z"))) {
                loop.stop();
            }
        });
        loop.run();
        assertThat(fake.pipelineStatuses(PIPELINE).values()).extracting(status -> status.path("pipelineState").asText())
                .containsExactlyInAnyOrder("failed", "success");
        assertThat(fake.pipelineStatuses(PIPELINE).get(OpenMetadataSchedule.statusRunId("tacit-20260301T030000Z-deadbeef"))
                .path("status").get(0).path("name").asText()).startsWith("abandoned");
    }

    @Test
    void aServerWithoutRunLogsStillGetsStatuses() {
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:59:00Z"));
        ServeLoop loop = loop(clock, new CronTrigger(schedule::schedule), recording(clock));
        loop.step();
        clock.set(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(loop.step()).isPresent();
        assertThat(fake.pipelineStatuses(PIPELINE)).hasSize(1);
        assertThat(log).anyMatch(line -> line.contains("keeps no run logs"));
    }
}
