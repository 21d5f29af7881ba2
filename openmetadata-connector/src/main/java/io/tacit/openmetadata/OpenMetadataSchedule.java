package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.config.ConfigSection;
import io.tacit.error.TacitException;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import io.tacit.schedule.CronExpression;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunReporter;
import io.tacit.schedule.RunState;
import io.tacit.schedule.SourceRun;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.openmetadata.schema.entity.services.ingestionPipelines.PipelineStatus;
import org.openmetadata.schema.entity.services.ingestionPipelines.PipelineStatusType;
import org.openmetadata.schema.entity.services.ingestionPipelines.StepSummary;

/**
 * {@code tacit serve} against OpenMetadata: registers (or adopts) tacit's ingestion pipeline under the service
 * ({@link TacitPipeline}), reads its schedule ({@code airflowConfig.scheduleInterval} and
 * {@code pipelineTimezone}, edited in the UI), reports each run's status on it, and watches the service's
 * metadata pipelines for finished runs (the after-source trigger).
 *
 * <p>Status run ids are derived from tacit's run id exactly as {@link OpenMetadataPublisher} derives them, so the
 * publisher's own status writes and these are one entry per run (the server upserts by run id).
 */
public final class OpenMetadataSchedule implements RunReporter, AutoCloseable {
    private static final Duration RECOVERY_WINDOW = Duration.ofDays(7);

    private final OpenMetadataClient client;
    private final String serviceName;
    private final String pipelineName;
    private final Optional<String> sourcePipeline;
    private final Consumer<String> log;
    private volatile boolean logsAccepted = true;

