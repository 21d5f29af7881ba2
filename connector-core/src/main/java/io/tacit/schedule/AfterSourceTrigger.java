package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Due once each time the database's own metadata ingestion finishes a run. Both catalogs' ingestion replaces
 * the constraints/schema it reads from the database, removing tacit's foreign keys, so they are published again
 * right after it. The run finished when this trigger first looks is taken as already handled (the serve loop's
 * first run, or the schedule, covers it); any failure to read the source's runs is the same as "nothing new".
 */
public final class AfterSourceTrigger implements Trigger {
    private final Supplier<Optional<SourceRun>> latestSourceRun;
    private boolean started;
    private String seen;

    public AfterSourceTrigger(Supplier<Optional<SourceRun>> latestSourceRun) {
        this.latestSourceRun = requireNonNull(latestSourceRun, "latestSourceRun is null");
    }

    @Override
    public String name() {
        return "after-source";
    }

    @Override
    public synchronized Optional<RunRequest> poll(Instant now) {
        Optional<SourceRun> latest = latestSourceRun.get();
        if (!started) {
            started = true;
            seen = latest.map(SourceRun::id).orElse(null);
            return Optional.empty();
        }
        if (latest.isEmpty() || latest.get().id().equals(seen)) {
            return Optional.empty();
        }
        seen = latest.get().id();
        return Optional.of(RunRequest.of(name(), "the source's ingestion run " + latest.get().id() + " finished ("
                + latest.get().state() + ") at " + latest.get().finishedAt()));
    }
}
