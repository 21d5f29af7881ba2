package io.tacit.datahub;

import com.datahub.util.RecordUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linkedin.common.GlobalTags;
import com.linkedin.common.Status;
import com.linkedin.common.urn.Urn;
import com.linkedin.data.DataMap;
import com.linkedin.data.codec.JacksonDataCodec;
import com.linkedin.data.schema.DataSchema;
import com.linkedin.data.schema.validation.CoercionMode;
import com.linkedin.data.schema.validation.RequiredMode;
import com.linkedin.data.schema.validation.UnrecognizedFieldMode;
import com.linkedin.data.schema.validation.ValidateDataAgainstSchema;
import com.linkedin.data.schema.validation.ValidationOptions;
import com.linkedin.data.schema.validation.ValidationResult;
import com.linkedin.data.template.DataTemplateUtil;
import com.linkedin.data.template.RecordTemplate;
import com.linkedin.dataset.DatasetProfile;
import com.linkedin.dataset.UpstreamLineage;
import com.linkedin.ermodelrelation.ERModelRelationshipProperties;
import com.linkedin.mxe.MetadataChangeProposal;
import com.linkedin.schema.EditableSchemaMetadata;
import com.linkedin.schema.SchemaMetadata;
import com.linkedin.tag.TagProperties;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake DataHub GMS for tests. It stores aspects, serves the read endpoints tacit uses and accepts
 * {@code POST /aspects?action=ingestProposal} only when the proposal would pass the real server's checks:
 * the MCP and its aspect validate against the pegasus schemas shipped in datahub-client, the aspect is known
 * for the entity type, PATCH proposals are applied with the server's template semantics (arrays keyed by
 * fieldPath / tag / dataset / column, REMOVE of a missing path fails) and the result validated,
 * {@code If-Version-Match} must equal the stored version. Every refusal is also kept in {@link #violations()}.
 */
final class FakeGms extends Dispatcher {
    static final String TOKEN = "good-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonDataCodec CODEC = new JacksonDataCodec();
    private static final Map<String, Class<? extends RecordTemplate>> ASPECTS = Map.ofEntries(
            Map.entry("schemaMetadata", SchemaMetadata.class),
            Map.entry("editableSchemaMetadata", EditableSchemaMetadata.class),
            Map.entry("upstreamLineage", UpstreamLineage.class),
            Map.entry("datasetProfile", DatasetProfile.class),
            Map.entry("erModelRelationshipProperties", ERModelRelationshipProperties.class),
            Map.entry("status", Status.class),
            Map.entry("globalTags", GlobalTags.class),
            Map.entry("tagProperties", TagProperties.class),
            Map.entry("dataHubIngestionSourceInfo", com.linkedin.ingestion.DataHubIngestionSourceInfo.class),
            Map.entry("dataHubExecutionRequestInput", com.linkedin.execution.ExecutionRequestInput.class),
            Map.entry("dataHubExecutionRequestResult", com.linkedin.execution.ExecutionRequestResult.class));
    /** Which aspects the 0.15 entity registry lists per entity type (the part tacit touches). */
    private static final Map<String, Set<String>> REGISTRY = Map.of(
            "dataset", Set.of("schemaMetadata", "editableSchemaMetadata", "upstreamLineage", "datasetProfile", "status", "globalTags"),
            "erModelRelationship", Set.of("erModelRelationshipProperties", "status", "globalTags"),
            "tag", Set.of("tagProperties", "status"),
            "dataHubIngestionSource", Set.of("dataHubIngestionSourceInfo"),
            "dataHubExecutionRequest", Set.of("dataHubExecutionRequestInput", "dataHubExecutionRequestResult"));

    /**
     * One stored aspect version.
     *
     * @param versionShown whether reads show {@code systemMetadata.version} (aspects from old servers lack it)
     */
    record Stored(DataMap value, int version, String runId, boolean versionShown) {
        Stored(DataMap value, int version, String runId) {
            this(value, version, runId, true);
        }
    }

    private final Map<String, Map<String, Stored>> entities = new TreeMap<>();
    private final List<DataMap> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Integer> injected = new ArrayDeque<>();
    private final Set<String> failing = new HashSet<>();
    private String serverVersion = "v0.15.0";
    /** {@code /config} {@code datahub.serverEnv}: "core", or "cloud" for DataHub Cloud, which numbers its versions apart. */
    private String serverEnv = "core";
    private boolean earlyOpenApi;
    private boolean asyncIngestDefault;
    private final List<String> invisibleFailures = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean holdWrites;
    private int slowReads;
    private long slowMillis;
    private int ingestCalls;

    /**
     * A started MockWebServer serving this fake. Accepted sockets get TCP_NODELAY: MockWebServer writes a
     * response's headers and body separately, and with Nagle's algorithm against the client's delayed ACK every
     * response would stall ~40 ms, which a real GMS (Jetty, one buffered write) does not do.
     */
    MockWebServer serve() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new NoDelayServerSocket();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                NoDelayServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(port));
                return socket;
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                NoDelayServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(port), backlog);
                return socket;
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address) throws IOException {
                NoDelayServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(address, port), backlog);
                return socket;
            }
        });
        server.setDispatcher(this);
        server.start();
        return server;
    }

    private static final class NoDelayServerSocket extends java.net.ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public java.net.Socket accept() throws IOException {
            java.net.Socket socket = new java.net.Socket();
            implAccept(socket);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    // ---- test controls -----------------------------------------------------------------------------------

    synchronized void put(String urn, String aspect, RecordTemplate value) {
        put(urn, aspect, value.data());
    }

    synchronized void put(String urn, String aspect, DataMap value) {
        Map<String, Stored> aspects = entities.computeIfAbsent(urn, key -> new TreeMap<>());
        Stored before = aspects.get(aspect);
        aspects.put(aspect, new Stored(copy(value), before == null ? 1 : before.version() + 1, "someone-else"));
    }

    synchronized <T extends RecordTemplate> java.util.Optional<T> get(String urn, String aspect, Class<T> type) {
        Stored stored = entities.getOrDefault(urn, Map.of()).get(aspect);
        if (stored == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(RecordUtils.toRecordTemplate(type, copy(stored.value())));
    }

    synchronized java.util.Optional<Stored> stored(String urn, String aspect) {
        return java.util.Optional.ofNullable(entities.getOrDefault(urn, Map.of()).get(aspect));
    }

    synchronized Set<String> urnsWithPrefix(String prefix) {
        Set<String> result = new java.util.TreeSet<>();
        for (String urn : entities.keySet()) {
            if (urn.startsWith(prefix)) {
                result.add(urn);
            }
        }
        return result;
    }

    /** The next ingest calls answer these statuses instead of being processed. */
    synchronized void failNextIngests(int... statuses) {
        for (int status : statuses) {
            injected.add(status);
        }
    }

    /** Every ingest for this entity URN answers 500. */
    synchronized void failAlways(String urn) {
        failing.add(urn);
    }

    /** The next {@code count} reads answer only after {@code millis} (to trip client timeouts). */
    synchronized void slowNextReads(int count, long millis) {
        slowReads = count;
        slowMillis = millis;
    }

    /** Each write waits 2 ms, so that concurrent requests overlap and a concurrency bound is observable. */
    void holdWrites() {
        holdWrites = true;
    }

    /** The most requests the fake ever served at the same time. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** A DataHub Core version; 0.13.x also gets the early OpenAPI v3 controller. */
    synchronized void serverVersion(String version) {
        this.serverVersion = version;
        this.serverEnv = "core";
        this.earlyOpenApi = version.startsWith("v0.13.");
    }

    /**
     * DataHub Cloud: {@code /config} says {@code serverEnv: cloud} and the version follows Cloud's own numbering
     * (the Python SDK gates features at Cloud 0.3.11 vs Core 1.0.1; shared/reference/datahub.md, "Corrections").
     */
    synchronized void cloud(String version) {
        this.serverVersion = version;
        this.serverEnv = "cloud";
        this.earlyOpenApi = false;
    }

    /**
     * The OpenAPI v3 controllers of 0.13 / early 0.14 (shared/reference/datahub.md, "Corrections"): they know only
     * {@code aspectNames} (every aspect comes back without it), not {@code aspects} nor {@code includeSoftDelete},
     * so soft-deleted entities are invisible to a scroll.
     */
    synchronized void earlyOpenApi(boolean early) {
        this.earlyOpenApi = early;
    }

    /**
     * GMS started with {@code ASYNC_INGEST_DEFAULT=true}: a proposal without {@code async=false} is queued, its
     * preconditions are checked later in the consumer, and a failure is invisible to the writer
     * (shared/reference/datahub.md 1.3/1.4 and "Corrections"). Such failures are kept in {@link #invisibleFailures()}.
     */
    synchronized void asyncIngestDefault(boolean async) {
        this.asyncIngestDefault = async;
    }

    List<String> invisibleFailures() {
        synchronized (invisibleFailures) {
            return List.copyOf(invisibleFailures);
        }
    }

    /** Stores an aspect whose systemMetadata carries no version (written before versions were stamped there). */
    synchronized void putWithoutVersion(String urn, String aspect, RecordTemplate value) {
        Map<String, Stored> aspects = entities.computeIfAbsent(urn, key -> new TreeMap<>());
        Stored before = aspects.get(aspect);
        aspects.put(aspect, new Stored(copy(value.data()), before == null ? 1 : before.version() + 1, "someone-else", false));
    }

    List<DataMap> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    synchronized int ingestCalls() {
        return ingestCalls;
    }

    synchronized void clearLog() {
        accepted.clear();
        ingestCalls = 0;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (holdWrites && request.getMethod().equals("POST")) {
                // hold writes a moment so that concurrent requests overlap and the bound is observable
                Thread.sleep(2);
            }
            return handle(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json(500, "{}");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private MockResponse handle(RecordedRequest request) {
        String target = request.getTarget();
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Map<String, List<String>> query = query(target);
        if (path.equals("/config")) {
            String version;
            String env;
            synchronized (this) {
                version = serverVersion;
                env = serverEnv;
            }
            return json(200, "{\"versions\":{\"acryldata/datahub\":{\"version\":\"" + version + "\",\"commit\":\"abc\"}},"
                    + "\"datahub\":{\"serverType\":\"prod\",\"serverEnv\":\"" + env + "\"},"
                    + "\"noCode\":\"true\",\"statefulIngestionCapable\":true,\"patchCapable\":true}");
        }
        String authorization = request.getHeaders().get("Authorization");
        if (!("Bearer " + TOKEN).equals(authorization)) {
            return json(401, "{\"message\":\"Unauthorized to perform this action.\",\"status\":401}");
        }
        try {
            if (request.getMethod().equals("POST") && path.equals("/aspects")
                    && query.getOrDefault("action", List.of()).contains("ingestProposal")) {
                return ingest(request.getBody() == null ? "" : request.getBody().utf8());
            }
            if (request.getMethod().equals("GET") && path.startsWith("/openapi/v3/entity/")) {
                long delay = 0;
                synchronized (this) {
                    if (slowReads > 0) {
                        slowReads--;
                        delay = slowMillis;
                    }
                }
                if (delay > 0) {
                    sleep(delay);
                }
                String[] parts = path.substring("/openapi/v3/entity/".length()).split("/");
                if (parts.length == 1) {
                    return scroll(parts[0], query);
                }
                if (parts.length == 2) {
                    return entity(URLDecoder.decode(parts[1], StandardCharsets.UTF_8), aspectsAsked(query));
                }
                if (parts.length == 3) {
                    return aspect(URLDecoder.decode(parts[1], StandardCharsets.UTF_8), parts[2]);
                }
            }
            return json(404, "{\"message\":\"no such endpoint " + path + "\"}");
        } catch (RuntimeException e) {
            violations.add("fake GMS crashed on " + target + ": " + e);
            return json(500, "{\"message\":\"" + e.toString().replace("\"", "'") + "\"}");
        }
    }

    /** The aspects a read asks for, as this server's controller understands the query; null: all of them. */
    private synchronized List<String> aspectsAsked(Map<String, List<String>> query) {
        if (earlyOpenApi) {
            return query.containsKey("aspectNames") ? query.get("aspectNames") : null;
        }
        return query.getOrDefault("aspects", List.of());
    }

    private synchronized MockResponse aspect(String urn, String aspect) {
        Stored stored = entities.getOrDefault(urn, Map.of()).get(aspect);
        if (stored == null) {
            return json(404, "{\"message\":\"not found\"}");
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("value", tree(stored.value()));
        ObjectNode systemMetadata = node.putObject("systemMetadata").put("runId", stored.runId());
        if (stored.versionShown()) {
            systemMetadata.put("version", String.valueOf(stored.version()));
        }
        return json(200, node.toString());
    }

    private static void putAspect(ObjectNode item, String aspect, Stored value) {
        ObjectNode aspectNode = item.putObject(aspect);
        aspectNode.set("value", tree(value.value()));
        ObjectNode systemMetadata = aspectNode.putObject("systemMetadata");
        if (value.versionShown()) {
            systemMetadata.put("version", String.valueOf(value.version()));
        }
    }

    private synchronized MockResponse entity(String urn, List<String> aspects) {
        Map<String, Stored> stored = entities.get(urn);
        if (stored == null) {
            return json(404, "{\"message\":\"not found\"}");
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("urn", urn);
        for (String aspect : aspects == null ? List.copyOf(stored.keySet()) : aspects) {
            Stored value = stored.get(aspect);
            if (value != null) {
                putAspect(item, aspect, value);
            }
        }
        return json(200, item.toString());
    }

    private synchronized MockResponse scroll(String entityPath, Map<String, List<String>> query) {
        String type = switch (entityPath.toLowerCase(java.util.Locale.ROOT)) {
            case "dataset" -> "dataset";
            case "ermodelrelationship" -> "erModelRelationship";
            case "tag" -> "tag";
            case "datahubingestionsource" -> "dataHubIngestionSource";
            case "datahubexecutionrequest" -> "dataHubExecutionRequest";
            default -> null;
        };
        if (type == null) {
            return json(404, "{\"message\":\"unknown entity " + entityPath + "\"}");
        }
        boolean includeRemoved = !earlyOpenApi && query.getOrDefault("includeSoftDelete", List.of()).contains("true");
        int count = Integer.parseInt(query.getOrDefault("count", List.of("10")).get(0));
        int offset = Integer.parseInt(query.getOrDefault("scrollId", List.of("0")).get(0));
        List<String> aspects = aspectsAsked(query);
        List<String> urns = new ArrayList<>();
        for (Map.Entry<String, Map<String, Stored>> entity : entities.entrySet()) {
            if (!entity.getKey().startsWith("urn:li:" + type + ":")) {
                continue;
            }
            Stored status = entity.getValue().get("status");
            if (!includeRemoved && status != null && Boolean.TRUE.equals(status.value().get("removed"))) {
                continue;
            }
            urns.add(entity.getKey());
        }
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode list = page.putArray("entities");
        for (int i = offset; i < Math.min(urns.size(), offset + count); i++) {
            ObjectNode item = list.addObject();
            item.put("urn", urns.get(i));
            Map<String, Stored> all = entities.get(urns.get(i));
            for (String aspect : aspects == null ? List.copyOf(all.keySet()) : aspects) {
                Stored stored = all.get(aspect);
                if (stored != null) {
                    putAspect(item, aspect, stored);
                }
            }
        }
        if (offset + count < urns.size()) {
            page.put("scrollId", String.valueOf(offset + count));
        }
        return json(200, page.toString());
    }

    /** Handles one ingestProposal body as POST /aspects?action=ingestProposal would. */
    MockResponse ingest(String body) {
        synchronized (this) {
            ingestCalls++;
            if (!injected.isEmpty()) {
                int status = injected.poll();
                return json(status, "{\"message\":\"injected failure " + status + "\",\"status\":" + status + "}");
            }
        }
        DataMap envelope = RecordUtils.toDataMap(body);
        DataMap proposalMap = envelope.getDataMap("proposal");
        if (proposalMap == null) {
            return reject(400, "body has no proposal");
        }
        String schemaProblem = validate(proposalMap, MetadataChangeProposal.class);
        if (schemaProblem != null) {
            return reject(400, "MetadataChangeProposal: " + schemaProblem);
        }
        MetadataChangeProposal proposal = new MetadataChangeProposal(proposalMap);
        // Rest.li action parameter "async" ("true"/"false"); absent: the server's ASYNC_INGEST_DEFAULT
        Object asyncParameter = envelope.get("async");
        boolean async;
        synchronized (this) {
            async = asyncParameter == null ? asyncIngestDefault : "true".equals(String.valueOf(asyncParameter));
        }
        String urn = proposal.getEntityUrn().toString();
        String type = proposal.getEntityType();
        String aspectName = proposal.getAspectName();
        synchronized (this) {
            if (failing.contains(urn)) {
                return json(500, "{\"message\":\"java.lang.RuntimeException: storage unavailable\",\"status\":500}");
            }
        }
        if (!urn.startsWith("urn:li:" + type + ":")) {
            return reject(400, "entity urn " + urn + " is not of type " + type);
        }
        if (!proposal.hasSystemMetadata() || !proposal.getSystemMetadata().hasRunId()
                || !proposal.getSystemMetadata().hasPipelineName()) {
            return reject(400, "tacit must stamp systemMetadata.runId and pipelineName (rollback needs them)");
        }
        if (!REGISTRY.getOrDefault(type, Set.of()).contains(aspectName)) {
            return reject(500, "Unknown aspect " + aspectName + " for entity " + type);
        }
        String value = proposal.getAspect().getValue().asString(StandardCharsets.UTF_8);
        synchronized (this) {
            Map<String, Stored> aspects = entities.computeIfAbsent(urn, key -> new TreeMap<>());
            Stored before = aspects.get(aspectName);
            DataMap result;
            switch (proposal.getChangeType()) {
                case UPSERT -> {
                    if (proposal.hasHeaders() && proposal.getHeaders().containsKey("If-Version-Match")) {
                        String expected = proposal.getHeaders().get("If-Version-Match");
                        // systemMetadata.version, else max(1, row version); "-1": must not exist
                        // (ConditionalWriteValidator, shared/reference/datahub.md "Corrections"). The latest row of an
                        // aspect is stored as version 0, so an aspect without a stamped version compares as "1"
                        String actual;
                        if (before == null) {
                            actual = "-1";
                        } else if (before.versionShown()) {
                            actual = String.valueOf(before.version());
                        } else {
                            actual = "1";
                        }
                        if (!expected.equals(actual)) {
                            String message = "Expected version " + expected + ", actual version " + actual;
                            if (async) {
                                invisibleFailures.add(urn + " " + aspectName + ": " + message);
                                return json(200, "{\"value\":\"" + urn.replace("\"", "") + "\"}");
                            }
                            return json(400, "{\"message\":\"com.linkedin.metadata.aspect.plugins.validation.AspectValidationException: "
                                    + message + "\",\"status\":400}");
                        }
                    }
                    result = RecordUtils.toDataMap(value);
                }
                case PATCH -> {
                    try {
                        result = patch(aspectName, before == null ? null : before.value(), JSON.readTree(value));
                    } catch (IllegalArgumentException | IOException e) {
                        return reject(400, "patch of " + aspectName + " on " + urn + " failed: " + e.getMessage());
                    }
                }
                default -> {
                    return reject(400, "change type " + proposal.getChangeType() + " not supported");
                }
            }
            String problem = validate(result, ASPECTS.get(aspectName));
            if (problem != null) {
                return reject(400, aspectName + " of " + urn + ": " + problem);
            }
            aspects.put(aspectName, new Stored(result, before == null ? 1 : before.version() + 1,
                    proposal.getSystemMetadata().getRunId()));
            accepted.add(proposalMap);
        }
        return json(200, "{\"value\":\"" + urn.replace("\"", "") + "\"}");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse reject(int status, String message) {
        violations.add(message);
        return json(status, JsonNodeFactory.instance.objectNode().put("message", message).put("status", status).toString());
    }

    /** Runs the pegasus validator the way GMS does; null when valid. URN typerefs are checked by reading every field. */
    static String validate(DataMap data, Class<? extends RecordTemplate> type) {
        DataSchema schema = DataTemplateUtil.getSchema(type);
        ValidationOptions options = new ValidationOptions(RequiredMode.CAN_BE_ABSENT_IF_HAS_DEFAULT, CoercionMode.NORMAL,
                UnrecognizedFieldMode.DISALLOW);
        ValidationResult result = ValidateDataAgainstSchema.validate(data, schema, options);
        if (!result.isValid()) {
            return result.getMessages().toString();
        }
        String urnProblem = badUrn(data);
        if (urnProblem != null) {
            return urnProblem;
        }
        return null;
    }

    /** Every string that looks like a URN must parse as one (the Urn typeref coercer does this on the server). */
    private static String badUrn(Object value) {
        if (value instanceof DataMap map) {
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                String problem = badUrn(entry.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof com.linkedin.data.DataList list) {
            for (Object item : list) {
                String problem = badUrn(item);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof String text && text.startsWith("urn:li:")) {
            try {
                Urn.createFromString(text);
            } catch (java.net.URISyntaxException e) {
                return "invalid urn " + text + ": " + e.getMessage();
            }
        }
        return null;
    }

    // ---- server-side patch templates ------------------------------------------------------------------------

    private static DataMap patch(String aspect, DataMap before, JsonNode operations) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException("patch is not a JSON array");
        }
        ObjectNode document = switch (aspect) {
            case "editableSchemaMetadata" -> editableToMap(before == null ? defaultEditable() : tree(before));
            case "upstreamLineage" -> lineageToMap(before == null ? defaultLineage() : tree(before));
            case "globalTags" -> tagsToMap(before == null ? (ObjectNode) JsonNodeFactory.instance.objectNode().set("tags",
                    JsonNodeFactory.instance.arrayNode()) : tree(before));
            default -> throw new IllegalArgumentException("no patch template for " + aspect);
        };
        for (JsonNode operation : operations) {
            apply(document, operation);
        }
        ObjectNode result = switch (aspect) {
            case "editableSchemaMetadata" -> editableFromMap(document);
            case "upstreamLineage" -> lineageFromMap(document);
            default -> tagsFromMap(document);
        };
        return RecordUtils.toDataMap(result.toString());
    }

    private static void apply(ObjectNode document, JsonNode operation) {
        String op = operation.path("op").asText();
        List<String> segments = new ArrayList<>();
        for (String raw : operation.path("path").asText().substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        ObjectNode parent = document;
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonNode child = parent.get(segments.get(i));
            if (child == null || !child.isObject()) {
                if (op.equals("remove")) {
                    throw new IllegalArgumentException("remove of missing path " + operation.path("path").asText());
                }
                child = parent.putObject(segments.get(i));
            }
            parent = (ObjectNode) child;
        }
        String last = segments.get(segments.size() - 1);
        switch (op) {
            case "add" -> parent.set(last, operation.get("value"));
            case "remove" -> {
                if (!parent.has(last)) {
                    throw new IllegalArgumentException("remove of missing path " + operation.path("path").asText());
                }
                parent.remove(last);
            }
            default -> throw new IllegalArgumentException("op " + op + " not supported");
        }
    }

    private static ObjectNode defaultEditable() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("editableSchemaFieldInfo");
        return node;
    }

    private static ObjectNode defaultLineage() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("upstreams");
        return node;
    }

    private static ObjectNode editableToMap(ObjectNode aspect) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (JsonNode info : aspect.path("editableSchemaFieldInfo")) {
            ObjectNode copy = info.deepCopy();
            if (copy.has("globalTags")) {
                copy.set("globalTags", tagsToMap((ObjectNode) copy.get("globalTags")));
            }
            fields.set(info.path("fieldPath").asText(), copy);
        }
        aspect.set("editableSchemaFieldInfo", fields);
        return aspect;
    }

    private static ObjectNode editableFromMap(ObjectNode document) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        Iterator<Map.Entry<String, JsonNode>> entries = document.path("editableSchemaFieldInfo").fields();
        while (entries.hasNext()) {
            ObjectNode info = ((ObjectNode) entries.next().getValue()).deepCopy();
            if (info.has("globalTags")) {
                info.set("globalTags", tagsFromMap((ObjectNode) info.get("globalTags")));
            }
            fields.add(info);
        }
        document.set("editableSchemaFieldInfo", fields);
        return document;
    }

    private static ObjectNode tagsToMap(ObjectNode globalTags) {
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        for (JsonNode tag : globalTags.path("tags")) {
            tags.set(tag.path("tag").asText(), tag);
        }
        ObjectNode copy = globalTags.deepCopy();
        copy.set("tags", tags);
        return copy;
    }

    private static ObjectNode tagsFromMap(ObjectNode globalTags) {
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        globalTags.path("tags").elements().forEachRemaining(tags::add);
        ObjectNode copy = globalTags.deepCopy();
        copy.set("tags", tags);
        return copy;
    }

    private static ObjectNode lineageToMap(ObjectNode aspect) {
        ObjectNode upstreams = JsonNodeFactory.instance.objectNode();
        for (JsonNode upstream : aspect.path("upstreams")) {
            upstreams.set(upstream.path("dataset").asText(), upstream);
        }
        ObjectNode fine = JsonNodeFactory.instance.objectNode();
        for (JsonNode entry : aspect.path("fineGrainedLineages")) {
            if (entry.path("downstreams").size() != 1) {
                throw new IllegalArgumentException("not supported on fine grained lineages with not exactly one downstream");
            }
            String operation = entry.path("transformOperation").asText("NONE");
            String downstream = entry.path("downstreams").get(0).asText();
            String query = entry.path("query").asText("NONE");
            ObjectNode group = fine.with(operation).with(downstream).with(query);
            for (JsonNode upstream : entry.path("upstreams")) {
                group.putObject(upstream.asText()).put("confidenceScore", entry.path("confidenceScore").asDouble(1.0));
            }
        }
        ObjectNode copy = aspect.deepCopy();
        copy.set("upstreams", upstreams);
        copy.set("fineGrainedLineages", fine);
        return copy;
    }

    private static ObjectNode lineageFromMap(ObjectNode document) {
        ObjectNode result = document.deepCopy();
        ArrayNode upstreams = JsonNodeFactory.instance.arrayNode();
        document.path("upstreams").elements().forEachRemaining(upstreams::add);
        result.set("upstreams", upstreams);
        ArrayNode fine = JsonNodeFactory.instance.arrayNode();
        document.path("fineGrainedLineages").fields().forEachRemaining(operation ->
                operation.getValue().fields().forEachRemaining(downstream ->
                        downstream.getValue().fields().forEachRemaining(query -> {
                            if (query.getValue().isEmpty()) {
                                return;
                            }
                            ObjectNode entry = fine.addObject();
                            entry.put("upstreamType", "FIELD_SET");
                            ArrayNode ups = entry.putArray("upstreams");
                            double min = 1.0;
                            Iterator<Map.Entry<String, JsonNode>> upstreamEntries = query.getValue().fields();
                            while (upstreamEntries.hasNext()) {
                                Map.Entry<String, JsonNode> upstream = upstreamEntries.next();
                                ups.add(upstream.getKey());
                                min = Math.min(min, upstream.getValue().path("confidenceScore").asDouble(1.0));
                            }
                            entry.put("downstreamType", "FIELD");
                            entry.putArray("downstreams").add(downstream.getKey());
                            entry.put("transformOperation", operation.getKey());
                            entry.put("confidenceScore", min);
                            if (!query.getKey().equals("NONE")) {
                                entry.put("query", query.getKey());
                            }
                        })));
        if (fine.isEmpty()) {
            result.remove("fineGrainedLineages");
        } else {
            result.set("fineGrainedLineages", fine);
        }
        return result;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static ObjectNode tree(DataMap data) {
        try {
            return (ObjectNode) JSON.readTree(CODEC.mapToString(data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataMap copy(DataMap data) {
        try {
            return data.copy();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> query(String target) {
        Map<String, List<String>> result = new TreeMap<>();
        int question = target.indexOf('?');
        if (question < 0) {
            return result;
        }
        for (String pair : target.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
