package io.tacit.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A controllable clock for serve tests: waiting moves time to the deadline at once and tells the listeners,
 * which play the part of the world (a person editing a schedule, a source run ending, a SIGTERM).
 */
public final class ManualClock implements ServeClock {
    private Instant now;
    private final List<Consumer<Instant>> listeners = new ArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public void advanceTo(Instant instant) {
        List<Consumer<Instant>> copy;
        synchronized (this) {
            if (instant.isAfter(now)) {
                now = instant;
            }
            copy = List.copyOf(listeners);
        }
        copy.forEach(listener -> listener.accept(instant));
    }

    /** Called with the new time each time the loop waits. */
    public synchronized void onAdvance(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    @Override
    public void sleepUntil(Instant deadline, BooleanSupplier stop) {
        if (!stop.getAsBoolean()) {
            advanceTo(deadline);
        }
    }
}
