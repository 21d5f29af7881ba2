package io.tacit.openmetadata.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the JSON Schemas inside the openmetadata-spec jar (the ones the server's own
 * request classes are generated from). {@code $ref}s resolve from the classpath: the schemas' {@code $id}
 * prefix {@code https://open-metadata.org/schema/} maps to {@code classpath:json/schema/}.
 */
public final class SpecSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://open-metadata.org/schema/",
                    "classpath:json/schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private SpecSchemas() {
    }

    /**
     * @param location a path below {@code json/schema/} with an optional fragment:
     *                 {@code entity/data/table.json#/definitions/tableJoins}
     * @return the problems, empty when valid
     */
    public static List<String> validate(JsonNode json, String location) {
        JsonSchema schema = CACHE.computeIfAbsent(location,
                key -> FACTORY.getSchema(SchemaLocation.of("classpath:json/schema/" + key), CONFIG));
        return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
