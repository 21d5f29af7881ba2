package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import java.time.Duration;

/**
 * How to talk to one OpenMetadata server. {@code toString()} never shows the token.
 *
 * @param serverUrl the server's base URL, with or without the {@code /api} suffix
 * @param timeout connect, read and write timeout of each request
 * @param retries how many times a request is repeated after a 429, a 5xx or a timeout
 * @param retryBaseDelay the first backoff delay; it doubles on each retry (with jitter)
 * @param concurrency how many requests may be in flight at once
 * @param pageSize how many entities each list request asks for
 */
public record ClientSettings(
        String serverUrl,
        Secret token,
        Duration timeout,
        int retries,
        Duration retryBaseDelay,
        int concurrency,
        int pageSize) {
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    public ClientSettings {
        requireNonNull(serverUrl, "serverUrl is null");
        requireNonNull(token, "token is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(retryBaseDelay, "retryBaseDelay is null");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more: " + retries);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more: " + concurrency);
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000: " + pageSize);
        }
    }

    public static ClientSettings of(String serverUrl, Secret token) {
        return new ClientSettings(serverUrl, token, Duration.ofSeconds(30), 4, Duration.ofMillis(500), 4, 100);
    }

    public ClientSettings withRetryBaseDelay(Duration delay) {
        return new ClientSettings(serverUrl, token, timeout, retries, delay, concurrency, pageSize);
    }

    @Override
    public String toString() {
        return "ClientSettings[serverUrl=" + serverUrl + ", token=[hidden], timeout=" + timeout + ", retries=" + retries
                + ", concurrency=" + concurrency + ", pageSize=" + pageSize + "]";
    }
}
