package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkedin.data.template.StringMap;
import com.linkedin.execution.ExecutionRequestInput;
import com.linkedin.execution.ExecutionRequestResult;
import com.linkedin.execution.ExecutionRequestSource;
import com.linkedin.ingestion.DataHubIngestionSourceConfig;
import com.linkedin.ingestion.DataHubIngestionSourceInfo;
import com.linkedin.ingestion.DataHubIngestionSourceSchedule;
import com.linkedin.mxe.MetadataChangeProposal;
import com.linkedin.mxe.SystemMetadata;
import io.tacit.config.ConfigSection;
import io.tacit.error.TacitException;
import io.tacit.schedule.RunOutcome;
import io.tacit.schedule.RunReporter;
import io.tacit.schedule.RunRequest;
import io.tacit.schedule.RunState;
import io.tacit.schedule.SourceRun;
import io.tacit.schedule.Trigger;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code tacit serve} against DataHub, as an executor of DataHub's own ingestion scheduling.
 *
 * <p>tacit's ingestion source ({@code dataHubIngestionSource}, aspect {@code dataHubIngestionSourceInfo}) carries
 * the schedule a person edits on the Ingestion page and {@code config.executorId} (default {@code tacit}). GMS's
 * IngestionScheduler, and "Execute" in the UI, create {@code dataHubExecutionRequest}s whose
 * {@code dataHubExecutionRequestInput.executorId} is copied from the source; the bundled actions executor only
 * takes requests for its own id ({@code default}). This class polls for requests routed to tacit's executor id
 * without a result, claims one by writing a RUNNING {@code dataHubExecutionRequestResult} with
 * {@code If-Version-Match: -1} ("must not exist", sent synchronously so a lost race is seen), runs it under the
 * request's id (so proposals carry {@code systemMetadata.runId} = that id and Rollback in the UI targets them),
 * and writes the final result with status, report and duration.
 *
 * <p>Entity and aspect names and fields are those of datahub-client 0.15.0rc20's pegasus models
 * ({@code com.linkedin.ingestion.DataHubIngestionSourceInfo}, {@code com.linkedin.execution.ExecutionRequestInput},
 * {@code ExecutionRequestResult}); these exist unchanged from GMS 0.8.x on, and If-Version-Match from 0.14, so
 * this works on GMS 0.14 and newer (OpenAPI v3 scroll is needed as well). The routing by executor id is
 * datahub-actions behaviour, not a documented contract (shared/reference/datahub.md 7.4): check it on the target
 * version.
 */
