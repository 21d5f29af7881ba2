package io.tacit.schedule;

import java.util.Locale;

/** The states a run reports; each catalog maps them onto its own vocabulary. */
public enum RunState {
    RUNNING,
    SUCCESS,
    /** published, but some catalog entities could not be updated */
    PARTIAL,
    FAILED,
    /** stopped (SIGTERM, or found left running by an instance that died); the next run publishes everything again */
    ABANDONED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
