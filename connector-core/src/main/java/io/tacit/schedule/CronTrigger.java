package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Due at each time of a cron schedule. The schedule is asked for on every poll, so one a person edits in the
 * catalog is followed from the next poll on; an empty schedule (unset, paused) runs nothing. Times missed while
 * the process was busy or suspended give one run, not one per missed time.
 */
public final class CronTrigger implements Trigger {
    private final Supplier<Optional<CronExpression>> schedule;
    private CronExpression current;
    private Instant next;

    public CronTrigger(Supplier<Optional<CronExpression>> schedule) {
        this.schedule = requireNonNull(schedule, "schedule is null");
    }

    @Override
    public String name() {
        return "cron";
    }

    @Override
    public synchronized Optional<RunRequest> poll(Instant now) {
        Optional<CronExpression> cron = schedule.get();
        if (cron.isEmpty()) {
            current = null;
            next = null;
            return Optional.empty();
        }
        if (!cron.get().equals(current)) {
            current = cron.get();
            next = current.next(now);
            return Optional.empty();
        }
        if (now.isBefore(next)) {
            return Optional.empty();
        }
        Instant due = next;
        next = current.next(now);
        return Optional.of(RunRequest.of(name(), "schedule " + current + " was due at " + due));
    }

    @Override
    public synchronized Optional<Instant> nextDue(Instant now) {
        return Optional.ofNullable(next);
    }
}
