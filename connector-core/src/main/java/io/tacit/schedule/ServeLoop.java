package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The long-running part of {@code tacit serve}: polls its triggers, and when one is due takes the lease, lets
 * the catalogs mark runs a dead instance left "running" as abandoned, claims the request, runs, and reports how
 * the run ended to every reporter. One run at a time; {@link #stop()} lets the current run finish (the executor
 * sees the stop request and may give up cleanly) and starts no other.
 */
public final class ServeLoop {
    private final ServeClock clock;
    private final List<Trigger> triggers;
    private final Lease lease;
    private final RunExecutor executor;
    private final List<RunReporter> reporters;
    private final ServeMetrics metrics;
    private final Duration pollInterval;
    private final Consumer<String> log;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile boolean alive;

    public ServeLoop(ServeClock clock, List<Trigger> triggers, Lease lease, RunExecutor executor,
            List<RunReporter> reporters, ServeMetrics metrics, Duration pollInterval, Consumer<String> log) {
        this.clock = requireNonNull(clock, "clock is null");
        this.triggers = List.copyOf(requireNonNull(triggers, "triggers is null"));
        this.lease = requireNonNull(lease, "lease is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.reporters = List.copyOf(requireNonNull(reporters, "reporters is null"));
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.log = requireNonNull(log, "log is null");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    /** Polls and runs until {@link #stop()}. */
    public void run() {
        alive = true;
        try {
            while (!stop.get()) {
                step();
                Instant now = clock.now();
                Instant wake = now.plus(pollInterval);
                for (Trigger trigger : triggers) {
                    Optional<Instant> due = trigger.nextDue(now);
                    if (due.isPresent() && due.get().isBefore(wake)) {
                        wake = due.get().isAfter(now) ? due.get() : now;
                    }
                }
                try {
                    clock.sleepUntil(wake, stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            alive = false;
        }
    }

    /** Asks the loop to end: the current run may finish, no other starts. */
    public void stop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
    }

    /** Whether {@link #run()} is looping (for the health endpoint). */
    public boolean alive() {
        return alive;
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /** One poll of every trigger, and at most one run. Returns the outcome when a run took place. */
    public Optional<RunOutcome> step() {
        Instant now = clock.now();
        metrics.polled(now);
        for (Trigger trigger : triggers) {
            Optional<RunRequest> request;
            try {
                request = trigger.poll(now);
            } catch (RuntimeException e) {
                log.accept("trigger " + trigger.name() + " could not be checked: " + message(e));
                continue;
            }
            if (request.isPresent() && !stop.get()) {
                return runLeased(request.get());
            }
        }
        return Optional.empty();
    }

    private Optional<RunOutcome> runLeased(RunRequest request) {
        if (!lease.tryAcquire()) {
            metrics.skippedByLease();
            log.accept("run due (" + request.reason() + ") left to the instance holding " + lease.describe());
            return Optional.empty();
        }
        try {
            List<RunReporter> all = new ArrayList<>(reporters);
            all.add(request.reporter());
            for (RunReporter reporter : all) {
                try {
                    reporter.recoverAbandoned(clock.now());
                } catch (RuntimeException e) {
                    log.accept("could not mark abandoned runs: " + message(e));
                }
            }
            if (!request.claim().take()) {
                log.accept("run due (" + request.reason() + ") was taken by another instance");
                return Optional.empty();
            }
            return Optional.of(execute(request, all));
        } finally {
            lease.release();
        }
    }

    private RunOutcome execute(RunRequest request, List<RunReporter> all) {
        String runId = request.runId().orElseGet(() -> io.tacit.model.RunId.generate(clock.now()).value());
        Instant started = clock.now();
        log.accept("run " + runId + " starts: " + request.reason());
        metrics.runStarted();
        for (RunReporter reporter : all) {
            try {
                reporter.started(runId, started);
            } catch (RuntimeException e) {
                log.accept("could not report the start of run " + runId + ": " + message(e));
            }
        }
        RunOutcome outcome;
        try {
            outcome = executor.run(runId, stop::get);
        } catch (RuntimeException e) {
            Duration took = Duration.between(started, clock.now());
            RunState state = stop.get() ? RunState.ABANDONED : RunState.FAILED;
            outcome = new RunOutcome(state, 0, 0, took, "run " + state.label() + ": " + message(e), message(e));
        }
        // a run abandoned by interruption still reports how it ended: the reporters' HTTP calls need the flag cleared
        boolean interrupted = Thread.interrupted();
        Instant ended = clock.now();
        metrics.runFinished(outcome, ended);
        for (RunReporter reporter : all) {
            try {
                reporter.finished(runId, started, outcome);
            } catch (RuntimeException e) {
                log.accept("could not report the end of run " + runId + ": " + message(e));
            }
        }
        log.accept("run " + runId + " " + outcome.state().label() + ": " + outcome.summary());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
