package io.tacit.openmetadata;

import static io.tacit.openmetadata.Fixtures.ORDERS;
import static io.tacit.openmetadata.Fixtures.ORDER_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.model.RunContext;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import io.tacit.schedule.FileLease;
import io.tacit.schedule.ManualClock;
import io.tacit.schedule.RunExecutor;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunRequest;
import io.tacit.schedule.RunState;
import io.tacit.schedule.ServeLoop;
import io.tacit.schedule.ServeMetrics;
import io.tacit.schedule.Trigger;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve loop with the real OpenMetadata publisher: a crash or a SIGTERM mid-run leaves the catalog consistent. */
class OpenMetadataServeTest {
    private static final Instant START = Instant.parse("2026-03-02T03:00:00Z");
    private static final String PIPELINE = "shop.tacit-relationships";
    private static final List<String> ORDERS_FKS = List.of(
            "FOREIGN_KEY [\"customer_id\"] [\"shop.shopdb.public.customer.id\"]",
            "FOREIGN_KEY [\"product_id\"] [\"shop.shopdb.public.product.id\"]");
    private static final List<String> ITEMS_FKS = List.of("FOREIGN_KEY [\"order_id\"] [\"shop.shopdb.public.orders.id\"]");

    private final FakeOpenMetadata fake = Fixtures.shop("1.4.0");
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<PublishReport> reports = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    @AfterEach
    void noPayloadTheServerWouldRefuse() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    private static final Trigger ALWAYS = new Trigger() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Optional<RunRequest> poll(Instant now) {
            return Optional.of(RunRequest.of("test", "due"));
        }
    };

    private OpenMetadataSchedule schedule() {
        OpenMetadataSchedule schedule = new OpenMetadataSchedule(Fixtures.client(fake, Fixtures.TOKEN), Fixtures.SERVICE,
                "tacit-relationships", Optional.empty(), log::add);
        schedule.registerOrAdopt("0 3 * * *", "UTC");
        return schedule;
    }

    /** Publishes the shop's three edges with the real publisher, as a run of {@code tacit discover} would. */
    private RunExecutor publishing(ProgressListener listener, boolean crashAfterPublish) {
        return (runId, stop) -> {
            RunContext run = Fixtures.run(runId);
            PublishReport report;
            try (OpenMetadataPublisher publisher = Fixtures.publisher(fake, Fixtures.options(), run)) {
                report = publisher.apply(publisher.plan(Fixtures.shopResult(run), ProgressListener.NONE), listener);
            }
            reports.add(report);
            if (crashAfterPublish) {
                throw new OutOfMemoryError("the process dies between publishing and recording the run's end");
            }
            return new RunOutcome(RunState.SUCCESS, report.added() + report.changed(), report.failures(), Duration.ofSeconds(1),
                    "published", "");
        };
    }

    private ServeLoop loop(OpenMetadataSchedule schedule, RunExecutor executor) {
        return new ServeLoop(new ManualClock(START), List.of(ALWAYS), new FileLease(folder.resolve("lock")), executor,
                List.of(schedule), new ServeMetrics(), Duration.ofMinutes(1), log::add);
    }

    private static List<String> constraints(JsonNode table) {
        List<String> result = new ArrayList<>();
        for (JsonNode constraint : table.path("tableConstraints")) {
            result.add(constraint.path("constraintType").asText() + " " + constraint.path("columns") + " "
                    + constraint.path("referredColumns"));
        }
        return result;
    }

    private void assertConsistent() {
        assertThat(List.of(List.<String>of(), ORDERS_FKS)).contains(constraints(fake.table(ORDERS)));
        assertThat(List.of(List.<String>of(), ITEMS_FKS)).contains(constraints(fake.table(ORDER_ITEMS)));
        for (String table : List.of(ORDERS, ORDER_ITEMS)) {
            // tacit's bookkeeping is written in the same PATCH as the constraints: both or neither
            boolean state = fake.table(table).path("extension").has(TacitState.PROPERTY);
            assertThat(state).as(table).isEqualTo(!constraints(fake.table(table)).isEmpty());
        }
    }

    @Test
    void aCrashBetweenPublishAndTheRunsEndResumesCleanly() {
        try (OpenMetadataSchedule first = schedule()) {
            assertThatThrownBy(loop(first, publishing(ProgressListener.NONE, true))::step).isInstanceOf(OutOfMemoryError.class);
        }
        assertConsistent();
        try (OpenMetadataSchedule restarted = schedule()) {
            assertThat(loop(restarted, publishing(ProgressListener.NONE, false)).step()).map(RunOutcome::state)
                    .contains(RunState.SUCCESS);
        }
        assertThat(constraints(fake.table(ORDERS))).containsExactlyElementsOf(ORDERS_FKS);
        assertThat(constraints(fake.table(ORDER_ITEMS))).containsExactlyElementsOf(ITEMS_FKS);
        PublishReport resumed = reports.get(1);
        assertThat(resumed.added() + resumed.changed() + resumed.retired()).as("nothing left to do").isZero();
        assertThat(fake.pipelineStatuses(PIPELINE).values()).extracting(status -> status.path("pipelineState").asText())
                .as("no run is left 'running'").doesNotContain("running").hasSize(2);
    }

    @Test
    void sigtermMidPublishAbandonsTheRunAndLeavesTheCatalogConsistent() {
        Thread runThread = Thread.currentThread();
        List<ServeLoop> self = new ArrayList<>();
        ProgressListener sigterm = new ProgressListener() {
            @Override
            public void stageStarted(String stage, long totalUnits) {
                // SIGTERM as the tables start to be written, and stopGrace over at once: the run thread is
                // interrupted while the table writes are in flight
                self.get(0).stop();
                runThread.interrupt();
            }

            @Override
            public void advanced(long units) {
            }

            @Override
            public void stageFinished(String stage) {
            }
        };
        try (OpenMetadataSchedule schedule = schedule()) {
            ServeLoop loop = loop(schedule, publishing(sigterm, false));
            self.add(loop);
            Optional<RunOutcome> outcome = loop.step();
            assertThat(Thread.interrupted()).as("the interrupt is kept for the loop").isTrue();
            assertThat(outcome).map(RunOutcome::state).contains(RunState.ABANDONED);
            assertConsistent();
            assertThat(fake.pipelineStatuses(PIPELINE).values()).singleElement().satisfies(status -> {
                assertThat(status.path("pipelineState").asText()).isEqualTo("failed");
                assertThat(status.path("status").get(0).path("name").asText()).contains("abandoned");
            });
        }
        try (OpenMetadataSchedule restarted = schedule()) {
            assertThat(loop(restarted, publishing(ProgressListener.NONE, false)).step()).map(RunOutcome::state)
                    .contains(RunState.SUCCESS);
        }
        assertThat(constraints(fake.table(ORDERS))).containsExactlyElementsOf(ORDERS_FKS);
        assertThat(constraints(fake.table(ORDER_ITEMS))).containsExactlyElementsOf(ITEMS_FKS);
    }
}
