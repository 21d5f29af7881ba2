package io.tacit.datahub;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a DataHub request again: on 429, on 5xx and on timeouts or dropped connections, at most
 * {@code maxRetries} times, waiting {@code backoff * 2^attempt} plus up to as much again of random jitter so
 * that parallel workers do not retry in lock step. Other 4xx answers are final: the server's message is shown.
 */
record RetryPolicy(int maxRetries, Duration backoff) {
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    static boolean retriableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** The pause before retry number {@code attempt} (0-based). */
    Duration delay(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, MAX_DELAY.toMillis());
        long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped + 1);
        return Duration.ofMillis(Math.min(capped + jitter, MAX_DELAY.toMillis()));
    }

    void pause(int attempt) {
        try {
            Thread.sleep(delay(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
