package io.tacit.cli;

import io.tacit.config.ValidatedSection;
import io.tacit.datahub.DataHubSchedule;
import io.tacit.error.TacitException;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.openmetadata.OpenMetadataSchedule;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.run.PublisherRun;
import io.tacit.run.RunReport;
import io.tacit.run.ToolVersion;
import io.tacit.schedule.AfterSourceTrigger;
import io.tacit.schedule.CronExpression;
import io.tacit.schedule.CronTrigger;
import io.tacit.schedule.FileLease;
import io.tacit.schedule.HealthServer;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunReporter;
import io.tacit.schedule.RunRequest;
import io.tacit.schedule.RunState;
import io.tacit.schedule.ServeClock;
import io.tacit.schedule.ServeLoop;
import io.tacit.schedule.ServeMetrics;
import io.tacit.schedule.ServeSettings;
import io.tacit.schedule.Trigger;
import io.tacit.spi.PublishReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Runs as a service: discovers on a schedule (the recipe's, or the one people edit in the catalog), "
                + "right after the database's own ingestion (afterSource), or when DataHub hands it an execution request; "
                + "reports every run to the catalog. Each run is the same as 'tacit discover -c'.",
                "Settings are in the recipe's serve: section. /health and /metrics answer on serve.healthPort."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (SIGTERM)", "1:internal error (a bug)", "2:configuration error", "4:catalog error"})
public final class ServeCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "recipe.yaml",
            description = "Recipe: source, inference, sinks, run and serve.")
    Path recipe;

    public ServeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Service service = prepare(ServeClock.system());
        Thread loopThread = Thread.currentThread();
        Thread hook = new Thread(() -> service.stop(loopThread), "tacit-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        HealthServer health = null;
        int port = service.settings().integer(ServeSettings.HEALTH_PORT.name()).orElseThrow();
        if (port >= 0) {
            String host = service.settings().string(ServeSettings.HEALTH_HOST.name()).orElseThrow();
            health = new HealthServer(host, port, service.loop());
            log("health and metrics on http://" + host + ":" + health.port() + "/health and /metrics");
        }
        try {
            service.loop().run();
        } finally {
            if (health != null) {
                health.close();
            }
            service.close();
            service.ended().countDown();
        }
        log("stopped");
        return 0;
    }

    private void log(String line) {
        environment.err().println("tacit serve: " + new Redactor().redact(line));
        environment.err().flush();
    }

    /** Everything {@code serve} runs with, built from the recipe; the clock is a test's to choose. */
    Service prepare(ServeClock clock) {
        Map<String, Object> raw = RecipeLoader.read(recipe);
        RecipeLoader loader = RecipeLoader.standard(environment.secrets());
        Recipe validated = loader.validate(recipe.toString(), raw);
        ValidatedSection settings = loader.serve(raw).orElseThrow();
        Redactor redactor = new Redactor();
        redactor.remember(validated);
        Consumer<String> log = this::log;
        ZoneId zone;
        String timezone = settings.string(ServeSettings.TIMEZONE.name()).orElseThrow();
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw TacitException.config("serve.timezone '" + timezone + "' is not a time zone", "use an IANA name such as UTC or Europe/Paris");
        }
        Optional<CronExpression> recipeCron = Optional.empty();
        Optional<String> cronText = settings.string(ServeSettings.SCHEDULE.name()).filter(text -> !text.isBlank());
        if (cronText.isPresent()) {
            try {
                recipeCron = Optional.of(CronExpression.parse(cronText.get(), zone));
            } catch (IllegalArgumentException e) {
                throw TacitException.config("serve.schedule: " + e.getMessage(), "e.g. schedule: \"30 2 * * *\"");
            }
        }
        Optional<String> sourceIngestion = settings.string(ServeSettings.SOURCE_INGESTION.name()).filter(text -> !text.isBlank());
        boolean afterSource = settings.bool(ServeSettings.AFTER_SOURCE.name()).orElseThrow();
        List<Trigger> triggers = new ArrayList<>();
        List<RunReporter> reporters = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        boolean catalogSchedule = false;
        for (Recipe.SinkSpec sink : validated.sinks()) {
            if (sink.factory().type().equals("openmetadata")) {
                OpenMetadataSchedule openMetadata = OpenMetadataSchedule.fromSink(sink.section(), sourceIngestion, log);
                resources.add(openMetadata);
                openMetadata.registerOrAdopt(cronText.orElse(null), zone.getId());
                reporters.add(openMetadata);
                if (recipeCron.isEmpty()) {
                    triggers.add(new CronTrigger(openMetadata::schedule));
                    catalogSchedule = true;
                }
                if (afterSource) {
                    triggers.add(new AfterSourceTrigger(openMetadata::latestSourceRun));
                }
            } else if (sink.factory().type().equals("datahub")) {
                if (afterSource && sourceIngestion.isEmpty()) {
                    throw TacitException.config("serve.afterSource with a datahub sink needs serve.sourceIngestion",
                            "set it to the database's ingestion source urn, e.g. urn:li:dataHubIngestionSource:<id>");
                }
                DataHubSchedule dataHub = DataHubSchedule.fromSink(sink.section(),
                        settings.string(ServeSettings.EXECUTOR_ID.name()).orElseThrow(), sourceIngestion, log);
                resources.add(dataHub);
                dataHub.registerOrAdopt(cronText.orElse(null), zone.getId());
                // GMS's scheduler owns the source's schedule and creates the execution requests tacit runs
                triggers.add(dataHub);
                reporters.add(dataHub);
                catalogSchedule = true;
                if (afterSource) {
                    triggers.add(new AfterSourceTrigger(dataHub::latestSourceRun));
                }
            }
        }
        if (recipeCron.isPresent()) {
            boolean dataHubOwnsIt = validated.sinks().stream().anyMatch(sink -> sink.factory().type().equals("datahub"));
            if (!dataHubOwnsIt) {
                Optional<CronExpression> fixed = recipeCron;
                triggers.add(new CronTrigger(() -> fixed));
            }
        } else if (!catalogSchedule && !afterSource) {
            throw TacitException.config("tacit serve has nothing to run on",
                    "set serve.schedule (cron), or add an openmetadata or datahub sink whose schedule people edit");
        }
        if (settings.bool(ServeSettings.RUN_ON_START.name()).orElseThrow()) {
            triggers.add(0, new Trigger() {
                private boolean done;

                @Override
                public String name() {
                    return "start";
                }

                @Override
                public synchronized Optional<RunRequest> poll(Instant now) {
                    if (done) {
                        return Optional.empty();
                    }
                    done = true;
                    return Optional.of(RunRequest.of(name(), "runOnStart"));
                }
            });
        }
        Path lockFile = settings.string(ServeSettings.LOCK_FILE.name()).filter(text -> !text.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "tacit-serve.lock"));
        DiscoveryRunner runner = new DiscoveryRunner(environment, redactor);
        ServeLoop loop = new ServeLoop(clock, triggers, new FileLease(lockFile), (runId, stop) -> run(runner, validated, runId, clock),
                reporters, new ServeMetrics(), settings.duration(ServeSettings.POLL_INTERVAL.name()).orElseThrow(), log);
        log("serving " + recipe + ": triggers " + triggers.stream().map(Trigger::name).toList() + ", lock " + lockFile);
        return new Service(loop, settings, resources, settings.duration(ServeSettings.STOP_GRACE.name()).orElseThrow(), log,
                new CountDownLatch(1));
    }

    private static RunOutcome run(DiscoveryRunner runner, Recipe recipe, String runId, ServeClock clock) {
        Instant started = clock.now();
        RunReport report = runner.run(recipe, recipe.run().dryRun(), new RunContext(new RunId(runId), ToolVersion.current(), started));
        long edges = 0;
        long failures = 0;
        StringBuilder log = new StringBuilder();
        log.append(report.result().relationships().size()).append(" relationships inferred\n");
        for (PublisherRun publisher : report.publishers()) {
            if (publisher.applied().isEmpty()) {
                log.append(publisher.publisher()).append(": planned ").append(publisher.plan().changes().size())
                        .append(" changes (dry run)\n");
                continue;
            }
            PublishReport applied = publisher.applied().get();
            edges += applied.added() + applied.changed();
            failures += applied.failures();
            log.append(applied.publisher()).append(": ").append(applied.added()).append(" added, ").append(applied.changed())
                    .append(" changed, ").append(applied.retired()).append(" retired, ").append(applied.unchanged())
                    .append(" unchanged, ").append(applied.failures()).append(" failed\n");
            for (PublishReport.Outcome outcome : applied.outcomes()) {
                if (!outcome.ok()) {
                    log.append("  failed ").append(outcome.target()).append(": ").append(outcome.message()).append('\n');
                }
            }
        }
        RunState state = failures == 0 ? RunState.SUCCESS : RunState.PARTIAL;
        Duration took = Duration.between(started, clock.now());
        return new RunOutcome(state, edges, failures, took, report.result().relationships().size()
                + " relationships, " + edges + " published, " + failures + " failed", log.toString());
    }

    /** A prepared service: the loop, its settings and what to close once it ends. */
    record Service(ServeLoop loop, ValidatedSection settings, List<AutoCloseable> resources, Duration stopGrace,
            Consumer<String> log, CountDownLatch ended) implements AutoCloseable {
        /**
         * SIGTERM: no new run starts; the current one has {@code stopGrace} to finish, then its thread is interrupted
         * (the run ends as abandoned and is reported so). The database statements are cancelled by tacit's own
         * shutdown hook ({@link Tacit}), which makes a run still reading the database end at once.
         */
        void stop(Thread loopThread) {
            loop.stop();
            try {
                if (!ended.await(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.accept("the current run did not finish within " + stopGrace + "; abandoning it");
                    loopThread.interrupt();
                    ended.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // closing clients at exit; nothing to report
                }
            }
        }
    }
}