public final class DataHubSchedule implements Trigger, RunReporter, AutoCloseable {
    static final String SOURCE_ENTITY = "dataHubIngestionSource";
    static final String REQUEST_ENTITY = "dataHubExecutionRequest";
    static final String SOURCE_INFO = "dataHubIngestionSourceInfo";
    static final String REQUEST_INPUT = "dataHubExecutionRequestInput";
    static final String REQUEST_RESULT = "dataHubExecutionRequestResult";
    /** How much of a run's log goes into the result's report (GMS events are kept under ~1 MB). */
    private static final int MAX_REPORT = 500_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GmsClient gms;
    private final ProposalSender sender;
    private final String sourceUrn;
    private final String executorId;
    private final String pipelineName;
    private final Optional<String> databaseSourceUrn;
    private final Consumer<String> log;
    /** execution requests this instance claimed: they report through their own request, not as self-started runs */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    DataHubSchedule(GmsClient gms, ProposalSender sender, String sourceUrn, String executorId, String pipelineName,
            Optional<String> databaseSourceUrn, Consumer<String> log) {
        this.gms = requireNonNull(gms, "gms is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.sourceUrn = requireNonNull(sourceUrn, "sourceUrn is null");
        this.executorId = requireNonNull(executorId, "executorId is null");
        this.pipelineName = requireNonNull(pipelineName, "pipelineName is null");
        this.databaseSourceUrn = requireNonNull(databaseSourceUrn, "databaseSourceUrn is null");
        this.log = requireNonNull(log, "log is null");
        if (executorId.isBlank() || executorId.equals("default") || executorId.equals("__datahub_cli_")) {
            throw TacitException.config("executorId '" + executorId + "' belongs to DataHub's own executors",
                    "use an id of tacit's own, e.g. tacit");
        }
    }

    /** From a {@code datahub} sink section (REST mode) of the recipe. */
    public static DataHubSchedule fromSink(ConfigSection sink, String executorId, Optional<String> databaseSourceUrn,
            Consumer<String> log) {
        DataHubSettings settings = DataHubSettings.from(sink, true);
        if (settings.serverUrl().isEmpty()) {
            throw TacitException.config(sink.path() + ": tacit serve needs serverUrl (file mode has no scheduler)",
                    "set mode: rest and serverUrl");
        }
        RetryPolicy retry = new RetryPolicy(settings.maxRetries(), settings.retryBackoff());
        GmsClient gms = new GmsClient(settings.serverUrl().get(), settings.token(), settings.timeout(), retry);
        RestProposalSender sender = new RestProposalSender(settings.serverUrl().get(), settings.token(), settings.timeout(), retry);
        return new DataHubSchedule(gms, sender, sourceUrn(settings.pipelineName()), executorId, settings.pipelineName(),
                databaseSourceUrn, log);
    }

    static String sourceUrn(String pipelineName) {
        return "urn:li:" + SOURCE_ENTITY + ":tacit-" + pipelineName.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    public String sourceUrn() {
        return sourceUrn;
    }

    @Override
    public String name() {
        return "datahub-executor";
    }

    /**
     * Creates tacit's ingestion source when missing, with {@code initialCron} (may be null: run only on request) as
     * its schedule; an existing one is left as people edited it. A source routed to another executor is reported.
     */
    public void registerOrAdopt(String initialCron, String timezone) {
        Optional<GmsClient.Aspect> existing = gms.aspect(SOURCE_ENTITY.toLowerCase(java.util.Locale.ROOT), sourceUrn, SOURCE_INFO);
        if (existing.isPresent()) {
            String routed = tree(existing.get().json()).path("config").path("executorId").asText("default");
            if (!routed.equals(executorId)) {
                log.accept("datahub: ingestion source " + sourceUrn + " routes its runs to executor '" + routed
                        + "', not '" + executorId + "': tacit will not see them until it is set back");
            }
            return;
        }
        DataHubIngestionSourceInfo info = new DataHubIngestionSourceInfo()
                .setName("tacit inferred relationships (" + pipelineName + ")")
                .setType("tacit")
                .setConfig(new DataHubIngestionSourceConfig()
                        // the recipe lives with tacit (it holds database credentials); this one only says so
                        .setRecipe("{\"source\":{\"type\":\"tacit\",\"config\":{\"note\":\"run by tacit serve; "
                                + "the recipe is kept where tacit runs\"}}}")
                        .setExecutorId(executorId));
        if (initialCron != null) {
            info.setSchedule(new DataHubIngestionSourceSchedule().setInterval(initialCron).setTimezone(timezone));
        }
        send(DataHubMapping.upsert(SOURCE_ENTITY, sourceUrn, info, stamp("tacit-serve-setup")), false);
        log.accept("datahub: created ingestion source " + sourceUrn + " routed to executor '" + executorId + "'");
    }

    /** The oldest execution request routed to tacit's executor that nobody has started. */
    @Override
    public Optional<RunRequest> poll(Instant now) {
        List<Pending> pending = new ArrayList<>();
        for (GmsClient.EntityAspects request : requests()) {
            if (request.aspect(REQUEST_RESULT).isPresent() || request.aspect(REQUEST_INPUT).isEmpty()) {
                continue;
            }
            JsonNode input = tree(request.aspect(REQUEST_INPUT).get().json());
            if (!input.path("executorId").asText().equals(executorId)) {
                continue;
            }
            pending.add(new Pending(request.urn(), input.path("requestedAt").asLong(),
                    input.path("source").path("type").asText("?")));
        }
        pending.sort(Comparator.comparingLong(Pending::requestedAt).thenComparing(Pending::urn));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Pending next = pending.get(0);
        String id = next.urn().substring(("urn:li:" + REQUEST_ENTITY + ":").length());
        return Optional.of(new RunRequest(name(), "execution request " + id + " (" + next.sourceType() + ")",
                Optional.of(id), () -> claim(next.urn(), id), new RequestReporter(next.urn())));
    }

    private record Pending(String urn, long requestedAt, String sourceType) {
    }

    private boolean claim(String urn, String id) {
        ExecutionRequestResult running = new ExecutionRequestResult().setStatus("RUNNING")
                .setStartTimeMs(System.currentTimeMillis()).setReport("tacit: started\n");
        MetadataChangeProposal claim = DataHubMapping.upsert(REQUEST_ENTITY, urn, running, stamp(id));
        claim.setHeaders(new StringMap(Map.of("If-Version-Match", "-1")));
        try {
            send(claim, true);
        } catch (ProposalSender.RejectedProposal e) {
            if (e.preconditionFailed()) {
                return false;
            }
            throw TacitException.catalog("cannot claim execution request " + id + ": " + e.getMessage(), null, true, e);
        }
        claimed.add(id);
        return true;
    }

    /** Writes the final result of a claimed execution request. */
    private final class RequestReporter implements RunReporter {
        private final String urn;

        RequestReporter(String urn) {
            this.urn = urn;
        }

        @Override
        public void finished(String runId, Instant startedAt, RunOutcome outcome) {
            writeResult(urn, runId, startedAt, outcome);
            claimed.remove(runId);
        }
    }

    /**
     * A run tacit started itself (after-source, or a recipe schedule) is recorded as an execution request of tacit's
     * source too, so the Ingestion page lists every run and Rollback can target it.
     */
    @Override
    public void started(String runId, Instant at) {
        if (claimed.contains(runId)) {
            return;
        }
        ExecutionRequestInput input = new ExecutionRequestInput()
                .setTask("RUN_INGEST")
                .setArgs(new StringMap(Map.of("recipe", "{}", "version", "tacit")))
                .setExecutorId(executorId)
                .setRequestedAt(at.toEpochMilli())
                .setSource(new ExecutionRequestSource().setType("SCHEDULED_INGESTION_SOURCE")
                        .setIngestionSource(DataHubMapping.urn(sourceUrn)));
        String urn = requestUrn(runId);
        send(DataHubMapping.upsert(REQUEST_ENTITY, urn, input, stamp(runId)), false);
        ExecutionRequestResult running = new ExecutionRequestResult().setStatus("RUNNING").setStartTimeMs(at.toEpochMilli());
        send(DataHubMapping.upsert(REQUEST_ENTITY, urn, running, stamp(runId)), false);
    }

    @Override
    public void finished(String runId, Instant startedAt, RunOutcome outcome) {
        if (claimed.contains(runId)) {
            return;
        }
        writeResult(requestUrn(runId), runId, startedAt, outcome);
    }

    private void writeResult(String urn, String runId, Instant startedAt, RunOutcome outcome) {
        String report = outcome.summary() + "\n" + outcome.log();
        if (report.length() > MAX_REPORT) {
            report = report.substring(0, MAX_REPORT) + "\n[cut]";
        }
        ExecutionRequestResult result = new ExecutionRequestResult()
                .setStatus(status(outcome.state()))
                .setReport(report)
                .setStartTimeMs(startedAt.toEpochMilli())
                .setDurationMs(outcome.duration().toMillis());
        send(DataHubMapping.upsert(REQUEST_ENTITY, urn, result, stamp(runId)), false);
    }

    static String status(RunState state) {
        return switch (state) {
            case RUNNING -> "RUNNING";
            case SUCCESS -> "SUCCESS";
            // the UI has no "partial" state: a run with failed entities is a failure whose report lists them
            case PARTIAL, FAILED -> "FAILURE";
            case ABANDONED -> "CANCELLED";
        };
    }

    /**
     * Requests routed to tacit still RUNNING while this instance holds the lease were left by an instance that
     * stopped: they become CANCELLED, so the page does not show them running forever. Their writes are complete
     * per entity; the next run publishes the difference.
     */
    @Override
    public void recoverAbandoned(Instant now) {
        for (GmsClient.EntityAspects request : requests()) {
            Optional<GmsClient.Aspect> result = request.aspect(REQUEST_RESULT);
            Optional<GmsClient.Aspect> input = request.aspect(REQUEST_INPUT);
            if (result.isEmpty() || input.isEmpty()
                    || !tree(input.get().json()).path("executorId").asText().equals(executorId)) {
                continue;
            }
            JsonNode stored = tree(result.get().json());
            String id = request.urn().substring(("urn:li:" + REQUEST_ENTITY + ":").length());
            if (!stored.path("status").asText().equals("RUNNING") || claimed.contains(id)) {
                continue;
            }
            long started = stored.path("startTimeMs").asLong(now.toEpochMilli());
            ExecutionRequestResult cancelled = new ExecutionRequestResult().setStatus("CANCELLED")
                    .setStartTimeMs(started).setDurationMs(Math.max(0, now.toEpochMilli() - started))
                    .setReport(stored.path("report").asText("") + "tacit: abandoned: the instance running it stopped; "
                            + "the next run publishes everything again\n");
            send(DataHubMapping.upsert(REQUEST_ENTITY, request.urn(), cancelled, stamp(id)), false);
            log.accept("datahub: execution request " + id + " was left running by a stopped instance; marked CANCELLED");
        }
    }

    /**
     * The newest finished run of the database's own ingestion source ({@code sourceIngestion}): its execution
     * requests' results, ended at {@code startTimeMs + durationMs}.
     */
    public Optional<SourceRun> latestSourceRun() {
        if (databaseSourceUrn.isEmpty()) {
            return Optional.empty();
        }
        SourceRun latest = null;
        for (GmsClient.EntityAspects request : requests()) {
            if (request.aspect(REQUEST_RESULT).isEmpty() || request.aspect(REQUEST_INPUT).isEmpty()) {
                continue;
            }
            JsonNode input = tree(request.aspect(REQUEST_INPUT).get().json());
            if (!input.path("source").path("ingestionSource").asText().equals(databaseSourceUrn.get())) {
                continue;
            }
            JsonNode result = tree(request.aspect(REQUEST_RESULT).get().json());
            String status = result.path("status").asText();
            if (status.equals("RUNNING") || !result.has("startTimeMs")) {
                continue;
            }
            Instant ended = Instant.ofEpochMilli(result.path("startTimeMs").asLong() + result.path("durationMs").asLong());
            if (latest == null || ended.isAfter(latest.finishedAt())) {
                latest = new SourceRun(request.urn(), ended, status);
            }
        }
        return Optional.ofNullable(latest);
    }

    private List<GmsClient.EntityAspects> requests() {
        return gms.scroll(REQUEST_ENTITY.toLowerCase(java.util.Locale.ROOT), List.of(REQUEST_INPUT, REQUEST_RESULT), false);
    }

    static String requestUrn(String id) {
        return "urn:li:" + REQUEST_ENTITY + ":" + id;
    }

    private SystemMetadata stamp(String runId) {
        return new SystemMetadata().setRunId(runId).setPipelineName(pipelineName).setLastObserved(System.currentTimeMillis());
    }

    private void send(MetadataChangeProposal proposal, boolean rethrowRejected) {
        try {
            sender.send(proposal);
        } catch (ProposalSender.RejectedProposal e) {
            if (rethrowRejected) {
                throw e;
            }
            throw TacitException.catalog("DataHub refused " + proposal.getAspectName() + " of " + proposal.getEntityUrn()
                    + ": " + e.getMessage(), null, false, e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw TacitException.catalog("DataHub returned an aspect that is not JSON", null, false, e);
        }
    }

    @Override
    public void close() {
        sender.close();
        gms.close();
    }
}
