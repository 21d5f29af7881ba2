package io.tacit.schedule;

/** Makes sure two instances never run at once: only the holder runs. */
public interface Lease {
    /** Takes the lease when free; false when another instance holds it. */
    boolean tryAcquire();

    void release();

    /** For messages: where the lease lives. */
    String describe();
}
