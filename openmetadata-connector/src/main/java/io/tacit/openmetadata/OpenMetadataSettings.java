package io.tacit.openmetadata;

import io.tacit.config.ConfigSection;
import io.tacit.config.Secret;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.error.TacitException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The settings of the {@code openmetadata} source and sink, each declared once with its description. */
public final class OpenMetadataSettings {
    public static final Setting SERVER_URL = Setting.required("serverUrl", SettingType.STRING,
            "Base URL of the OpenMetadata server, e.g. http://openmetadata:8585 (the /api suffix is optional).");
    public static final Setting TOKEN = Setting.required("token", SettingType.SECRET,
            "JWT of an OpenMetadata bot (Settings > Bots), sent as 'Authorization: Bearer'. Give it as a reference: "
                    + "${env:OPENMETADATA_TOKEN} or ${file:/run/secrets/om-token}.");
    public static final Setting SERVICE_NAME = Setting.required("serviceName", SettingType.STRING,
            "Name of the database service in OpenMetadata whose tables tacit reads or annotates (the first part of "
                    + "every table FQN).");
    public static final Setting DATABASE = Setting.optional("database", SettingType.STRING, null,
            "OpenMetadata database (second FQN part) that holds the schemas. When not set, the service's only "
                    + "database is used (MySQL/MariaDB services call it 'default').");
    public static final Setting SCHEMA_MAPPING = Setting.optional("schemaMapping", SettingType.LIST, null,
            "Overrides where a source schema lives in OpenMetadata, one 'sourceSchema=database.schema' entry each "
                    + "(quote a part containing a dot: sales=\"eu.db\".public).");
    public static final Setting LINEAGE = Setting.optional("lineage", SettingType.BOOLEAN, "true",
            "Publish each inferred relationship as a lineage edge from the referenced table to the referencing one, "
                    + "with column lineage and the confidence, evidence and run id in the edge description.");
    public static final Setting JOINS = Setting.optional("joins", SettingType.BOOLEAN, "true",
            "Publish each inferred relationship as a 'frequently joined' column pair (PUT /tables/{id}/joins). Counts "
                    + "another writer set are never lowered.");
    public static final Setting TAGS = Setting.optional("tags", SettingType.BOOLEAN, "true",
            "Tag the referencing columns with the inferred-foreign-key tag and a confidence band (labelType Automated) "
                    + "so that the OpenMetadata search finds them. Also needed to notice a steward removing the tag.");
    public static final Setting CUSTOM_PROPERTY = Setting.optional("customProperty", SettingType.BOOLEAN, "true",
            "Write the human-readable table custom property 'tacitInferredRelationships' listing each inferred "
                    + "relationship with confidence and evidence. (tacit's bookkeeping property 'tacitState' is always kept.)");
    public static final Setting PIPELINE_STATUS = Setting.optional("pipelineStatus", SettingType.BOOLEAN, "true",
            "Register an ingestion pipeline for the service (once) and report every run through its pipeline status, "
                    + "so runs show in the service's Ingestions tab.");
    public static final Setting PIPELINE_NAME = Setting.optional("pipelineName", SettingType.STRING,
            "tacit-relationships", "Name of the ingestion pipeline tacit registers under the service.");
    public static final Setting CLASSIFICATION = Setting.optional("classification", SettingType.STRING, "TacitInferred",
            "Classification (tag group) tacit creates for its tags: InferredForeignKey, ConfidenceHigh, "
                    + "ConfidenceMedium, ConfidenceLow and Rejected (the tag a steward applies to reject an edge).");
    public static final Setting MIN_CONFIDENCE = Setting.optional("minConfidence", SettingType.DOUBLE, "0.5",
            "Only relationships with at least this confidence (0-1) are published; tacit's published edges that "
                    + "fall below it are retired.");
    public static final Setting CONCURRENCY = Setting.optional("concurrency", SettingType.INTEGER, "4",
            "How many requests tacit keeps in flight at once against OpenMetadata.");
    public static final Setting TIMEOUT = Setting.optional("timeout", SettingType.DURATION, "PT30S",
            "Connect, read and write timeout of each request.");
    public static final Setting RETRIES = Setting.optional("retries", SettingType.INTEGER, "4",
            "How often a request is retried after 429 (honouring Retry-After), 5xx or a timeout; 4xx are not retried.");
    public static final Setting RETRY_BASE_DELAY = Setting.optional("retryBaseDelay", SettingType.DURATION, "PT0.5S",
            "First retry delay; it doubles on every retry, with jitter, up to 60 seconds.");
    public static final Setting PAGE_SIZE = Setting.optional("pageSize", SettingType.INTEGER, "100",
            "Entities per page when listing (1-1000); tacit follows the 'after' cursor through every page.");
    public static final Setting OFFLINE_DIRECTORY = Setting.optional("offlineDirectory", SettingType.STRING, null,
            "Offline mode: instead of sending the planned writes, save each as a JSON file (method, path, body) in "
                    + "this directory for review or later replay. The current catalog state is still read.");
    public static final Setting PROFILES = Setting.optional("profiles", SettingType.BOOLEAN, "true",
            "Source only: read the latest table and column profiles (row, null, distinct and unique counts, min, max) "
                    + "as statistics when the run's statistics level is above 'metadata'.");

