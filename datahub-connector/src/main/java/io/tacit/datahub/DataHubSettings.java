package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import io.tacit.config.ConfigSection;
import io.tacit.config.Secret;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.error.TacitException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a {@code datahub} source or sink, declared once and read from a validated recipe section.
 *
 * @param serverUrl GMS base URL ({@code http://datahub-gms:8080}, or {@code https://<host>/gms} for DataHub Cloud)
 * @param filePath where the offline MCP file goes in {@code file} mode
 */
public record DataHubSettings(
        Optional<URI> serverUrl,
        Optional<Secret> token,
        Mode mode,
        Optional<Path> filePath,
        DatasetNaming naming,
        boolean relationships,
        boolean foreignKeys,
        boolean lineage,
        boolean tags,
        boolean checkDatasets,
        double minConfidence,
        String pipelineName,
        int concurrency,
        Duration timeout,
        int maxRetries,
        Duration retryBackoff) {
    public enum Mode {
        REST,
        FILE
    }

    public DataHubSettings {
        requireNonNull(serverUrl, "serverUrl is null");
        requireNonNull(token, "token is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(filePath, "filePath is null");
        requireNonNull(naming, "naming is null");
        requireNonNull(pipelineName, "pipelineName is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(retryBackoff, "retryBackoff is null");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more: " + concurrency);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    static final String SERVER_URL = "serverUrl";
    static final String TOKEN = "token";
    static final String MODE = "mode";
    static final String FILE_PATH = "filePath";
    static final String PLATFORM = "platform";
    static final String PLATFORM_INSTANCE = "platformInstance";
    static final String ENV = "env";
    static final String DATABASE = "database";
    static final String LOWERCASE = "lowercase";
    static final String RELATIONSHIPS = "relationships";
    static final String FOREIGN_KEYS = "foreignKeys";
    static final String LINEAGE = "lineage";
    static final String TAGS = "tags";
    static final String CHECK_DATASETS = "checkDatasets";
    static final String PIPELINE_NAME = "pipelineName";
    static final String MIN_CONFIDENCE = "minConfidence";
    static final String CONCURRENCY = "concurrency";
    static final String TIMEOUT = "timeout";
    static final String MAX_RETRIES = "maxRetries";
    static final String RETRY_BACKOFF = "retryBackoff";

    /** Settings shared by the source and the sink: where the server is and how datasets are named. */
    private static List<Setting> connection(boolean serverRequired) {
        List<Setting> settings = new ArrayList<>();
        if (serverRequired) {
            settings.add(Setting.required(SERVER_URL, SettingType.STRING,
                    "DataHub GMS base URL, e.g. http://datahub-gms:8080 (DataHub Cloud: https://<host>/gms)."));
        } else {
            settings.add(Setting.optional(SERVER_URL, SettingType.STRING, null,
                    "DataHub GMS base URL, e.g. http://datahub-gms:8080 (DataHub Cloud: https://<host>/gms). "
                            + "Required in rest mode; in file mode, when set, tacit reads the current state from it "
                            + "to plan retirements and foreign-key merges."));
        }
        settings.add(Setting.optional(TOKEN, SettingType.SECRET, null,
                "DataHub personal access token (Settings > Access Tokens), given as ${env:NAME} or ${file:/path}; "
                        + "needed when metadata service authentication is on."));
        settings.add(Setting.required(PLATFORM, SettingType.STRING,
                "DataHub platform id of the database, as in its ingestion recipe: postgres, mysql, mariadb, ..."));
        settings.add(Setting.optional(PLATFORM_INSTANCE, SettingType.STRING, null,
                "The platform_instance of the database's DataHub ingestion recipe, if it sets one."));
        settings.add(Setting.optional(ENV, SettingType.STRING, "PROD",
                "The env (fabric) of the database's DataHub ingestion recipe."));
        settings.add(Setting.optional(DATABASE, SettingType.STRING, null,
                "Database name that prefixes dataset names on three-tier platforms (postgres: <database>.<schema>.<table>); "
                        + "ignored for mysql and mariadb (<schema>.<table>)."));
        settings.add(Setting.optional(LOWERCASE, SettingType.BOOLEAN, "false",
                "Lower-case dataset names, as the recipe's convert_urns_to_lowercase does."));
        settings.add(Setting.optional(CONCURRENCY, SettingType.INTEGER, "4",
                "Requests in flight to DataHub at most."));
        settings.add(Setting.optional(TIMEOUT, SettingType.DURATION, "30s",
                "Connect and read timeout of one request."));
        settings.add(Setting.optional(MAX_RETRIES, SettingType.INTEGER, "4",
                "Retries of a request that failed with 429, 5xx or a timeout (never for other 4xx)."));
        settings.add(Setting.optional(RETRY_BACKOFF, SettingType.DURATION, "500ms",
                "First retry delay; doubles on each retry, with random jitter."));
        return settings;
    }

    /** Every setting a {@code datahub} sink accepts. */
    public static List<Setting> publisherSettings() {
        List<Setting> settings = connection(false);
        settings.add(Setting.oneOf(MODE, "rest", List.of("rest", "file"),
                "rest: send to GMS; file: write an MCP JSON file for 'datahub ingest' with the file source (offline)."));
        settings.add(Setting.optional(FILE_PATH, SettingType.STRING, null,
                "Output file of file mode, e.g. tacit-mcps.json."));
        settings.add(Setting.optional(RELATIONSHIPS, SettingType.BOOLEAN, "true",
                "Write one erModelRelationship entity per inferred relationship (shown in the Relationships tab)."));
        settings.add(Setting.optional(FOREIGN_KEYS, SettingType.BOOLEAN, "true",
                "Merge inferred foreign keys (named tacit_...) into schemaMetadata.foreignKeys with a version-checked write."));
        settings.add(Setting.optional(LINEAGE, SettingType.BOOLEAN, "true",
                "Write upstreamLineage edges (referenced table upstream of the referencing one) with column edges carrying the confidence."));
        settings.add(Setting.optional(TAGS, SettingType.BOOLEAN, "true",
                "Tag foreign-key columns (editableSchemaMetadata) with tacit-inferred-fk and a confidence band tag."));
        settings.add(Setting.optional(CHECK_DATASETS, SettingType.BOOLEAN, "true",
                "Look every dataset up first; edges touching a dataset DataHub does not have are reported and skipped."));
        settings.add(Setting.optional(MIN_CONFIDENCE, SettingType.DOUBLE, "0.0",
                "Publish only edges at least this sure (0 to 1); tacit's edges below it are retired like stale ones."));
        settings.add(Setting.optional(PIPELINE_NAME, SettingType.STRING, "tacit",
                "systemMetadata.pipelineName stamped on every proposal (the run id is tacit's run id)."));
        return List.copyOf(settings);
    }

    /** Every setting a {@code datahub} source accepts. */
    public static List<Setting> sourceSettings() {
        return List.copyOf(connection(true));
    }

    /** Reads and cross-checks a validated section; inconsistent combinations are CONFIG errors naming the fix. */
    public static DataHubSettings from(ConfigSection section, boolean publisher) {
        Optional<URI> server = section.string(SERVER_URL).map(value -> parseServer(section, value));
        Mode mode = Mode.REST;
        Optional<Path> file = Optional.empty();
        if (publisher) {
            mode = "file".equals(section.string(MODE).orElse("rest")) ? Mode.FILE : Mode.REST;
            file = section.string(FILE_PATH).map(Path::of);
            if (mode == Mode.REST && server.isEmpty()) {
                throw TacitException.config(section.path() + ": serverUrl is missing",
                        "set serverUrl to the DataHub GMS URL, or use mode: file with filePath for offline output");
            }
            if (mode == Mode.FILE && file.isEmpty()) {
                throw TacitException.config(section.path() + ": mode file needs filePath",
                        "set filePath to where the MCP JSON file should be written");
            }
        }
        String platform = section.string(PLATFORM).orElseThrow();
        Optional<String> database = section.string(DATABASE);
        if (publisher && !DatasetNaming.isTwoTier(platform) && database.isEmpty()) {
            throw TacitException.config(section.path() + ": platform " + platform + " names datasets <database>.<schema>.<table>",
                    "set database to the database name used by the DataHub ingestion recipe");
        }
        DatasetNaming naming;
        try {
            naming = new DatasetNaming(platform, section.string(PLATFORM_INSTANCE), section.string(ENV).orElse("PROD"),
                    database, section.bool(LOWERCASE).orElse(false));
        } catch (IllegalArgumentException e) {
            throw TacitException.config(section.path() + ": " + e.getMessage(), "use the platform id from the DataHub recipe");
        }
        int concurrency = section.integer(CONCURRENCY).orElse(4);
        int retries = section.integer(MAX_RETRIES).orElse(4);
        if (concurrency < 1 || concurrency > 64) {
            throw TacitException.config(section.path() + ": concurrency " + concurrency + " is out of range", "use 1 to 64");
        }
        if (retries < 0 || retries > 20) {
            throw TacitException.config(section.path() + ": maxRetries " + retries + " is out of range", "use 0 to 20");
        }
        return new DataHubSettings(server, section.secret(TOKEN).filter(secret -> !secret.isEmpty()), mode, file, naming,
                optionalBool(section, publisher, RELATIONSHIPS),
                optionalBool(section, publisher, FOREIGN_KEYS),
                optionalBool(section, publisher, LINEAGE),
                optionalBool(section, publisher, TAGS),
                optionalBool(section, publisher, CHECK_DATASETS),
                publisher ? minConfidence(section) : 0.0,
                publisher ? section.string(PIPELINE_NAME).orElse("tacit") : "tacit",
                concurrency,
                section.duration(TIMEOUT).orElse(Duration.ofSeconds(30)),
                retries,
                section.duration(RETRY_BACKOFF).orElse(Duration.ofMillis(500)));
    }

    private static double minConfidence(ConfigSection section) {
        double value = section.decimal(MIN_CONFIDENCE).orElse(0.0);
        if (!(value >= 0.0 && value <= 1.0)) {
            throw TacitException.config(section.path() + ": minConfidence " + value + " is out of range", "use 0 to 1");
        }
        return value;
    }

    private static boolean optionalBool(ConfigSection section, boolean publisher, String name) {
        if (!publisher) {
            return true;
        }
        return section.bool(name).orElse(true);
    }

    private static URI parseServer(ConfigSection section, String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw TacitException.config(section.path() + ": serverUrl '" + value + "' is not an http(s) URL",
                    "use the GMS URL, e.g. http://datahub-gms:8080");
        }
    }

    /** What a DataHub target is called in messages: the server or the file, never the token. */
    public String target() {
        if (mode == Mode.FILE) {
            return "file " + filePath.map(Path::toString).orElse("?");
        }
        return serverUrl.map(URI::toString).orElse("?");
    }

    @Override
    public String toString() {
        return "DataHubSettings[" + target() + ", " + naming.scope() + ", token " + (token.isPresent() ? "[hidden]" : "none") + "]";
    }
}
