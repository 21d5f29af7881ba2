package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.error.TacitException;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmetadata.schema.entity.data.Table;

/** The catalog reads the source and the publisher share: service, databases, schemas, tables. */
final class CatalogReader {
    private final OpenMetadataClient client;

    CatalogReader(OpenMetadataClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /** The database service; a missing one is a configuration error naming the services that exist. */
    JsonNode service(String serviceName) {
        Optional<JsonNode> service = client.find(Path.of("v1", "services", "databaseServices", "name", Fqn.quote(serviceName)),
                Map.of());
        if (service.isPresent()) {
            return service.get();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode existing : client.list(Path.of("v1", "services", "databaseServices"), Map.of())) {
            names.add(existing.path("name").asText());
        }
        throw TacitException.config("OpenMetadata at " + client.baseUrl() + " has no database service '" + serviceName + "'",
                "set serviceName to one of " + (names.isEmpty() ? "(none: ingest the database into OpenMetadata first)" : names));
    }

    List<JsonNode> databases(String serviceName) {
        return client.list(Path.of("v1", "databases"), Map.of("service", Fqn.quote(serviceName)));
    }

    /** The FQN of the configured database, or of the service's only database when none is configured. */
    String databaseFqn(String serviceName, Optional<String> database) {
        List<JsonNode> databases = databases(serviceName);
        List<String> names = databases.stream().map(node -> node.path("name").asText()).toList();
        if (database.isPresent()) {
            for (JsonNode node : databases) {
                if (node.path("name").asText().equals(database.get())) {
                    return node.path("fullyQualifiedName").asText();
                }
            }
            throw TacitException.config("OpenMetadata service '" + serviceName + "' has no database '" + database.get() + "'",
                    "set database to one of " + names);
        }
        if (databases.size() == 1) {
            return databases.get(0).path("fullyQualifiedName").asText();
        }
        throw TacitException.config("OpenMetadata service '" + serviceName + "' has " + databases.size()
                        + " databases and the recipe does not say which one to use",
                "set database to one of " + names);
    }

    /** Schema name to schema FQN for one database. */
    Map<String, String> schemas(String databaseFqn) {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (JsonNode node : client.list(Path.of("v1", "databaseSchemas"), Map.of("database", databaseFqn))) {
            schemas.put(node.path("name").asText(), node.path("fullyQualifiedName").asText());
        }
        return schemas;
    }

    /** Every (non-deleted) table of one schema with the given fields, page by page. */
    List<Table> tables(String schemaFqn, String fields) {
        List<Table> tables = new ArrayList<>();
        for (JsonNode node : client.list(Path.of("v1", "tables"),
                Map.of("databaseSchema", schemaFqn, "fields", fields, "include", "non-deleted"))) {
            tables.add(toTable(node));
        }
        return tables;
    }

    static Table toTable(JsonNode node) {
        try {
            return OpenMetadataClient.mapper().treeToValue(node, Table.class);
        } catch (Exception e) {
            throw TacitException.catalog("OpenMetadata returned a table tacit cannot read ("
                    + node.path("fullyQualifiedName").asText("?") + "): " + e.getMessage(),
                    "report this with the OpenMetadata version", false, e);
        }
    }

    /** The value of one custom property of an entity's {@code extension}, if set. */
    static Optional<Object> extension(Table table, String property) {
        if (table.getExtension() instanceof Map<?, ?> map && map.get(property) != null) {
            return Optional.of(map.get(property));
        }
        JsonNode node = OpenMetadataClient.mapper().valueToTree(table.getExtension());
        if (node != null && node.hasNonNull(property)) {
            JsonNode value = node.get(property);
            return Optional.of(value.isTextual() ? value.asText() : value);
        }
        return Optional.empty();
    }
}
