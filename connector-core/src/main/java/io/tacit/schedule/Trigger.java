package io.tacit.schedule;

import java.time.Instant;
import java.util.Optional;

/** Decides when a run is due: a cron time, a finished source run, a request the catalog created. */
public interface Trigger {
    String name();

    /** A run due at {@code now}, if any. Called on every poll; asking consumes what was due. */
    Optional<RunRequest> poll(Instant now);

    /** The earliest instant a run could be due, when the trigger knows it; the loop wakes then. */
    default Optional<Instant> nextDue(Instant now) {
        return Optional.empty();
    }
}
