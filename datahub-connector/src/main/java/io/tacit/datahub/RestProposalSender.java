package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.mxe.MetadataChangeProposal;
import datahub.client.MetadataWriteResponse;
import datahub.client.rest.RestEmitter;
import datahub.shaded.org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import io.tacit.config.Secret;
import io.tacit.error.TacitException;
import com.linkedin.data.DataMap;
import com.linkedin.data.codec.JacksonDataCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends proposals with DataHub's {@link RestEmitter} ({@code POST /aspects?action=ingestProposal}). The
 * emitter's own retry (fixed whole-second interval, 429/500/503 only) is switched off; tacit retries 429, any
 * 5xx, timeouts and dropped connections itself with exponential backoff and jitter.
 */
final class RestProposalSender implements ProposalSender {
    private static final JacksonDataCodec CODEC = new JacksonDataCodec();

    private final URI server;
    private final Optional<Secret> token;
    private final RestEmitter emitter;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Duration timeout;

    RestProposalSender(URI server, Optional<Secret> token, Duration timeout, RetryPolicy retry) {
        this.server = requireNonNull(server, "server is null");
        this.token = requireNonNull(token, "token is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        int timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.emitter = RestEmitter.create(builder -> {
            // a Content-Length body rather than chunked: simpler for proxies in front of GMS
            builder.server(server.toString()).timeoutSec(timeoutSeconds).maxRetries(0).disableChunkedEncoding(true);
            token.ifPresent(secret -> builder.token(secret.reveal()));
        });
    }

    @Override
    public void send(MetadataChangeProposal proposal) {
        for (int attempt = 0; ; attempt++) {
            int status;
            String message;
            Throwable cause = null;
            try {
                if (conditional(proposal)) {
                    HttpResponse<String> response = sendSynchronously(proposal);
                    if (response.statusCode() / 100 == 2) {
                        return;
                    }
                    status = response.statusCode();
                    message = GmsClient.serverMessage(response.body());
                } else {
                    Future<MetadataWriteResponse> future = emitter.emit(proposal, null);
                    MetadataWriteResponse response = future.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
                    if (response.isSuccess()) {
                        return;
                    }
                    status = statusOf(response);
                    message = GmsClient.serverMessage(response.getResponseContent());
                }
            } catch (ExecutionException | TimeoutException | IOException e) {
                status = 0;
                Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
                cause = root;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TacitException.catalog("interrupted while writing to DataHub", null, true, e);
            }
            boolean retriable = status == 0 || RetryPolicy.retriableStatus(status);
            if (retriable && attempt < retry.maxRetries()) {
                retry.pause(attempt);
                continue;
            }
            if (status == 401 || status == 403) {
                throw GmsClient.failure(server, "ingestProposal", status, message);
            }
            String text = status == 0
                    ? "no answer from " + server + " after " + (attempt + 1) + " attempts (" + message + ")"
                    : "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
            throw new RejectedProposal(status, text, cause);
        }
    }

    private static boolean conditional(MetadataChangeProposal proposal) {
        return proposal.hasHeaders() && proposal.getHeaders().containsKey("If-Version-Match");
    }

    /**
     * The RestEmitter's request with {@code "async": "false"} added: without it a server started with
     * {@code ASYNC_INGEST_DEFAULT=true} queues the proposal, checks If-Version-Match later in its consumer, and a
     * failed precondition is never seen by tacit (shared/reference/datahub.md 1.3 and "Corrections"). The body is
     * the emitter's own: {@code {"proposal": <MCP data>}}, serialized with the pegasus codec.
     */
    private HttpResponse<String> sendSynchronously(MetadataChangeProposal proposal) throws IOException, InterruptedException {
        DataMap body = new DataMap();
        body.put("proposal", proposal.data());
        body.put("async", "false");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(server.toString()) + "/aspects?action=ingestProposal"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-RestLi-Protocol-Version", "2.0.0")
                .POST(HttpRequest.BodyPublishers.ofString(CODEC.mapToString(body)));
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int statusOf(MetadataWriteResponse response) {
        Object underlying = response.getUnderlyingResponse();
        if (underlying instanceof SimpleHttpResponse http) {
            return http.getCode();
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            emitter.close();
        } catch (IOException e) {
            // closing the HTTP client; nothing left to do
        }
    }

    @Override
    public String toString() {
        return "RestProposalSender[" + server + "]";
    }
}
