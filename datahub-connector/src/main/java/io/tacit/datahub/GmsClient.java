package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tacit.config.Secret;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads from DataHub GMS: the server version ({@code GET /config}) and aspects through the OpenAPI v3 entity
 * endpoints. Sends the token as {@code Authorization: Bearer}; never puts it in a message. Retries 429, 5xx
 * and timeouts with backoff and jitter; any other 4xx is final and its server message is shown.
 */
final class GmsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 200;

    private final URI server;
    private final Optional<Secret> token;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final HttpClient http;

    GmsClient(URI server, Optional<Secret> token, Duration timeout, RetryPolicy retry) {
        this.server = requireNonNull(server, "server is null");
        this.token = requireNonNull(token, "token is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** An aspect's JSON value (pegasus JSON) and its {@code systemMetadata.version}, when the server gave one. */
    record Aspect(String json, Optional<String> version) {
        Aspect {
            requireNonNull(json, "json is null");
            requireNonNull(version, "version is null");
        }
    }

    /** One entity of a scroll with the aspects asked for that it has. */
    record EntityAspects(String urn, Map<String, Aspect> aspects) {
        EntityAspects {
            requireNonNull(urn, "urn is null");
            aspects = Map.copyOf(aspects);
        }

        Optional<Aspect> aspect(String name) {
            return Optional.ofNullable(aspects.get(name));
        }
    }

    URI server() {
        return server;
    }

    ServerVersion version() {
        JsonNode config = getJson("/config").orElseThrow(() -> TacitException.catalog(
                "DataHub at " + server + " has no /config endpoint", "check that serverUrl points at GMS (port 8080) "
                        + "or at https://<host>/gms for DataHub Cloud", false, null));
        JsonNode version = config.path("versions").path("acryldata/datahub").path("version");
        JsonNode environment = config.path("datahub").path("serverEnv");
        if (version.isTextual()) {
            return ServerVersion.parse(version.asText(), environment.isTextual() ? environment.asText() : null);
        }
        if (!config.has("versions") && !config.has("noCode")) {
            throw TacitException.catalog("the server at " + server + " does not answer like DataHub GMS",
                    "check serverUrl: it must be GMS (e.g. http://datahub-gms:8080), not the frontend", false, null);
        }
        return ServerVersion.UNKNOWN;
    }

    /** Whether the OpenAPI v3 entity endpoints answer (a one-entity scroll of tags); 404 means they do not exist. */
    boolean hasOpenApiV3() {
        return getJson("/openapi/v3/entity/tag?count=1&query=*").isPresent();
    }

    /** {@code GET /openapi/v3/entity/{entity}/{urn}/{aspect}?systemMetadata=true}; empty when the aspect does not exist. */
    Optional<Aspect> aspect(String entity, String urn, String aspectName) {
        String path = "/openapi/v3/entity/" + entity + "/" + encode(urn) + "/" + aspectName + "?systemMetadata=true";
        return getJson(path).map(GmsClient::toAspect);
    }

    /**
     * {@code GET /openapi/v3/entity/{entity}/{urn}?aspects=..&systemMetadata=true}: several aspects of one entity
     * in one request; empty when the entity does not exist.
     */
    Optional<EntityAspects> entity(String entity, String urn, List<String> aspects) {
        StringBuilder path = new StringBuilder("/openapi/v3/entity/").append(entity).append('/').append(encode(urn))
                .append("?systemMetadata=true");
        appendAspects(path, aspects);
        return getJson(path.toString()).map(node -> entityAspects(node, aspects));
    }

    private static EntityAspects entityAspects(JsonNode entityNode, List<String> aspects) {
        Map<String, Aspect> found = new LinkedHashMap<>();
        for (String aspect : aspects) {
            JsonNode node = entityNode.get(aspect);
            if (node != null && !node.isNull()) {
                found.put(aspect, toAspect(node));
            }
        }
        return new EntityAspects(entityNode.path("urn").asText(), found);
    }

    /** Every entity of a type with the given aspects, page by page. */
    List<EntityAspects> scroll(String entity, List<String> aspects, boolean includeSoftDeleted) {
        List<EntityAspects> result = new ArrayList<>();
        String scrollId = null;
        do {
            StringBuilder path = new StringBuilder("/openapi/v3/entity/").append(entity)
                    .append("?count=").append(PAGE).append("&systemMetadata=true&query=*");
            appendAspects(path, aspects);
            if (includeSoftDeleted) {
                path.append("&includeSoftDelete=true");
            }
            if (scrollId != null) {
                path.append("&scrollId=").append(encode(scrollId));
            }
            Optional<JsonNode> page = getJson(path.toString());
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode entityNode : page.get().path("entities")) {
                result.add(entityAspects(entityNode, aspects));
            }
            JsonNode next = page.get().get("scrollId");
            scrollId = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
        } while (scrollId != null);
        return result;
    }

    /**
     * Each aspect under both names: early OpenAPI v3 controllers (0.13 / early 0.14) know only {@code aspectNames},
     * later ones {@code aspects} (shared/reference/datahub.md, "Corrections"); each ignores the other.
     */
    private static void appendAspects(StringBuilder path, List<String> aspects) {
        for (String aspect : aspects) {
            path.append("&aspects=").append(aspect).append("&aspectNames=").append(aspect);
        }
    }

    private static Aspect toAspect(JsonNode node) {
        JsonNode value = node.has("value") ? node.get("value") : node;
        JsonNode version = node.path("systemMetadata").path("version");
        Optional<String> versionText = version.isMissingNode() || version.isNull()
                ? Optional.empty()
                : Optional.of(version.asText());
        return new Aspect(value.toString(), versionText);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<JsonNode> getJson(String path) {
        HttpResponse<String> response = send(path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw TacitException.catalog("DataHub answered GET " + pathOnly(path) + " with something that is not JSON",
                    "check that serverUrl points at GMS", false, e);
        }
    }

    private HttpResponse<String> send(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret.reveal()));
        HttpRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2 || status == 404) {
                    return response;
                }
                if (RetryPolicy.retriableStatus(status) && attempt < retry.maxRetries()) {
                    retry.pause(attempt);
                    continue;
                }
                throw failure("GET " + pathOnly(path), status, response.body());
            } catch (HttpTimeoutException e) {
                if (attempt < retry.maxRetries()) {
                    retry.pause(attempt);
                    continue;
                }
                throw TacitException.catalog("DataHub at " + server + " did not answer within " + timeout.toSeconds() + "s",
                        "raise timeout, or check the server's health", true, e);
            } catch (IOException e) {
                if (attempt < retry.maxRetries()) {
                    retry.pause(attempt);
                    continue;
                }
                throw TacitException.catalog("cannot reach DataHub at " + server + ": " + e.getClass().getSimpleName(),
                        "check serverUrl and that GMS is running", true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TacitException.catalog("interrupted while reading from DataHub", null, true, e);
            }
        }
    }

    /** A refused request as a CATALOG error with a hint; 401 and 403 name the token as the fix. */
    TacitException failure(String what, int status, String body) {
        return failure(server, what, status, body);
    }

    static TacitException failure(URI server, String what, int status, String body) {
        String message = serverMessage(body);
        if (status == 401) {
            return TacitException.catalog("DataHub at " + server + " refused the token (HTTP 401 on " + what + ")",
                    "create a personal access token in DataHub (Settings > Access Tokens) and pass it as token: ${env:DATAHUB_TOKEN}",
                    false, null);
        }
        if (status == 403) {
            return TacitException.catalog("DataHub at " + server + " does not allow this token to " + what + " (HTTP 403)",
                    "use a token of a user with the Manage Metadata / Edit Entity privileges", false, null);
        }
        return TacitException.catalog("DataHub at " + server + " answered " + what + " with HTTP " + status
                + (message.isEmpty() ? "" : ": " + message), null, RetryPolicy.retriableStatus(status), null);
    }

    /** The {@code message} of a DataHub error body (Rest.li and OpenAPI both use that key), else the body, cut short. */
    static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body;
        try {
            JsonNode node = JSON.readTree(body);
            for (String key : List.of("message", "error", "exceptionClass")) {
                if (node.hasNonNull(key)) {
                    text = node.get(key).asText();
                    break;
                }
            }
        } catch (IOException e) {
            // not JSON: show the text itself
        }
        text = text.replaceAll("\\s+", " ").trim();
        if (text.length() > 300) {
            return text.substring(0, 300) + "...";
        }
        return text;
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end when unused
    }
}
