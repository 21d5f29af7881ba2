package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small OpenMetadata REST client: OkHttp for transport, Jackson for bodies, the bot token as a bearer
 * header. Every request goes through one place that bounds concurrency, retries 429 (honouring
 * {@code Retry-After}), 5xx and timeouts with exponential backoff and jitter, and turns error answers into
 * {@link CatalogHttpException}s that carry the server's own message. The token never appears in a message.
 */
public final class OpenMetadataClient implements AutoCloseable {
    public static final String JSON = "application/json";
    public static final String JSON_PATCH = "application/json-patch+json";

    private static final ObjectMapper MAPPER = createMapper();

    private final ClientSettings settings;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final Semaphore permits;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private volatile ServerVersion version;

    public OpenMetadataClient(ClientSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.base = apiBase(settings.serverUrl());
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, settings.concurrency()));
        dispatcher.setMaxRequestsPerHost(Math.max(64, settings.concurrency()));
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.concurrency() + 1, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySocketFactory())
                .build();
        this.permits = new Semaphore(settings.concurrency(), true);
    }

    /**
     * The mapper every OpenMetadata body goes through: unknown properties and unknown enum values from
     * newer servers are ignored (read as null) instead of failing; nulls are not sent.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper createMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    static HttpUrl apiBase(String serverUrl) {
        HttpUrl url = HttpUrl.parse(serverUrl.trim());
        if (url == null) {
            throw TacitException.config("serverUrl '" + serverUrl + "' is not an http(s) URL",
                    "set serverUrl to the OpenMetadata address, e.g. http://openmetadata:8585");
        }
        List<String> segments = new ArrayList<>(url.pathSegments());
        segments.removeIf(String::isEmpty);
        HttpUrl.Builder builder = url.newBuilder().encodedPath("/").query(null).fragment(null);
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        if (segments.isEmpty() || !segments.get(segments.size() - 1).equals("api")) {
            builder.addPathSegment("api");
        }
        return builder.build();
    }

    /** The API base ({@code http://host:8585/api/}), safe to print. */
    public String baseUrl() {
        return base.toString();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Requests sent so far (each retry counts), for reports and benchmarks. */
    public long requestCount() {
        return requests.get();
    }

    /** Writing requests (PUT, PATCH, POST, DELETE) that succeeded so far. */
    public long writeCount() {
        return writes.get();
    }

    /** Reads the server version once ({@code GET /v1/system/version}) and checks it is supported. */
    public ServerVersion version() {
        ServerVersion known = version;
        if (known != null) {
            return known;
        }
        JsonNode answer = get(Path.of("v1", "system", "version"), Map.of());
        String text = answer.path("version").asText("");
        if (text.isEmpty()) {
            throw TacitException.catalog("OpenMetadata at " + base + " did not report a version",
                    "check that serverUrl points at an OpenMetadata server", false, null);
        }
        known = ServerVersion.parse(text).requireSupported();
        version = known;
        return known;
    }

    public JsonNode get(Path path, Map<String, String> query) {
        return send("GET", path, query, null, null);
    }

    /** GET that answers empty on 404. */
    public Optional<JsonNode> find(Path path, Map<String, String> query) {
        try {
            return Optional.of(get(path, query));
        } catch (CatalogHttpException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every entity of a list endpoint, following {@code paging.after} until the last page. */
    public List<JsonNode> list(Path path, Map<String, String> query) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("limit", Integer.toString(settings.pageSize()));
            if (after != null) {
                pageQuery.put("after", after);
            }
            JsonNode page = get(path, pageQuery);
            for (JsonNode entity : page.path("data")) {
                all.add(entity);
            }
            JsonNode next = page.path("paging").path("after");
            String nextAfter = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (nextAfter != null && nextAfter.equals(after)) {
                throw TacitException.catalog("OpenMetadata returned the same page cursor twice for " + path,
                        "report this to your OpenMetadata administrators", false, null);
            }
            after = nextAfter;
            pages++;
        } while (after != null && pages < 1_000_000);
        return all;
    }

    public JsonNode put(Path path, Object body) {
        return send("PUT", path, Map.of(), JSON, body);
    }

    public JsonNode patch(Path path, Object jsonPatch) {
        return send("PATCH", path, Map.of(), JSON_PATCH, jsonPatch);
    }

    public JsonNode delete(Path path) {
        return send("DELETE", path, Map.of(), null, null);
    }

    /**
     * Sends one request and returns the answer's JSON (an empty object for an empty body). Retries what is
     * safe to retry; a PATCH is repeated only when the server certainly did not apply it (429, 503, connection
     * refused), since adding to an array twice would duplicate entries.
     */
    public JsonNode send(String method, Path path, Map<String, String> query, String contentType, Object body) {
        HttpUrl url = url(path, query);
        Request request = request(method, url, contentType, body);
        boolean idempotent = !method.equals("PATCH") && !method.equals("POST");
        String what = method + " " + path;
        int attempt = 0;
        while (true) {
            Duration wait;
            try {
                Outcome outcome = execute(request);
                if (outcome.status >= 200 && outcome.status < 300) {
                    if (!method.equals("GET")) {
                        writes.incrementAndGet();
                    }
                    return outcome.body;
                }
                // 502/504 come from a proxy that may have passed the request on: only idempotent ones are repeated
                boolean retriable = outcome.status == 429 || outcome.status == 503 || (idempotent && outcome.status >= 500);
                if (!retriable || attempt >= settings.retries()) {
                    throw failure(what, outcome, retriable);
                }
                wait = outcome.retryAfter.isPresent() ? outcome.retryAfter.get() : backoff(attempt);
            } catch (IOException e) {
                boolean retriable = idempotent || e instanceof ConnectException || e instanceof UnknownHostException;
                if (!retriable || attempt >= settings.retries()) {
                    throw unreachable(what, e, retriable);
                }
                wait = backoff(attempt);
            }
            attempt++;
            sleep(wait);
        }
    }

    private Outcome execute(Request request) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to send a request");
        }
        try (Response response = http.newCall(request).execute()) {
            requests.incrementAndGet();
            String text = response.body().string();
            JsonNode json = parse(text);
            return new Outcome(response.code(), json, text, retryAfter(response.header("Retry-After")));
        } finally {
            permits.release();
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            ObjectNode wrapper = MAPPER.createObjectNode();
            wrapper.put("message", text.length() > 300 ? text.substring(0, 300) + "..." : text);
            return wrapper;
        }
    }

    private Request request(String method, HttpUrl url, String contentType, Object body) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", JSON);
        if (!settings.token().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.token().reveal());
        }
        RequestBody requestBody = null;
        if (body != null) {
            requestBody = RequestBody.create(toJson(body), MediaType.get(contentType));
        }
        builder.method(method, requestBody);
        return builder.build();
    }

    public static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw TacitException.internal("cannot write an OpenMetadata request body: " + e.getOriginalMessage(), e);
        }
    }

    HttpUrl url(Path path, Map<String, String> query) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : path.segments()) {
            builder.addPathSegment(segment);
        }
        for (Map.Entry<String, String> entry : query.entrySet()) {
            builder.addQueryParameter(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    private TacitException failure(String what, Outcome outcome, boolean retriable) {
        String serverMessage = outcome.body.path("message").asText("");
        if (serverMessage.isEmpty()) {
            serverMessage = outcome.text == null ? "" : outcome.text.strip();
        }
        if (serverMessage.length() > 500) {
            serverMessage = serverMessage.substring(0, 500) + "...";
        }
        String suffix = serverMessage.isEmpty() ? "" : ": " + serverMessage;
        if (outcome.status == 401) {
            return new CatalogHttpException(401, "OpenMetadata at " + base + " rejected the token (401 Unauthorized) on "
                    + what + suffix,
                    "the bot token is wrong or expired: generate a new one in OpenMetadata (Settings > Bots > your bot)"
                            + " and pass it through the token setting (e.g. ${env:OPENMETADATA_TOKEN})",
                    false);
        }
        if (outcome.status == 403) {
            return new CatalogHttpException(403, "OpenMetadata at " + base + " refused " + what
                    + " (403 Forbidden)" + suffix,
                    "give the bot a role that allows it (EditAll on tables, EditLineage, ViewAll, "
                            + "EditIngestionPipelineStatus), or switch the feature off in the recipe",
                    false);
        }
        String hint = null;
        if (outcome.status == 429 || outcome.status >= 500) {
            hint = "OpenMetadata is overloaded or failing; retry later or lower concurrency";
        }
        return new CatalogHttpException(outcome.status, "OpenMetadata answered " + what + " with " + outcome.status + suffix,
                hint, retriable);
    }

    private TacitException unreachable(String what, IOException e, boolean retriable) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return TacitException.catalog("cannot reach OpenMetadata at " + base + " for " + what + ": " + reason,
                "check serverUrl, the network and that the server is up (timeout " + settings.timeout() + ")", retriable, e);
    }

    private Duration backoff(int attempt) {
        long baseMillis = settings.retryBaseDelay().toMillis();
        long ceiling = Math.min(ClientSettings.MAX_BACKOFF.toMillis(), baseMillis * (1L << Math.min(attempt, 20)));
        // "equal jitter": half fixed, half random, so retries of parallel requests spread out
        long half = ceiling / 2;
        long jitter = half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0;
        return Duration.ofMillis(half + jitter);
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(clamp(Duration.ofSeconds(Math.max(0, seconds))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(clamp(until.isNegative() ? Duration.ZERO : until));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Duration clamp(Duration duration) {
        if (duration.compareTo(ClientSettings.MAX_BACKOFF) > 0) {
            return ClientSettings.MAX_BACKOFF;
        }
        return duration;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TacitException.catalog("interrupted while waiting to retry an OpenMetadata request", null, true, e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "OpenMetadataClient[" + base + "]";
    }

    private record Outcome(int status, JsonNode body, String text, Optional<Duration> retryAfter) {
    }

    /** A request path below {@code /api/}, as unencoded segments (an FQN is one segment). */
    public record Path(List<String> segments) {
        public Path {
            segments = List.copyOf(requireNonNull(segments, "segments is null"));
        }

        public static Path of(String... segments) {
            return new Path(List.of(segments));
        }

        @Override
        public String toString() {
            return "/" + String.join("/", segments);
        }
    }
}
