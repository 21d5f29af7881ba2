package io.tacit.datahub;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkedin.data.template.StringMap;
import com.linkedin.execution.ExecutionRequestInput;
import com.linkedin.execution.ExecutionRequestResult;
import com.linkedin.execution.ExecutionRequestSource;
import com.linkedin.ingestion.DataHubIngestionSourceInfo;
import io.tacit.config.Secret;
import io.tacit.schedule.AfterSourceTrigger;
import io.tacit.schedule.FileLease;
import io.tacit.schedule.ManualClock;
import io.tacit.schedule.RunExecutor;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunRequest;
import io.tacit.schedule.RunState;
import io.tacit.schedule.ServeLoop;
import io.tacit.schedule.ServeMetrics;
import io.tacit.schedule.Trigger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataHubScheduleTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String DATABASE_SOURCE = "urn:li:dataHubIngestionSource:postgres-shop";

    private final FakeGms gms = new FakeGms();
    private final List<String> runs = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private DataHubSchedule schedule;

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws Exception {
        server = gms.serve();
        schedule = schedule();
    }

    @AfterEach
    void stop() {
        assertThat(gms.violations()).isEmpty();
        schedule.close();
        server.close();
    }

    private DataHubSchedule schedule() {
        URI uri = URI.create("http://" + server.getHostName() + ":" + server.getPort());
        Optional<Secret> token = Optional.of(Secret.of(FakeGms.TOKEN, "test"));
        RetryPolicy retry = new RetryPolicy(0, Duration.ofMillis(1));
        return new DataHubSchedule(new GmsClient(uri, token, Duration.ofSeconds(5), retry),
                new RestProposalSender(uri, token, Duration.ofSeconds(5), retry), DataHubSchedule.sourceUrn("tacit"),
                "tacit", "tacit", Optional.of(DATABASE_SOURCE), log::add);
    }

    private ServeLoop loop(ManualClock clock, Trigger trigger, String lock) {
        RunExecutor executor = (runId, stop) -> {
            runs.add(runId);
            return new RunOutcome(RunState.SUCCESS, 7, 0, Duration.ofSeconds(3), "7 relationships published",
                    "read 12 tables\npublished 7\n");
        };
        return new ServeLoop(clock, List.of(trigger), new FileLease(folder.resolve(lock)), executor, List.of(schedule),
                new ServeMetrics(), Duration.ofSeconds(30), log::add);
    }

    /** What GMS's scheduler (or "Execute" in the UI) writes when tacit's source is due. */
    private void requestExecution(String id, String executorId, String sourceUrn, Instant at) {
        gms.put(DataHubSchedule.requestUrn(id), DataHubSchedule.REQUEST_INPUT, new ExecutionRequestInput()
                .setTask("RUN_INGEST").setArgs(new StringMap(Map.of("recipe", "{}")))
                .setExecutorId(executorId).setRequestedAt(at.toEpochMilli())
                .setSource(new ExecutionRequestSource().setType("SCHEDULED_INGESTION_SOURCE")
                        .setIngestionSource(DataHubMapping.urn(sourceUrn))));
    }

    private Optional<ExecutionRequestResult> result(String id) {
        return gms.get(DataHubSchedule.requestUrn(id), DataHubSchedule.REQUEST_RESULT, ExecutionRequestResult.class);
    }

    @Test
    void createsASourceRoutedToTacitsExecutorAndKeepsWhatPeopleEdit() {
        schedule.registerOrAdopt("0 4 * * *", "Europe/Paris");
        DataHubIngestionSourceInfo info = gms.get(schedule.sourceUrn(), DataHubSchedule.SOURCE_INFO,
                DataHubIngestionSourceInfo.class).orElseThrow();
        assertThat(info.getConfig().getExecutorId()).isEqualTo("tacit");
        assertThat(info.getSchedule().getInterval()).isEqualTo("0 4 * * *");
        assertThat(info.getSchedule().getTimezone()).isEqualTo("Europe/Paris");
        assertThat(info.getConfig().getRecipe()).doesNotContain("password");
        schedule.registerOrAdopt("0 6 * * *", "UTC");
        assertThat(gms.get(schedule.sourceUrn(), DataHubSchedule.SOURCE_INFO, DataHubIngestionSourceInfo.class)
                .orElseThrow().getSchedule().getInterval()).isEqualTo("0 4 * * *");
    }

    @Test
    void runsAnExecutionRequestUnderItsIdAndWritesItsResult() {
        schedule.registerOrAdopt(null, "UTC");
        requestExecution("0f4c7a1e-aaaa-4bbb-8ccc-000000000001", "tacit", schedule.sourceUrn(), START.minusSeconds(5));
        requestExecution("0f4c7a1e-aaaa-4bbb-8ccc-000000000002", "default", DATABASE_SOURCE, START.minusSeconds(9));
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, schedule, "a.lock");
        assertThat(loop.step()).map(RunOutcome::state).contains(RunState.SUCCESS);
        assertThat(loop.step()).as("done once").isEmpty();
        assertThat(runs).containsExactly("0f4c7a1e-aaaa-4bbb-8ccc-000000000001");
        ExecutionRequestResult result = result("0f4c7a1e-aaaa-4bbb-8ccc-000000000001").orElseThrow();
        assertThat(result.getStatus()).isEqualTo("SUCCESS");
        assertThat(result.getReport()).contains("7 relationships published", "published 7");
        assertThat(result.getDurationMs()).isEqualTo(3000L);
        assertThat(gms.stored(DataHubSchedule.requestUrn("0f4c7a1e-aaaa-4bbb-8ccc-000000000001"),
                DataHubSchedule.REQUEST_RESULT).orElseThrow().runId()).isEqualTo("0f4c7a1e-aaaa-4bbb-8ccc-000000000001");
        assertThat(result("0f4c7a1e-aaaa-4bbb-8ccc-000000000002")).as("another executor's request").isEmpty();
    }

    @Test
    void twoInstancesOnDifferentHostsRunARequestOnce() {
        requestExecution("req-1", "tacit", schedule.sourceUrn(), START);
        try (DataHubSchedule other = schedule()) {
            RunRequest mine = schedule.poll(START).orElseThrow();
            RunRequest theirs = other.poll(START).orElseThrow();
            assertThat(mine.claim().take()).isTrue();
            assertThat(theirs.claim().take()).as("If-Version-Match -1 lost the race").isFalse();
        }
        assertThat(result("req-1").orElseThrow().getStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aRequestLeftRunningByAStoppedInstanceIsCancelledAndTheNextOneRuns() {
        requestExecution("req-crashed", "tacit", schedule.sourceUrn(), START.minusSeconds(600));
        // the instance that claimed it published and died before writing the result
        assertThat(schedule.poll(START.minusSeconds(590)).orElseThrow().claim().take()).isTrue();
        schedule.close();
        schedule = schedule();
        requestExecution("req-next", "tacit", schedule.sourceUrn(), START);
        ServeLoop loop = loop(new ManualClock(START), schedule, "b.lock");
        assertThat(loop.step()).isPresent();
        assertThat(result("req-crashed").orElseThrow().getStatus()).isEqualTo("CANCELLED");
        assertThat(result("req-crashed").orElseThrow().getReport()).contains("abandoned");
        assertThat(result("req-next").orElseThrow().getStatus()).isEqualTo("SUCCESS");
        assertThat(runs).containsExactly("req-next");
    }

    @Test
    void afterTheDatabaseSourceRunsTacitRunsAndRecordsItAsAnExecution() {
        requestExecution("src-1", "default", DATABASE_SOURCE, START.minusSeconds(7200));
        gms.put(DataHubSchedule.requestUrn("src-1"), DataHubSchedule.REQUEST_RESULT, new ExecutionRequestResult()
                .setStatus("SUCCESS").setStartTimeMs(START.minusSeconds(7200).toEpochMilli()).setDurationMs(60_000L));
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, new AfterSourceTrigger(schedule::latestSourceRun), "c.lock");
        assertThat(loop.step()).isEmpty();
        requestExecution("src-2", "default", DATABASE_SOURCE, START.plusSeconds(10));
        gms.put(DataHubSchedule.requestUrn("src-2"), DataHubSchedule.REQUEST_RESULT, new ExecutionRequestResult()
                .setStatus("RUNNING").setStartTimeMs(START.plusSeconds(10).toEpochMilli()));
        clock.set(START.plusSeconds(30));
        assertThat(loop.step()).as("still running").isEmpty();
        gms.put(DataHubSchedule.requestUrn("src-2"), DataHubSchedule.REQUEST_RESULT, new ExecutionRequestResult()
                .setStatus("SUCCESS").setStartTimeMs(START.plusSeconds(10).toEpochMilli()).setDurationMs(40_000L));
        clock.set(START.plusSeconds(60));
        assertThat(loop.step()).isPresent();
        String runId = runs.get(0);
        ExecutionRequestInput input = gms.get(DataHubSchedule.requestUrn(runId), DataHubSchedule.REQUEST_INPUT,
                ExecutionRequestInput.class).orElseThrow();
        assertThat(input.getSource().getIngestionSource().toString()).isEqualTo(schedule.sourceUrn());
        assertThat(result(runId).orElseThrow().getStatus()).isEqualTo("SUCCESS");
    }
}