    public OpenMetadataSchedule(OpenMetadataClient client, String serviceName, String pipelineName,
            Optional<String> sourcePipeline, Consumer<String> log) {
        this.client = requireNonNull(client, "client is null");
        this.serviceName = requireNonNull(serviceName, "serviceName is null");
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
        this.sourcePipeline = requireNonNull(sourcePipeline, "sourcePipeline is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** From an {@code openmetadata} sink section of the recipe. */
    public static OpenMetadataSchedule fromSink(ConfigSection sink, Optional<String> sourcePipeline, Consumer<String> log) {
        return new OpenMetadataSchedule(new OpenMetadataClient(OpenMetadataSettings.client(sink)),
                OpenMetadataSettings.string(sink, OpenMetadataSettings.SERVICE_NAME),
                OpenMetadataSettings.string(sink, OpenMetadataSettings.PIPELINE_NAME), sourcePipeline, log);
    }

    public String pipelineFqn() {
        return Fqn.quote(serviceName) + "." + Fqn.quote(pipelineName);
    }

    /**
     * Registers tacit's pipeline when the service has none of that name, with {@code initialCron} as its schedule
     * (a person edits it in the UI afterwards); adopts an existing one that is tacit's. A pipeline of that name
     * that is not tacit's (the database's own ingestion, say) is never touched.
     */
    public void registerOrAdopt(String initialCron, String timezone) {
        Optional<JsonNode> existing = client.find(pipelinePath(), Map.of());
        if (existing.isPresent()) {
            if (!TacitPipeline.isTacits(existing.get())) {
                throw TacitException.config("ingestion pipeline " + pipelineFqn() + " exists and is not tacit's",
                        "set pipelineName in the openmetadata sink to a name of its own, e.g. tacit-relationships");
            }
            if (!TacitPipeline.isSafe(existing.get())) {
                log.accept("openmetadata: pipeline " + pipelineFqn() + " was registered by an earlier tacit as a "
                        + existing.get().path("pipelineType").asText() + " pipeline, which Deploy/Run in the UI would start "
                        + "as a real workflow; delete it in OpenMetadata and tacit registers a safe one");
            }
            return;
        }
        JsonNode service = client.get(Path.of("v1", "services", "databaseServices", "name", serviceName), Map.of());
        client.put(Path.of("v1", "services", "ingestionPipelines"),
                TacitPipeline.definition(pipelineName, service.path("id").asText(), initialCron, timezone));
        log.accept("openmetadata: registered ingestion pipeline " + pipelineFqn() + " with schedule " + initialCron
                + " (" + timezone + "); edit the schedule in OpenMetadata");
    }

    /** The schedule on the pipeline entity; empty when it has none, is disabled, or cannot be read. */
    public Optional<CronExpression> schedule() {
        Optional<JsonNode> pipeline = client.find(pipelinePath(), Map.of());
        if (pipeline.isEmpty() || pipeline.get().path("enabled").asBoolean(true) == false) {
            return Optional.empty();
        }
        JsonNode airflow = pipeline.get().path("airflowConfig");
        String cron = airflow.path("scheduleInterval").asText("");
        if (cron.isBlank()) {
            return Optional.empty();
        }
        String zone = airflow.path("pipelineTimezone").asText("UTC");
        try {
            return Optional.of(CronExpression.parse(cron, ZoneId.of(zone.isBlank() ? "UTC" : zone)));
        } catch (IllegalArgumentException | DateTimeException e) {
            log.accept("openmetadata: the schedule '" + cron + "' of " + pipelineFqn() + " cannot be used: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The newest finished run of the database's own metadata ingestion: {@code sourceIngestion} when given, else
     * every {@code metadata} pipeline of the service. 1.x servers return {@code pipelineStatuses} as one object
     * (the latest run), 2.0 as a list of the last five; both are read.
     */
    public Optional<SourceRun> latestSourceRun() {
        List<JsonNode> pipelines = new ArrayList<>();
        Map<String, String> fields = Map.of("fields", "pipelineStatuses");
        if (sourcePipeline.isPresent()) {
            client.find(Path.of("v1", "services", "ingestionPipelines", "name", sourcePipeline.get()), fields)
                    .ifPresent(pipelines::add);
        } else {
            Map<String, String> query = new LinkedHashMap<>(fields);
            query.put("service", serviceName);
            query.put("pipelineType", "metadata");
            pipelines.addAll(client.list(Path.of("v1", "services", "ingestionPipelines"), query));
        }
        SourceRun latest = null;
        for (JsonNode pipeline : pipelines) {
            JsonNode statuses = pipeline.path("pipelineStatuses");
            List<JsonNode> all = new ArrayList<>();
            if (statuses.isArray()) {
                statuses.forEach(all::add);
            } else if (statuses.isObject()) {
                all.add(statuses);
            }
            for (JsonNode status : all) {
                String state = status.path("pipelineState").asText("");
                if (!List.of("success", "partialSuccess", "failed").contains(state) || !status.path("endDate").canConvertToLong()) {
                    continue;
                }
                Instant ended = Instant.ofEpochMilli(status.path("endDate").asLong());
                if (latest == null || ended.isAfter(latest.finishedAt())) {
                    latest = new SourceRun(pipeline.path("fullyQualifiedName").asText() + "/" + status.path("runId").asText(),
                            ended, state);
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The pipeline status run id of a tacit run: the same as {@link OpenMetadataPublisher} reports. */
    static String statusRunId(String runId) {
        return UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void started(String runId, Instant at) {
        PipelineStatus status = new PipelineStatus();
        status.setRunId(statusRunId(runId));
        status.setPipelineState(PipelineStatusType.RUNNING);
        status.setStartDate(at.toEpochMilli());
        status.setTimestamp(at.toEpochMilli());
        client.put(statusPath(), status);
    }

    @Override
    public void finished(String runId, Instant startedAt, RunOutcome outcome) {
        PipelineStatus status = new PipelineStatus();
        status.setRunId(statusRunId(runId));
        status.setPipelineState(state(outcome.state()));
        status.setStartDate(startedAt.toEpochMilli());
        status.setTimestamp(startedAt.toEpochMilli());
        status.setEndDate(startedAt.plus(outcome.duration()).toEpochMilli());
        StepSummary step = new StepSummary();
        step.setName("tacit run " + runId + " (" + outcome.state().label() + ")");
        step.setRecords((int) Math.min(Integer.MAX_VALUE, outcome.edgesPublished()));
        step.setErrors((int) Math.min(Integer.MAX_VALUE, outcome.failures()));
        status.setStatus(List.of(step));
        client.put(statusPath(), status);
        sendLog(runId, outcome);
    }

    private static PipelineStatusType state(RunState state) {
        return switch (state) {
            case RUNNING -> PipelineStatusType.RUNNING;
            case SUCCESS -> PipelineStatusType.SUCCESS;
            case PARTIAL -> PipelineStatusType.PARTIAL_SUCCESS;
            // 1.4 has no "cancelled" state; an abandoned run is a failed one whose step name says why
            case FAILED, ABANDONED -> PipelineStatusType.FAILED;
        };
    }

    /**
     * Logs go to {@code POST /v1/services/ingestionPipelines/logs/{fqn}/{runId}} (newer servers; the body is
     * assumed to be the log text as a JSON string, not checked against a live server). A 1.4 server has no such
     * endpoint: the first 404/405 switches log shipping off for the process.
     */
    private void sendLog(String runId, RunOutcome outcome) {
        if (!logsAccepted || outcome.log().isEmpty()) {
            return;
        }
        try {
            client.send("POST", Path.of("v1", "services", "ingestionPipelines", "logs", pipelineFqn(), statusRunId(runId)),
                    Map.of(), OpenMetadataClient.JSON, outcome.log());
        } catch (CatalogHttpException e) {
            if (e.status() == 404 || e.status() == 405) {
                logsAccepted = false;
                log.accept("openmetadata: this server keeps no run logs for external pipelines; only statuses are reported");
            } else {
                log.accept("openmetadata: could not send the run's log: " + e.oneLine());
            }
        }
    }

    /** Runs of tacit's pipeline still "running" in the last week were left by an instance that stopped: failed. */
    @Override
    public void recoverAbandoned(Instant now) {
        Map<String, String> window = Map.of("startTs", Long.toString(now.minus(RECOVERY_WINDOW).toEpochMilli()),
                "endTs", Long.toString(now.toEpochMilli()));
        Optional<JsonNode> statuses = client.find(statusPath(), window);
        if (statuses.isEmpty()) {
            return;
        }
        for (JsonNode status : statuses.get().path("data")) {
            if (!status.path("pipelineState").asText().equals("running")) {
                continue;
            }
            PipelineStatus abandoned = OpenMetadataClient.mapper().convertValue(status, PipelineStatus.class);
            abandoned.setPipelineState(PipelineStatusType.FAILED);
            abandoned.setEndDate(now.toEpochMilli());
            StepSummary step = new StepSummary();
            step.setName("abandoned: tacit stopped during this run; the next run publishes everything again");
            abandoned.setStatus(List.of(step));
            client.put(statusPath(), abandoned);
            log.accept("openmetadata: run " + abandoned.getRunId() + " was left running by a stopped instance; marked failed");
        }
    }

    private Path pipelinePath() {
        return Path.of("v1", "services", "ingestionPipelines", "name", pipelineFqn());
    }

    private Path statusPath() {
        return Path.of("v1", "services", "ingestionPipelines", pipelineFqn(), "pipelineStatus");
    }

    @Override
    public void close() {
        client.close();
    }
}
