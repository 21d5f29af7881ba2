package io.tacit.openmetadata.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.openmetadata.Fqn;
import io.tacit.openmetadata.ServerVersion;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A stateful OpenMetadata on MockWebServer for tests: services, databases, schemas, tables (columns, tags,
 * constraints, extension), daily join counts, lineage edges, classifications and tags, custom property
 * definitions, ingestion pipelines and their statuses, table profiles. PATCH applies JSON Patch. Lists are
 * paginated with an {@code after} cursor.
 *
 * <p>Every request body is validated against the JSON Schemas of the openmetadata-spec jar, and the result
 * of every table PATCH against {@code entity/data/table.json}. A body the real server would refuse gets a 400
 * here and is recorded in {@link #violations()}, which tests assert to be empty.
 */
public final class FakeOpenMetadata implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TABLE_FIELDS = Set.of("tableConstraints", "tablePartition", "usageSummary", "owner",
            "customMetrics", "columns", "tags", "followers", "joins", "schemaDefinition", "dataModel", "extension",
            "testSuite", "domain", "dataProducts", "lifeCycle", "sourceHash");

    private final MockWebServer server = new MockWebServer();
    private final String token;
    private volatile String version;
    private final Object lock = new Object();

    private final Map<String, ObjectNode> services = new LinkedHashMap<>();
    private final Map<String, ObjectNode> databases = new LinkedHashMap<>();
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tables = new LinkedHashMap<>();
    private final Map<String, String> tableIdByFqn = new LinkedHashMap<>();
    private final Map<String, TreeMap<String, Integer>> joins = new TreeMap<>();
    private final Map<String, Set<String>> joinsByColumn = new java.util.HashMap<>();
    private final Map<String, ObjectNode> lineage = new LinkedHashMap<>();
    private final Map<String, ObjectNode> classifications = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tags = new LinkedHashMap<>();
    private final Map<String, ObjectNode> types = new LinkedHashMap<>();
    private final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> pipelineStatuses = new LinkedHashMap<>();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final Map<String, String> runLogs = new LinkedHashMap<>();
    private volatile boolean logsAccepted;

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Accepted sockets without Nagle, so loopback timings are not 40 ms delayed-ACK artefacts. */
    private static final class NoDelayServerSocket extends java.net.ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        NoDelayServerSocket(int port) throws IOException {
            super(port);
        }

        NoDelayServerSocket(int port, int backlog) throws IOException {
            super(port, backlog);
        }

        NoDelayServerSocket(int port, int backlog, java.net.InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public java.net.Socket accept() throws IOException {
            java.net.Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    private record Fault(Predicate<RecordedRequest> matches, int status, Headers headers, int[] remaining) {
    }

    public FakeOpenMetadata(String version, String token) {
        this.version = version;
        this.token = token;
        for (String name : List.of("string", "markdown", "integer", "number", "timestamp", "email", "enum")) {
            ObjectNode type = MAPPER.createObjectNode();
            type.put("id", UUID.randomUUID().toString());
            type.put("name", name);
            type.put("fullyQualifiedName", name);
            type.put("category", "field");
            types.put(name, type);
        }
        ObjectNode table = MAPPER.createObjectNode();
        table.put("id", UUID.randomUUID().toString());
        table.put("name", "table");
        table.put("fullyQualifiedName", "table");
        table.put("category", "entity");
        table.putArray("customProperties");
        types.put("table", table);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new NoDelayServerSocket();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                return new NoDelayServerSocket(port);
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return new NoDelayServerSocket(port, backlog);
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                    throws IOException {
                return new NoDelayServerSocket(port, backlog, address);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return server.url("/").toString();
    }

    public void version(String value) {
        this.version = value;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Successful writes so far, as {@code METHOD /path}. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    public void clearWrites() {
        writes.clear();
    }

    /** The next {@code times} requests matching get {@code status} instead of being handled. */
    public void fail(Predicate<RecordedRequest> matches, int status, int times, Headers headers) {
        faults.add(new Fault(matches, status, headers, new int[] {times}));
    }

    public static Predicate<RecordedRequest> path(String method, String prefix) {
        return request -> request.getMethod().equals(method) && request.getUrl().encodedPath().startsWith(prefix);
    }

    // ---------------------------------------------------------------- seeding, and what a person does in the UI

    public ObjectNode addService(String name) {
        synchronized (lock) {
            ObjectNode service = entity(name, Fqn.quote(name));
            service.put("serviceType", "Postgres");
            services.put(name, service);
            return service;
        }
    }

    public ObjectNode addDatabase(String service, String name) {
        synchronized (lock) {
            ObjectNode database = entity(name, Fqn.quote(service) + "." + Fqn.quote(name));
            database.set("service", reference(services.get(service), "databaseService"));
            databases.put(database.path("fullyQualifiedName").asText(), database);
            return database;
        }
    }

    public ObjectNode addSchema(String databaseFqn, String name) {
        synchronized (lock) {
            ObjectNode schema = entity(name, databaseFqn + "." + Fqn.quote(name));
            schema.set("database", reference(databases.get(databaseFqn), "database"));
            schemas.put(schema.path("fullyQualifiedName").asText(), schema);
            return schema;
        }
    }

    /** @param columns "name:DATATYPE" or "name:DATATYPE:PRIMARY_KEY" */
    public ObjectNode addTable(String schemaFqn, String name, String... columns) {
        synchronized (lock) {
            String fqn = schemaFqn + "." + Fqn.quote(name);
            ObjectNode table = entity(name, fqn);
            table.put("tableType", "Regular");
            table.put("version", 0.1);
            ArrayNode columnArray = table.putArray("columns");
            int position = 0;
            for (String column : columns) {
                String[] parts = column.split(":");
                ObjectNode node = columnArray.addObject();
                node.put("name", parts[0]);
                node.put("dataType", parts[1]);
                node.put("dataTypeDisplay", parts[1].toLowerCase(java.util.Locale.ROOT));
                node.put("fullyQualifiedName", fqn + "." + Fqn.quote(parts[0]));
                node.put("ordinalPosition", ++position);
                node.putArray("tags");
                if (parts.length > 2) {
                    node.put("constraint", parts[2]);
                }
            }
            table.set("databaseSchema", reference(schemas.get(schemaFqn), "databaseSchema"));
            tables.put(table.path("id").asText(), table);
            tableIdByFqn.put(fqn, table.path("id").asText());
            return table;
        }
    }

    public ObjectNode table(String fqn) {
        synchronized (lock) {
            return tables.get(tableIdByFqn.get(fqn)).deepCopy();
        }
    }

    public String tableId(String fqn) {
        return tableIdByFqn.get(fqn);
    }

    /** What a person or another connector does: add a constraint to a table (stored as the server stores it). */
    public void addConstraint(String tableFqn, String type, List<String> columns, List<String> referred) {
        synchronized (lock) {
            ObjectNode table = tables.get(tableIdByFqn.get(tableFqn));
            ArrayNode constraints = table.has("tableConstraints") ? (ArrayNode) table.get("tableConstraints")
                    : table.putArray("tableConstraints");
            ObjectNode constraint = constraints.addObject();
            constraint.put("constraintType", type);
            columns.forEach(constraint.putArray("columns")::add);
            if (referred != null) {
                referred.forEach(constraint.putArray("referredColumns")::add);
            }
            storeAsTheServerDoes(table);
        }
    }

    /** Sets a custom property value directly (what an earlier tacit version left in a table's extension). */
    public void setExtension(String tableFqn, String property, String value) {
        synchronized (lock) {
            ObjectNode table = tables.get(tableIdByFqn.get(tableFqn));
            ObjectNode extension = table.has("extension") ? (ObjectNode) table.get("extension") : table.putObject("extension");
            extension.put(property, value);
        }
    }

    /** What the source's metadata ingestion does on each run: replace the constraint list. */
    public void resetConstraints(String tableFqn) {
        synchronized (lock) {
            tables.get(tableIdByFqn.get(tableFqn)).remove("tableConstraints");
        }
    }

    public void addColumnTag(String tableFqn, String column, String tagFqn, String labelType) {
        synchronized (lock) {
            ObjectNode label = MAPPER.createObjectNode();
            label.put("tagFQN", tagFqn);
            label.put("source", "Classification");
            label.put("labelType", labelType);
            label.put("state", "Confirmed");
            ((ArrayNode) column(tableFqn, column).get("tags")).add(label);
            sortTags(column(tableFqn, column));
        }
    }

    /**
     * What the source's metadata ingestion does when it treats a column as deleted and re-added (a changed type,
     * say): the new column keeps no tags, because the carry-forward copies tags only when the old column had
     * none (shared/reference/openmetadata.md, "Corrections"). Nobody rejected anything.
     */
    public void recreateColumn(String tableFqn, String column) {
        synchronized (lock) {
            column(tableFqn, column).putArray("tags");
        }
    }

    public void removeColumnTag(String tableFqn, String column, String tagFqn) {
        synchronized (lock) {
            Iterator<JsonNode> iterator = column(tableFqn, column).get("tags").iterator();
            while (iterator.hasNext()) {
                if (iterator.next().path("tagFQN").asText().equals(tagFqn)) {
                    iterator.remove();
                }
            }
        }
    }

    public List<String> columnTags(String tableFqn, String column) {
        synchronized (lock) {
            List<String> result = new ArrayList<>();
            column(tableFqn, column).get("tags").forEach(tag -> result.add(tag.path("tagFQN").asText() + "/"
                    + tag.path("labelType").asText()));
            return result;
        }
    }

    private ObjectNode column(String tableFqn, String column) {
        for (JsonNode node : tables.get(tableIdByFqn.get(tableFqn)).get("columns")) {
            if (node.path("name").asText().equals(column)) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + tableFqn);
    }

    /** Join counts stored for a column pair, date to count. */
    public Map<String, Integer> joinCounts(String columnFqn, String otherColumnFqn) {
        synchronized (lock) {
            return Map.copyOf(joins.getOrDefault(pair(columnFqn, otherColumnFqn), new TreeMap<>()));
        }
    }

    /** What the usage workflow does: set a day's join count for a column pair. */
    public void setJoinCount(String columnFqn, String otherColumnFqn, LocalDate date, int count) {
        synchronized (lock) {
            joinCount(columnFqn, otherColumnFqn).put(date.toString(), count);
        }
    }

    public Optional<ObjectNode> lineage(String fromTableFqn, String toTableFqn) {
        synchronized (lock) {
            return Optional.ofNullable(lineage.get(tableIdByFqn.get(fromTableFqn) + ">" + tableIdByFqn.get(toTableFqn)))
                    .map(ObjectNode::deepCopy);
        }
    }

    public void putLineage(String fromTableFqn, String toTableFqn, ObjectNode details) {
        synchronized (lock) {
            lineage.put(tableIdByFqn.get(fromTableFqn) + ">" + tableIdByFqn.get(toTableFqn), details);
        }
    }

    public void deleteLineage(String fromTableFqn, String toTableFqn) {
        synchronized (lock) {
            lineage.remove(tableIdByFqn.get(fromTableFqn) + ">" + tableIdByFqn.get(toTableFqn));
        }
    }

    public int lineageCount() {
        synchronized (lock) {
            return lineage.size();
        }
    }

    public void setProfile(String tableFqn, ObjectNode tableProfile, Map<String, ObjectNode> columnProfiles) {
        synchronized (lock) {
            ObjectNode profile = MAPPER.createObjectNode();
            profile.set("table", tableProfile);
            ObjectNode columns = profile.putObject("columns");
            columnProfiles.forEach(columns::set);
            profiles.put(tableFqn, profile);
        }
    }

    public Map<String, ObjectNode> pipelineStatuses(String pipelineFqn) {
        synchronized (lock) {
            return Map.copyOf(pipelineStatuses.getOrDefault(pipelineFqn, Map.of()));
        }
    }

    public Set<String> pipelines() {
        synchronized (lock) {
            return Set.copyOf(pipelines.keySet());
        }
    }

    public Set<String> tagFqns() {
        synchronized (lock) {
            return Set.copyOf(tags.keySet());
        }
    }

    public List<String> customProperties() {
        synchronized (lock) {
            List<String> names = new ArrayList<>();
            types.get("table").get("customProperties").forEach(property -> names.add(property.path("name").asText()));
            return names;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private MockResponse handle(RecordedRequest request) {
        for (Fault fault : faults) {
            synchronized (fault.remaining()) {
                if (fault.remaining()[0] > 0 && fault.matches().test(request)) {
                    fault.remaining()[0]--;
                    return new MockResponse.Builder().code(fault.status()).headers(fault.headers())
                            .body("{\"code\":" + fault.status() + ",\"message\":\"injected failure " + fault.status() + "\"}")
                            .build();
                }
            }
        }
        List<String> path = request.getUrl().pathSegments();
        if (path.size() < 2 || !path.get(0).equals("api") || !path.get(1).equals("v1")) {
            return error(404, "no such endpoint " + request.getUrl().encodedPath());
        }
        List<String> rest = path.subList(2, path.size());
        if (rest.equals(List.of("system", "version"))) {
            ObjectNode answer = MAPPER.createObjectNode();
            answer.put("version", version);
            answer.put("revision", "fake");
            answer.put("timestamp", 0L);
            return json(200, answer);
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + token)) {
            return error(401, "Not Authorized! Token verification failed");
        }
        try {
            synchronized (lock) {
                MockResponse response = route(request, rest);
                if (response.getCode() < 300 && !request.getMethod().equals("GET")) {
                    writes.add(request.getMethod() + " " + request.getUrl().encodedPath());
                }
                return response;
            }
        } catch (BadRequest e) {
            return error(e.status, e.getMessage());
        } catch (JsonPatch.PatchException e) {
            return error(400, e.getMessage());
        } catch (RuntimeException e) {
            violations.add("fake failed on " + request.getRequestLine() + ": " + e);
            return error(500, String.valueOf(e));
        }
    }

    private static final class BadRequest extends RuntimeException {
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private MockResponse route(RecordedRequest request, List<String> path) {
        String method = request.getMethod();
        String first = path.get(0);
        JsonNode body = body(request);
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : request.getUrl().queryParameterNames()) {
            query.put(name, request.getUrl().queryParameter(name));
        }
        switch (first) {
            case "services" -> {
                if (path.get(1).equals("databaseServices")) {
                    if (path.size() == 2) {
                        return json(200, page(new ArrayList<>(services.values()), query));
                    }
                    return found(services.get(path.get(3)), "databaseService", path.get(3));
                }
                if (path.get(1).equals("ingestionPipelines")) {
                    return pipelines(method, path, body, query);
                }
            }
            case "databases" -> {
                String service = query.get("service");
                List<JsonNode> matching = new ArrayList<>();
                databases.values().stream()
                        .filter(node -> Fqn.quote(node.path("service").path("name").asText()).equals(service))
                        .forEach(matching::add);
                return json(200, page(matching, query));
            }
            case "databaseSchemas" -> {
                if (path.size() == 3 && path.get(1).equals("name")) {
                    return found(schemas.get(path.get(2)), "databaseSchema", path.get(2));
                }
                List<JsonNode> matching = new ArrayList<>();
                String database = query.get("database");
                schemas.values().stream()
                        .filter(node -> Fqn.parent(node.path("fullyQualifiedName").asText()).equals(database))
                        .forEach(matching::add);
                return json(200, page(matching, query));
            }
            case "tables" -> {
                return tables(method, path, query, body);
            }
            case "lineage" -> {
                return lineage(method, path, query, body);
            }
            case "classifications" -> {
                if (method.equals("PUT")) {
                    check("PUT classification", body, "api/classification/createClassification.json");
                    ObjectNode classification = entity(body.path("name").asText(), body.path("name").asText());
                    classification.setAll((ObjectNode) body);
                    classifications.putIfAbsent(body.path("name").asText(), classification);
                    return json(200, classifications.get(body.path("name").asText()));
                }
                return found(classifications.get(path.get(2)), "classification", path.get(2));
            }
            case "tags" -> {
                if (method.equals("PUT")) {
                    check("PUT tag", body, "api/classification/createTag.json");
                    String classification = body.path("classification").asText();
                    if (!classifications.containsKey(classification)) {
                        throw new BadRequest(404, "classification instance for " + classification + " not found");
                    }
                    String fqn = classification + "." + body.path("name").asText();
                    ObjectNode tag = entity(body.path("name").asText(), fqn);
                    tag.put("description", body.path("description").asText());
                    tags.putIfAbsent(fqn, tag);
                    return json(200, tags.get(fqn));
                }
                return found(tags.get(path.get(2)), "tag", path.get(2));
            }
            case "metadata" -> {
                if (path.size() == 4 && path.get(2).equals("name")) {
                    return found(types.get(path.get(3)), "type", path.get(3));
                }
                if (method.equals("PUT") && path.size() == 3) {
                    check("PUT custom property", body, "type/customProperty.json");
                    ObjectNode type = types.values().stream().filter(node -> node.path("id").asText().equals(path.get(2)))
                            .findFirst().orElseThrow(() -> new BadRequest(404, "type instance for " + path.get(2) + " not found"));
                    String typeId = body.path("propertyType").path("id").asText();
                    ObjectNode propertyType = types.values().stream()
                            .filter(node -> node.path("id").asText().equals(typeId) && node.path("category").asText().equals("field"))
                            .findFirst().orElseThrow(() -> new BadRequest(404, "type instance for " + typeId + " not found"));
                    ArrayNode properties = (ArrayNode) type.get("customProperties");
                    for (JsonNode property : properties) {
                        if (property.path("name").asText().equals(body.path("name").asText())) {
                            return json(200, type);
                        }
                    }
                    ObjectNode property = ((ObjectNode) body).deepCopy();
                    ((ObjectNode) property.get("propertyType")).put("name", propertyType.path("name").asText());
                    properties.add(property);
                    return json(200, type);
                }
            }
            default -> {
            }
        }
        throw new BadRequest(404, "no such endpoint " + method + " " + request.getUrl().encodedPath());
    }

    private MockResponse tables(String method, List<String> path, Map<String, String> query, JsonNode body) {
        if (method.equals("GET") && path.size() == 1) {
            Set<String> fields = fields(query);
            String schema = query.get("databaseSchema");
            List<JsonNode> matching = new ArrayList<>();
            for (ObjectNode table : tables.values()) {
                if (Fqn.parent(table.path("fullyQualifiedName").asText()).equals(schema)) {
                    matching.add(table);
                }
            }
            ObjectNode page = page(matching, query);
            ArrayNode data = (ArrayNode) page.get("data");
            for (int i = 0; i < data.size(); i++) {
                data.set(i, view((ObjectNode) data.get(i), fields));
            }
            return json(200, page);
        }
        if (method.equals("GET") && path.size() == 3 && path.get(1).equals("name")) {
            String id = tableIdByFqn.get(path.get(2));
            return found(id == null ? null : view(tables.get(id), fields(query)), "table", path.get(2));
        }
        if (method.equals("GET") && path.size() == 2) {
            ObjectNode table = tables.get(path.get(1));
            return found(table == null ? null : view(table, fields(query)), "table", path.get(1));
        }
        if (method.equals("GET") && path.size() == 4 && path.get(2).equals("tableProfile") && path.get(3).equals("latest")) {
            String id = tableIdByFqn.get(path.get(1));
            if (id == null) {
                throw new BadRequest(404, "table instance for " + path.get(1) + " not found");
            }
            ObjectNode table = view(tables.get(id), Set.of("columns"));
            ObjectNode profile = profiles.get(path.get(1));
            if (profile != null) {
                table.set("profile", profile.get("table"));
                for (JsonNode column : table.get("columns")) {
                    JsonNode columnProfile = profile.get("columns").get(column.path("name").asText());
                    if (columnProfile != null) {
                        ((ObjectNode) column).set("profile", columnProfile);
                    }
                }
            }
            // no schema check on this answer: 1.4's min/max is a oneOf of number and integer, which a whole
            // number matches twice; the server does not validate what it returns either
            return json(200, table);
        }
        if (method.equals("PATCH")) {
            String id;
            if (path.size() == 3 && path.get(1).equals("name")) {
                if (!ServerVersion.parse(version).acceptsPatchByName()) {
                    throw new BadRequest(405, "HTTP 405 Method Not Allowed");
                }
                id = tableIdByFqn.get(path.get(2));
            } else {
                id = path.get(1);
            }
            ObjectNode table = tables.get(id);
            if (table == null) {
                throw new BadRequest(404, "table instance for " + path.get(path.size() - 1) + " not found");
            }
            return json(200, patchTable(table, body));
        }
        if (method.equals("PUT") && path.size() == 3 && path.get(2).equals("joins")) {
            ObjectNode table = tables.get(path.get(1));
            if (table == null) {
                throw new BadRequest(404, "table instance for " + path.get(1) + " not found");
            }
            check("PUT joins", body, "entity/data/table.json#/definitions/tableJoins");
            LocalDate date = LocalDate.parse(body.path("startDate").asText());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (date.isAfter(today) || date.isBefore(today.minusDays(29))) {
                throw new BadRequest(400, "Date range can only include past 30 days starting today");
            }
            for (JsonNode join : body.path("columnJoins")) {
                String column = join.path("columnName").asText();
                String columnFqn = null;
                for (JsonNode node : table.get("columns")) {
                    if (node.path("name").asText().equals(column)) {
                        columnFqn = node.path("fullyQualifiedName").asText();
                    }
                }
                if (columnFqn == null) {
                    throw new BadRequest(400, "Invalid column name " + column);
                }
                for (JsonNode with : join.path("joinedWith")) {
                    String other = with.path("fullyQualifiedName").asText();
                    if (!columnExists(other)) {
                        throw new BadRequest(400, "Invalid column name " + other);
                    }
                    joinCount(columnFqn, other).put(date.toString(), with.path("joinCount").asInt());
                }
            }
            return json(200, view(table, Set.of("joins", "columns")));
        }
        throw new BadRequest(404, "no such endpoint " + method + " /v1/tables/" + String.join("/", path.subList(1, path.size())));
    }

    private ObjectNode patchTable(ObjectNode table, JsonNode patch) {
        for (JsonNode operation : patch) {
            if (!operation.isObject() || !Set.of("add", "remove", "replace", "move", "copy", "test").contains(operation.path("op").asText())) {
                throw violation("PATCH table: not a JSON Patch operation: " + operation);
            }
        }
        ObjectNode before = table.deepCopy();
        ObjectNode after = (ObjectNode) JsonPatch.apply(before, patch);
        storeAsTheServerDoes(after);
        ObjectNode validated = after.deepCopy();
        boolean newer = ServerVersion.parse(version).acceptsConstraintRelationshipType();
        if (validated.has("tableConstraints")) {
            for (JsonNode constraint : validated.get("tableConstraints")) {
                if (newer && constraint.has("relationshipType")) {
                    String type = ((ObjectNode) constraint).remove("relationshipType").asText();
                    if (!Set.of("ONE_TO_ONE", "ONE_TO_MANY", "MANY_TO_ONE", "MANY_TO_MANY").contains(type)) {
                        throw violation("PATCH table: relationshipType " + type + " is not a known value");
                    }
                }
            }
        }
        check("PATCH table (result)", validated, "entity/data/table.json");
        // what the server checks beyond the schema
        Set<String> columnNames = new HashSet<>();
        after.get("columns").forEach(column -> columnNames.add(column.path("name").asText()));
        Set<String> seen = new HashSet<>();
        for (JsonNode constraint : after.path("tableConstraints")) {
            for (JsonNode column : constraint.path("columns")) {
                if (!columnNames.contains(column.asText())) {
                    throw new BadRequest(400, "Invalid column name found in table constraint");
                }
            }
            if (newer && !seen.add(constraint.toString())) {
                // newer servers refuse a list holding two equal constraints, for the whole PATCH
                // (shared/reference/openmetadata.md, "Corrections": 400 "Duplicate constraint found in request")
                throw new BadRequest(400, "Duplicate constraint found in request: " + constraint);
            }
            if (newer) {
                for (JsonNode referred : constraint.path("referredColumns")) {
                    if (!columnExists(referred.asText())) {
                        throw new BadRequest(400, "Referred column " + referred.asText() + " not found");
                    }
                }
            }
        }
        for (JsonNode column : after.get("columns")) {
            Set<String> labels = new HashSet<>();
            for (JsonNode tag : column.path("tags")) {
                String tagFqn = tag.path("tagFQN").asText();
                if (!tags.containsKey(tagFqn)) {
                    throw new BadRequest(404, "tag instance for " + tagFqn + " not found");
                }
                if (!labels.add(tagFqn)) {
                    throw violation("PATCH table: tag " + tagFqn + " applied twice to column " + column.path("name").asText());
                }
            }
        }
        JsonNode extension = after.get("extension");
        if (extension != null) {
            Map<String, String> defined = new LinkedHashMap<>();
            types.get("table").get("customProperties").forEach(property -> defined.put(property.path("name").asText(),
                    property.path("propertyType").path("name").asText()));
            Iterator<Map.Entry<String, JsonNode>> fields = extension.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String type = defined.get(field.getKey());
                if (type == null) {
                    throw new BadRequest(400, "Unknown custom field " + field.getKey());
                }
                if ((type.equals("string") || type.equals("markdown")) && !field.getValue().isTextual()) {
                    throw new BadRequest(400, "Custom field " + field.getKey() + " has invalid JSON " + field.getValue());
                }
            }
        }
        if (!after.equals(table)) {
            after.put("version", Math.round((table.path("version").asDouble() + 0.1) * 10) / 10.0);
            table.removeAll();
            table.setAll(after);
        }
        return table.deepCopy();
    }

    /**
     * What {@code TableRepository} does to a table on every write, beyond the patch itself
     * (shared/reference/openmetadata.md, "Corrections from reading the server source"):
     * <ul>
     *   <li>the constraint list is sorted, and {@code Collections.sort} runs on each constraint's {@code columns}
     *       while {@code referredColumns} stay as sent, so a composite key whose local columns are not in
     *       alphabetical order is stored with another pairing. The reference does not say what the list is sorted
     *       by; the fake sorts by constraintType in the enum's declaration order (stable), an assumption;</li>
     *   <li>column tags come back sorted by tag FQN, so indexes of tags shift when someone adds one.</li>
     * </ul>
     */
    private static void storeAsTheServerDoes(ObjectNode table) {
        JsonNode constraints = table.get("tableConstraints");
        if (constraints != null && constraints.isArray()) {
            List<String> typeOrder = List.of("UNIQUE", "PRIMARY_KEY", "FOREIGN_KEY", "SORT_KEY", "DIST_KEY");
            List<JsonNode> sorted = new ArrayList<>();
            constraints.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparingInt(constraint -> typeOrder.indexOf(constraint.path("constraintType").asText())));
            ArrayNode list = MAPPER.createArrayNode();
            for (JsonNode constraint : sorted) {
                ObjectNode copy = ((ObjectNode) constraint).deepCopy();
                if (copy.get("columns") instanceof ArrayNode columns) {
                    List<String> names = new ArrayList<>();
                    columns.forEach(column -> names.add(column.asText()));
                    Collections.sort(names);
                    ArrayNode sortedColumns = copy.putArray("columns");
                    names.forEach(sortedColumns::add);
                }
                list.add(copy);
            }
            table.set("tableConstraints", list);
        }
        for (JsonNode column : table.path("columns")) {
            sortTags((ObjectNode) column);
        }
    }

    private static void sortTags(ObjectNode column) {
        if (!(column.get("tags") instanceof ArrayNode tags)) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        tags.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(tag -> tag.path("tagFQN").asText()));
        tags.removeAll();
        sorted.forEach(tags::add);
    }

    private MockResponse lineage(String method, List<String> path, Map<String, String> query, JsonNode body) {
        if (method.equals("PUT") && path.size() == 1) {
            check("PUT lineage", body, "api/lineage/addLineage.json");
            JsonNode edge = body.path("edge");
            String from = edge.path("fromEntity").path("id").asText();
            String to = edge.path("toEntity").path("id").asText();
            if (!tables.containsKey(from) || !tables.containsKey(to)) {
                throw new BadRequest(404, "table instance for " + (tables.containsKey(from) ? to : from) + " not found");
            }
            JsonNode details = edge.path("lineageDetails");
            for (JsonNode column : details.path("columnsLineage")) {
                for (JsonNode fromColumn : column.path("fromColumns")) {
                    if (!columnExists(fromColumn.asText())) {
                        throw new BadRequest(400, "Invalid column " + fromColumn.asText());
                    }
                }
                if (!columnExists(column.path("toColumn").asText())) {
                    throw new BadRequest(400, "Invalid column " + column.path("toColumn").asText());
                }
            }
            lineage.put(from + ">" + to, details.isObject() ? ((ObjectNode) details).deepCopy() : MAPPER.createObjectNode());
            return new MockResponse.Builder().code(200).build();
        }
        if (method.equals("GET") && path.size() == 4 && path.get(1).equals("table") && path.get(2).equals("name")) {
            String id = tableIdByFqn.get(path.get(3));
            if (id == null) {
                throw new BadRequest(404, "table instance for " + path.get(3) + " not found");
            }
            int up = Integer.parseInt(query.getOrDefault("upstreamDepth", "1"));
            int down = Integer.parseInt(query.getOrDefault("downstreamDepth", "1"));
            ObjectNode answer = MAPPER.createObjectNode();
            answer.set("entity", reference(tables.get(id), "table"));
            ArrayNode nodes = answer.putArray("nodes");
            ArrayNode upstream = answer.putArray("upstreamEdges");
            ArrayNode downstream = answer.putArray("downstreamEdges");
            for (Map.Entry<String, ObjectNode> entry : lineage.entrySet()) {
                String[] ends = entry.getKey().split(">");
                ArrayNode target = ends[1].equals(id) && up > 0 ? upstream : ends[0].equals(id) && down > 0 ? downstream : null;
                if (target != null) {
                    ObjectNode edge = target.addObject();
                    edge.put("fromEntity", ends[0]);
                    edge.put("toEntity", ends[1]);
                    edge.set("lineageDetails", entry.getValue());
                    nodes.add(reference(tables.get(ends[0].equals(id) ? ends[1] : ends[0]), "table"));
                }
            }
            return json(200, answer);
        }
        if (method.equals("DELETE") && path.size() == 5) {
            if (lineage.remove(path.get(2) + ">" + path.get(4)) == null) {
                throw new BadRequest(404, "Lineage edge not found");
            }
            return new MockResponse.Builder().code(200).build();
        }
        throw new BadRequest(404, "no such lineage endpoint");
    }

    private MockResponse pipelines(String method, List<String> path, JsonNode body, Map<String, String> query) {
        if (method.equals("PUT") && path.size() == 2) {
            check("PUT ingestion pipeline", body, "api/services/ingestionPipelines/createIngestionPipeline.json");
            String serviceId = body.path("service").path("id").asText();
            ObjectNode service = services.values().stream().filter(node -> node.path("id").asText().equals(serviceId))
                    .findFirst().orElseThrow(() -> new BadRequest(404, "databaseService instance for " + serviceId + " not found"));
            String fqn = service.path("fullyQualifiedName").asText() + "." + Fqn.quote(body.path("name").asText());
            ObjectNode pipeline = entity(body.path("name").asText(), fqn);
            pipeline.setAll(((ObjectNode) body).deepCopy());
            pipeline.put("fullyQualifiedName", fqn);
            pipeline.set("service", reference(service, "databaseService"));
            pipelines.putIfAbsent(fqn, pipeline);
            return json(200, pipelines.get(fqn));
        }
        if (method.equals("GET") && path.size() == 2) {
            // list: ?service=<service FQN>&pipelineType=...
            List<JsonNode> matching = new ArrayList<>();
            for (ObjectNode pipeline : pipelines.values()) {
                if (query.containsKey("service")
                        && !pipeline.path("service").path("fullyQualifiedName").asText().equals(query.get("service"))) {
                    continue;
                }
                if (query.containsKey("pipelineType") && !pipeline.path("pipelineType").asText().equals(query.get("pipelineType"))) {
                    continue;
                }
                matching.add(pipelineView(pipeline, query));
            }
            return json(200, page(matching, query));
        }
        if (method.equals("GET") && path.size() == 4 && path.get(2).equals("name")) {
            ObjectNode pipeline = pipelines.get(path.get(3));
            return found(pipeline == null ? null : pipelineView(pipeline, query), "ingestionPipeline", path.get(3));
        }
        if (method.equals("GET") && path.size() == 4 && path.get(3).equals("pipelineStatus")) {
            if (!query.containsKey("startTs") || !query.containsKey("endTs")) {
                throw new BadRequest(400, "query param startTs and endTs are required");
            }
            long start = Long.parseLong(query.get("startTs"));
            long end = Long.parseLong(query.get("endTs"));
            ObjectNode answer = MAPPER.createObjectNode();
            ArrayNode data = answer.putArray("data");
            pipelineStatuses.getOrDefault(path.get(2), Map.of()).values().stream()
                    .filter(status -> status.path("timestamp").asLong() >= start && status.path("timestamp").asLong() <= end)
                    .forEach(data::add);
            answer.putObject("paging").put("total", data.size());
            return json(200, answer);
        }
        if (method.equals("POST") && path.size() == 5 && path.get(2).equals("logs")) {
            if (!logsAccepted) {
                throw new BadRequest(404, "HTTP 404 Not Found");
            }
            if (!body.isTextual()) {
                throw violation("POST logs: body is not the log text");
            }
            runLogs.merge(path.get(3) + "/" + path.get(4), body.asText(), String::concat);
            return json(200, MAPPER.createObjectNode());
        }
        if (method.equals("PUT") && path.size() == 4 && path.get(3).equals("pipelineStatus")) {
            if (!pipelines.containsKey(path.get(2))) {
                throw new BadRequest(404, "ingestionPipeline instance for " + path.get(2) + " not found");
            }
            check("PUT pipeline status", body, "entity/services/ingestionPipelines/ingestionPipeline.json#/definitions/pipelineStatus");
            String runId = body.path("runId").asText();
            try {
                UUID.fromString(runId);
            } catch (IllegalArgumentException e) {
                throw violation("PUT pipeline status: runId " + runId + " is not a UUID");
            }
            pipelineStatuses.computeIfAbsent(path.get(2), key -> new LinkedHashMap<>()).put(runId, ((ObjectNode) body).deepCopy());
            return json(200, pipelines.get(path.get(2)));
        }
        throw new BadRequest(404, "no such ingestion pipeline endpoint");
    }

    /** 1.x returns the latest status as one object under pipelineStatuses; 2.0 a list of the last five. */
    private ObjectNode pipelineView(ObjectNode pipeline, Map<String, String> query) {
        ObjectNode view = pipeline.deepCopy();
        view.remove("pipelineStatuses");
        String fields = query.getOrDefault("fields", "");
        if (!fields.isEmpty() && !List.of(fields.split(",")).stream().allMatch(field -> Set.of("owner", "pipelineStatuses",
                "followers").contains(field.trim()))) {
            throw new BadRequest(400, "Invalid field name " + fields);
        }
        if (fields.contains("pipelineStatuses")) {
            List<ObjectNode> statuses = new ArrayList<>(pipelineStatuses.getOrDefault(
                    pipeline.path("fullyQualifiedName").asText(), Map.of()).values());
            statuses.sort(java.util.Comparator.comparingLong(status -> status.path("timestamp").asLong()));
            if (version.startsWith("2.")) {
                ArrayNode last = view.putArray("pipelineStatuses");
                statuses.subList(Math.max(0, statuses.size() - 5), statuses.size()).forEach(last::add);
            } else if (!statuses.isEmpty()) {
                view.set("pipelineStatuses", statuses.get(statuses.size() - 1));
            }
        }
        return view;
    }

    // ---------------------------------------------------------------- scheduling: what a person and the source do

    /** Whether POST .../logs/{fqn}/{runId} exists (newer servers); a 1.4 server answers 404. */
    public void acceptLogs(boolean accept) {
        logsAccepted = accept;
    }

    public Optional<String> runLog(String pipelineFqn, String runId) {
        synchronized (lock) {
            return Optional.ofNullable(runLogs.get(pipelineFqn + "/" + runId));
        }
    }

    public Optional<ObjectNode> pipeline(String fqn) {
        synchronized (lock) {
            return Optional.ofNullable(pipelines.get(fqn)).map(ObjectNode::deepCopy);
        }
    }

    /** A person edits the pipeline's schedule in the UI (the UI PUTs the whole pipeline with the new airflowConfig). */
    public void editSchedule(String pipelineFqn, String cron, String timezone) {
        synchronized (lock) {
            ObjectNode airflow = (ObjectNode) pipelines.get(pipelineFqn).path("airflowConfig");
            airflow.put("scheduleInterval", cron);
            airflow.put("pipelineTimezone", timezone);
        }
    }

    /** The database's own metadata ingestion pipeline, as the UI's "Add ingestion" creates it. */
    public String addMetadataPipeline(String serviceName, String name) {
        synchronized (lock) {
            ObjectNode service = services.get(serviceName);
            String fqn = service.path("fullyQualifiedName").asText() + "." + Fqn.quote(name);
            ObjectNode pipeline = entity(name, fqn);
            pipeline.put("pipelineType", "metadata");
            pipeline.putObject("sourceConfig").putObject("config").put("type", "DatabaseMetadata");
            pipeline.putObject("airflowConfig").put("scheduleInterval", "0 1 * * *");
            pipeline.set("service", reference(service, "databaseService"));
            pipelines.put(fqn, pipeline);
            return fqn;
        }
    }

    /** A run of a pipeline ends (as the ingestion framework reports it). */
    public void finishRun(String pipelineFqn, String runId, String state, long startMillis, long endMillis) {
        synchronized (lock) {
            ObjectNode status = MAPPER.createObjectNode();
            status.put("runId", runId);
            status.put("pipelineState", state);
            status.put("startDate", startMillis);
            status.put("timestamp", startMillis);
            status.put("endDate", endMillis);
            pipelineStatuses.computeIfAbsent(pipelineFqn, key -> new LinkedHashMap<>()).put(runId, status);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Set<String> fields(Map<String, String> query) {
        Set<String> fields = new HashSet<>();
        String value = query.get("fields");
        if (value != null && !value.isBlank()) {
            for (String field : value.split(",")) {
                if (!TABLE_FIELDS.contains(field.trim())) {
                    throw new BadRequest(400, "Invalid field name " + field);
                }
                fields.add(field.trim());
            }
        }
        return fields;
    }

    private ObjectNode view(ObjectNode table, Set<String> fields) {
        ObjectNode view = table.deepCopy();
        for (String optional : List.of("tableConstraints", "extension", "tags")) {
            if (!fields.contains(optional)) {
                view.remove(optional);
            }
        }
        if (!fields.contains("columns")) {
            view.remove("columns");
        } else if (!fields.contains("tags")) {
            view.get("columns").forEach(column -> ((ObjectNode) column).remove("tags"));
        }
        if (fields.contains("joins")) {
            view.set("joins", joinsOf(table));
        }
        return view;
    }

    private ObjectNode joinsOf(ObjectNode table) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ObjectNode result = MAPPER.createObjectNode();
        result.put("startDate", today.minusDays(30).toString());
        result.put("dayCount", 30);
        ArrayNode columnJoins = result.putArray("columnJoins");
        result.putArray("directTableJoins");
        for (JsonNode column : table.get("columns")) {
            String fqn = column.path("fullyQualifiedName").asText();
            ArrayNode with = MAPPER.createArrayNode();
            for (String key : joinsByColumn.getOrDefault(fqn, Set.of())) {
                Map.Entry<String, TreeMap<String, Integer>> entry = Map.entry(key, joins.get(key));
                String[] ends = entry.getKey().split("\n");
                String other = ends[0].equals(fqn) ? ends[1] : ends[1].equals(fqn) ? ends[0] : null;
                if (other == null) {
                    continue;
                }
                int sum = entry.getValue().entrySet().stream()
                        .filter(day -> !LocalDate.parse(day.getKey()).isBefore(today.minusDays(30)))
                        .mapToInt(Map.Entry::getValue).sum();
                ObjectNode joined = with.addObject();
                joined.put("fullyQualifiedName", other);
                joined.put("joinCount", sum);
            }
            if (!with.isEmpty()) {
                ObjectNode join = columnJoins.addObject();
                join.put("columnName", column.path("name").asText());
                join.set("joinedWith", with);
            }
        }
        return result;
    }

    private boolean columnExists(String columnFqn) {
        String tableId = tableIdByFqn.get(Fqn.parent(columnFqn));
        if (tableId == null) {
            return false;
        }
        for (JsonNode column : tables.get(tableId).get("columns")) {
            if (column.path("fullyQualifiedName").asText().equals(columnFqn)) {
                return true;
            }
        }
        return false;
    }

    private TreeMap<String, Integer> joinCount(String left, String right) {
        String key = pair(left, right);
        joinsByColumn.computeIfAbsent(left, column -> new java.util.TreeSet<>()).add(key);
        joinsByColumn.computeIfAbsent(right, column -> new java.util.TreeSet<>()).add(key);
        return joins.computeIfAbsent(key, pairKey -> new TreeMap<>());
    }

    private static String pair(String left, String right) {
        return left.compareTo(right) <= 0 ? left + "\n" + right : right + "\n" + left;
    }

    private ObjectNode page(List<? extends JsonNode> all, Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        if (limit < 0 || limit > 1_000_000) {
            throw new BadRequest(400, "limit must be between 0 and 1000000");
        }
        int start = 0;
        if (query.containsKey("after")) {
            start = Integer.parseInt(new String(java.util.Base64.getDecoder().decode(query.get("after"))));
        }
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = start; i < Math.min(all.size(), start + limit); i++) {
            data.add(all.get(i));
        }
        ObjectNode paging = answer.putObject("paging");
        paging.put("total", all.size());
        if (start + limit < all.size()) {
            paging.put("after", java.util.Base64.getEncoder().encodeToString(Integer.toString(start + limit).getBytes()));
        }
        if (start > 0) {
            paging.put("before", java.util.Base64.getEncoder().encodeToString(Integer.toString(Math.max(0, start - limit)).getBytes()));
        }
        return answer;
    }

    private JsonNode body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return MAPPER.nullNode();
        }
        String contentType = request.getHeaders().get("Content-Type");
        String expected = request.getMethod().equals("PATCH") ? "application/json-patch+json" : "application/json";
        if (contentType == null || !contentType.startsWith(expected)) {
            throw violation(request.getMethod() + " " + request.getUrl().encodedPath() + " sent Content-Type " + contentType
                    + ", the server expects " + expected);
        }
        try {
            return MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw violation("body of " + request.getRequestLine() + " is not JSON: " + e.getMessage());
        }
    }

    private void check(String what, JsonNode json, String schema) {
        List<String> problems = SpecSchemas.validate(json, schema);
        if (!problems.isEmpty()) {
            throw violation(what + " does not match " + schema + ": " + problems + " in " + json);
        }
    }

    private BadRequest violation(String message) {
        violations.add(message);
        return new BadRequest(400, message);
    }

    private static ObjectNode entity(String name, String fqn) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", UUID.randomUUID().toString());
        node.put("name", name);
        node.put("fullyQualifiedName", fqn);
        return node;
    }

    private static ObjectNode reference(ObjectNode entity, String type) {
        ObjectNode reference = MAPPER.createObjectNode();
        reference.put("id", entity.path("id").asText());
        reference.put("type", type);
        reference.put("name", entity.path("name").asText());
        reference.put("fullyQualifiedName", entity.path("fullyQualifiedName").asText());
        return reference;
    }

    private MockResponse found(JsonNode entity, String type, String name) {
        if (entity == null) {
            throw new BadRequest(404, type + " instance for " + name + " not found");
        }
        return json(200, entity);
    }

    private static MockResponse json(int status, JsonNode body) {
        return new MockResponse.Builder().code(status).headers(Headers.of("Content-Type", "application/json"))
                .body(body.toString()).build();
    }

    private static MockResponse error(int status, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("code", status);
        body.put("message", message);
        return json(status, body);
    }

    @Override
    public void close() {
        server.close();
    }

    static List<String> unmodifiable(List<String> list) {
        return Collections.unmodifiableList(list);
    }
}
