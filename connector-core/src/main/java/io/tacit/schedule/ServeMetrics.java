package io.tacit.schedule;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** What the serve loop counts, rendered in the Prometheus text format for {@code /metrics}. */
public final class ServeMetrics {
    private final Map<RunState, Long> runs = new EnumMap<>(RunState.class);
    private long edgesPublished;
    private long publishFailures;
    private long skippedByLease;
    private double durationSum;
    private double lastDuration;
    private Instant lastSuccess;
    private Instant lastPoll;
    private boolean running;

    public synchronized void runStarted() {
        running = true;
    }

    public synchronized void runFinished(RunOutcome outcome, Instant at) {
        running = false;
        runs.merge(outcome.state(), 1L, Long::sum);
        edgesPublished += outcome.edgesPublished();
        publishFailures += outcome.failures();
        lastDuration = outcome.duration().toMillis() / 1000.0;
        durationSum += lastDuration;
        if (outcome.state() == RunState.SUCCESS || outcome.state() == RunState.PARTIAL) {
            lastSuccess = at;
        }
    }

    public synchronized void skippedByLease() {
        skippedByLease++;
    }

    public synchronized void polled(Instant at) {
        lastPoll = at;
    }

    public synchronized long runs(RunState state) {
        return runs.getOrDefault(state, 0L);
    }

    public synchronized long edgesPublished() {
        return edgesPublished;
    }

    public synchronized long skipped() {
        return skippedByLease;
    }

    public synchronized boolean running() {
        return running;
    }

    public synchronized java.util.Optional<Instant> lastPoll() {
        return java.util.Optional.ofNullable(lastPoll);
    }

    public synchronized String prometheus() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP tacit_serve_runs_total Scheduled runs by how they ended.\n");
        out.append("# TYPE tacit_serve_runs_total counter\n");
        long total = 0;
        for (RunState state : RunState.values()) {
            if (state == RunState.RUNNING) {
                continue;
            }
            long count = runs.getOrDefault(state, 0L);
            total += count;
            out.append("tacit_serve_runs_total{state=\"").append(state.label()).append("\"} ").append(count).append('\n');
        }
        metric(out, "tacit_serve_edges_published_total", "counter",
                "Relationships added or changed in the catalogs.", edgesPublished);
        metric(out, "tacit_serve_publish_failures_total", "counter",
                "Catalog entities a run could not update.", publishFailures);
        metric(out, "tacit_serve_runs_skipped_total", "counter",
                "Due runs left to the instance that holds the lease.", skippedByLease);
        out.append("# HELP tacit_serve_run_duration_seconds Wall time of runs.\n");
        out.append("# TYPE tacit_serve_run_duration_seconds summary\n");
        out.append("tacit_serve_run_duration_seconds_sum ").append(format(durationSum)).append('\n');
        out.append("tacit_serve_run_duration_seconds_count ").append(total).append('\n');
        metric(out, "tacit_serve_last_run_duration_seconds", "gauge", "Wall time of the last run.", lastDuration);
        metric(out, "tacit_serve_last_success_timestamp_seconds", "gauge",
                "When the last run that published ended (0: none yet).",
                lastSuccess == null ? 0 : lastSuccess.getEpochSecond());
        metric(out, "tacit_serve_running", "gauge", "1 while a run is in progress.", running ? 1 : 0);
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(format(value)).append('\n');
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
