package io.tacit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The serve loop's time: what time it is, and waiting for a deadline. A test clock makes waiting instant. */
public interface ServeClock {
    Instant now();

    /** Waits until {@code deadline}, returning early once {@code stop} answers true. */
    void sleepUntil(Instant deadline, BooleanSupplier stop) throws InterruptedException;

    /** Wall time; waits in slices of at most a quarter second, so a stop request is seen quickly. */
    static ServeClock system() {
        return new ServeClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleepUntil(Instant deadline, BooleanSupplier stop) throws InterruptedException {
                while (!stop.getAsBoolean()) {
                    long millis = Duration.between(Instant.now(), deadline).toMillis();
                    if (millis <= 0) {
                        return;
                    }
                    Thread.sleep(Math.min(millis, 250));
                }
            }
        };
    }
}
