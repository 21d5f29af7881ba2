package io.tacit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeLoopTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path folder;

    private final List<String> runs = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private RunExecutor recording(ManualClock clock) {
        return (runId, stop) -> {
            runs.add(clock.now() + " " + runId);
            return new RunOutcome(RunState.SUCCESS, 3, 0, Duration.ofSeconds(2), "3 published", "");
        };
    }

    private ServeLoop loop(ManualClock clock, List<Trigger> triggers, RunExecutor executor, List<RunReporter> reporters) {
        return new ServeLoop(clock, triggers, new FileLease(folder.resolve("serve.lock")), executor, reporters,
                new ServeMetrics(), Duration.ofSeconds(30), log::add);
    }

    @Test
    void followsTheScheduleAsItIsEditedInTheCatalog() {
        ManualClock clock = new ManualClock(START);
        AtomicReference<Optional<CronExpression>> catalog =
                new AtomicReference<>(Optional.of(CronExpression.parse("0 9 * * *", ZoneOffset.UTC)));
        ServeLoop loop = loop(clock, List.of(new CronTrigger(catalog::get)), recording(clock), List.of());
        clock.onAdvance(now -> {
            if (now.isAfter(Instant.parse("2026-03-02T09:00:00Z")) && now.isBefore(Instant.parse("2026-03-02T09:01:00Z"))) {
                // a person moves the schedule to every 6 hours in the catalog's UI
                catalog.set(Optional.of(CronExpression.parse("0 */6 * * *", ZoneOffset.UTC)));
            }
            if (now.isAfter(Instant.parse("2026-03-02T18:30:00Z"))) {
                // and then pauses it
                catalog.set(Optional.empty());
            }
            if (now.isAfter(Instant.parse("2026-03-03T12:00:00Z"))) {
                loop.stop();
            }
        });
        loop.run();
        assertThat(runs).extracting(line -> line.substring(0, 20))
                .containsExactly("2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z", "2026-03-02T18:00:00Z");
        assertThat(loop.metrics().runs(RunState.SUCCESS)).isEqualTo(3);
        assertThat(loop.metrics().edgesPublished()).isEqualTo(9);
    }

    @Test
    void runsRightAfterTheSourceIngestionFinishes() {
        ManualClock clock = new ManualClock(START);
        AtomicReference<Optional<SourceRun>> source = new AtomicReference<>(
                Optional.of(new SourceRun("run-1", START.minusSeconds(3600), "success")));
        ServeLoop loop = loop(clock, List.of(new AfterSourceTrigger(source::get)), recording(clock), List.of());
        assertThat(loop.step()).as("the run already finished at start is not repeated").isEmpty();
        clock.set(START.plusSeconds(30));
        assertThat(loop.step()).isEmpty();
        source.set(Optional.of(new SourceRun("run-2", START.plusSeconds(40), "success")));
        clock.set(START.plusSeconds(60));
        assertThat(loop.step()).map(RunOutcome::state).contains(RunState.SUCCESS);
        clock.set(START.plusSeconds(90));
        assertThat(loop.step()).as("once per source run").isEmpty();
        assertThat(runs).hasSize(1);
    }

    @Test
    void twoInstancesNeverRunAtOnce() throws Exception {
        ManualClock clock = new ManualClock(START);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunExecutor slow = (runId, stop) -> {
            running.countDown();
            await(release);
            runs.add("first " + runId);
            return new RunOutcome(RunState.SUCCESS, 1, 0, Duration.ZERO, "ok", "");
        };
        Trigger always = new Trigger() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Optional<RunRequest> poll(Instant now) {
                return Optional.of(RunRequest.of("test", "always due"));
            }
        };
        ServeLoop first = loop(clock, List.of(always), slow, List.of());
        ServeLoop second = loop(clock, List.of(always), recording(clock), List.of());
        Thread thread = new Thread(first::step);
        thread.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.step()).isEmpty();
        assertThat(second.metrics().skipped()).isEqualTo(1);
        release.countDown();
        thread.join(10_000);
        assertThat(second.step()).as("the lease is free again").isPresent();
        assertThat(runs).hasSize(2).first().asString().startsWith("first ");
    }

    @Test
    void stopLetsTheCurrentRunEndAndStartsNoOther() {
        ManualClock clock = new ManualClock(START);
        List<String> reported = new CopyOnWriteArrayList<>();
        AtomicReference<ServeLoop> self = new AtomicReference<>();
        RunExecutor stoppable = (runId, stop) -> {
            self.get().stop(); // SIGTERM arrives mid-run
            assertThat(stop.getAsBoolean()).isTrue();
            throw new IllegalStateException("stopped before publishing table 3 of 7");
        };
        RunReporter reporter = new RunReporter() {
            @Override
            public void finished(String runId, Instant startedAt, RunOutcome outcome) {
                reported.add(outcome.state().label());
            }
        };
        Trigger always = new Trigger() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Optional<RunRequest> poll(Instant now) {
                return Optional.of(RunRequest.of("test", "always due"));
            }
        };
        ServeLoop loop = loop(clock, List.of(always), stoppable, List.of(reporter));
        self.set(loop);
        loop.run();
        assertThat(reported).containsExactly("abandoned");
        assertThat(loop.metrics().runs(RunState.ABANDONED)).isEqualTo(1);
    }

    @Test
    void abandonedRunsAreMarkedOnceTheLeaseIsHeld() {
        ManualClock clock = new ManualClock(START);
        List<String> calls = new CopyOnWriteArrayList<>();
        RunReporter reporter = new RunReporter() {
            @Override
            public void recoverAbandoned(Instant now) {
                calls.add("recover");
            }

            @Override
            public void started(String runId, Instant at) {
                calls.add("started " + runId);
            }
        };
        RunRequest request = new RunRequest("executor", "execution request 42", Optional.of("42"), () -> true,
                RunReporter.NONE);
        Trigger once = new Trigger() {
            private boolean done;

            @Override
            public String name() {
                return "executor";
            }

            @Override
            public Optional<RunRequest> poll(Instant now) {
                if (done) {
                    return Optional.empty();
                }
                done = true;
                return Optional.of(request);
            }
        };
        loop(clock, List.of(once), recording(clock), List.of(reporter)).step();
        assertThat(calls).containsExactly("recover", "started 42");
        assertThat(runs).singleElement().asString().endsWith(" 42");
    }

    @Test
    void healthAndMetricsEndpoints() throws IOException, InterruptedException {
        ManualClock clock = new ManualClock(START);
        ServeLoop loop = loop(clock, List.of(), recording(clock), List.of());
        loop.metrics().runFinished(new RunOutcome(RunState.PARTIAL, 5, 2, Duration.ofMillis(1500), "", ""), START);
        try (HealthServer server = new HealthServer("127.0.0.1", 0, loop)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("not looping yet").isEqualTo(503);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("tacit_serve_runs_total{state=\"partial\"} 1\n",
                    "tacit_serve_edges_published_total 5\n", "tacit_serve_publish_failures_total 2\n",
                    "tacit_serve_run_duration_seconds_sum 1.500\n", "tacit_serve_run_duration_seconds_count 1\n");
        }
        assertThat(Files.exists(folder)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