    private OpenMetadataSettings() {
    }

    static List<Setting> connection() {
        return List.of(SERVER_URL, TOKEN, SERVICE_NAME, DATABASE, CONCURRENCY, TIMEOUT, RETRIES, RETRY_BASE_DELAY,
                PAGE_SIZE);
    }

    public static List<Setting> sourceSettings() {
        return Stream.concat(connection().stream(), Stream.of(PROFILES)).toList();
    }

    public static List<Setting> sinkSettings() {
        return Stream.concat(connection().stream(), Stream.of(SCHEMA_MAPPING, LINEAGE, JOINS, TAGS, CUSTOM_PROPERTY,
                PIPELINE_STATUS, PIPELINE_NAME, CLASSIFICATION, MIN_CONFIDENCE, OFFLINE_DIRECTORY)).toList();
    }

    static ClientSettings client(ConfigSection section) {
        String serverUrl = string(section, SERVER_URL);
        Secret token = section.secret(TOKEN.name()).orElseThrow(() -> TacitException.config(
                section.path() + ": token is missing", "set token: ${env:OPENMETADATA_TOKEN} (a bot JWT)"));
        int concurrency = integer(section, CONCURRENCY);
        int pageSize = integer(section, PAGE_SIZE);
        int retries = integer(section, RETRIES);
        if (concurrency < 1 || concurrency > 64) {
            throw TacitException.config(section.path() + ": concurrency " + concurrency + " is out of range",
                    "use a value between 1 and 64");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw TacitException.config(section.path() + ": pageSize " + pageSize + " is out of range",
                    "use a value between 1 and 1000");
        }
        if (retries < 0 || retries > 20) {
            throw TacitException.config(section.path() + ": retries " + retries + " is out of range",
                    "use a value between 0 and 20");
        }
        return new ClientSettings(serverUrl, token, duration(section, TIMEOUT), retries,
                duration(section, RETRY_BASE_DELAY), concurrency, pageSize);
    }

    static PublishOptions publishOptions(ConfigSection section) {
        double minConfidence = section.decimal(MIN_CONFIDENCE.name())
                .orElse(Double.parseDouble(MIN_CONFIDENCE.defaultValue().orElseThrow()));
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw TacitException.config(section.path() + ": minConfidence " + minConfidence + " is not in [0, 1]",
                    "use a value such as 0.7");
        }
        String classification = string(section, CLASSIFICATION);
        if (classification.isBlank() || classification.contains(".") || classification.contains("::")) {
            throw TacitException.config(section.path() + ": classification '" + classification + "' is not a plain name",
                    "use letters and digits only, e.g. TacitInferred");
        }
        return new PublishOptions(
                string(section, SERVICE_NAME),
                section.string(DATABASE.name()).filter(value -> !value.isBlank()),
                schemaMapping(section),
                bool(section, LINEAGE),
                bool(section, JOINS),
                bool(section, TAGS),
                bool(section, CUSTOM_PROPERTY),
                bool(section, PIPELINE_STATUS),
                string(section, PIPELINE_NAME),
                classification,
                minConfidence,
                section.string(OFFLINE_DIRECTORY.name()).filter(value -> !value.isBlank()).map(java.nio.file.Path::of));
    }

    static Map<String, List<String>> schemaMapping(ConfigSection section) {
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        for (String entry : section.list(SCHEMA_MAPPING.name())) {
            int equals = entry.indexOf('=');
            List<String> target = equals < 0 ? List.of() : Fqn.split(entry.substring(equals + 1).trim());
            if (equals <= 0 || target.size() != 2 || target.stream().anyMatch(String::isBlank)) {
                throw TacitException.config(section.path() + ": schemaMapping entry '" + entry + "' is not sourceSchema=database.schema",
                        "write e.g. public=analytics.public");
            }
            mapping.put(entry.substring(0, equals).trim(), target);
        }
        return mapping;
    }

    static String string(ConfigSection section, Setting setting) {
        Optional<String> value = section.string(setting.name());
        if (value.isEmpty() || value.get().isBlank()) {
            if (setting.defaultValue().isPresent()) {
                return setting.defaultValue().get();
            }
            throw TacitException.config(section.path() + ": " + setting.name() + " is missing", setting.description());
        }
        return value.get().trim();
    }

    static boolean bool(ConfigSection section, Setting setting) {
        return section.bool(setting.name()).orElse(Boolean.parseBoolean(setting.defaultValue().orElse("false")));
    }

    static int integer(ConfigSection section, Setting setting) {
        return section.integer(setting.name()).orElse(Integer.parseInt(setting.defaultValue().orElseThrow()));
    }

    static Duration duration(ConfigSection section, Setting setting) {
        Duration value = section.duration(setting.name()).orElse(Duration.parse(setting.defaultValue().orElseThrow()));
        if (value.isNegative() || (setting == TIMEOUT && value.isZero())) {
            throw TacitException.config(section.path() + ": " + setting.name() + " must be positive", "e.g. PT30S");
        }
        return value;
    }
}
