package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import io.tacit.model.TableName;
import java.util.Locale;
import java.util.Optional;

/**
 * Names tables the way DataHub's own database ingestion names them, so tacit writes onto the datasets that
 * already exist instead of creating look-alikes. PostgreSQL (and other three-tier platforms) use
 * {@code <database>.<schema>.<table>}; MySQL and MariaDB use {@code <schema>.<table>}; a platform instance
 * is prefixed to the name; {@code lowercase} mirrors the recipe's {@code convert_urns_to_lowercase}.
 *
 * @param platform the DataHub platform id ({@code postgres}, {@code mysql}, {@code mariadb})
 * @param platformInstance the recipe's {@code platform_instance}, when it has one
 * @param env the fabric ({@code PROD}, {@code DEV})
 * @param database the database part of three-tier names; empty for two-tier platforms
 * @param lowercase whether dataset names are lower-cased
 */
public record DatasetNaming(
        String platform,
        Optional<String> platformInstance,
        String env,
        Optional<String> database,
        boolean lowercase) {
    public DatasetNaming {
        requireNonNull(platform, "platform is null");
        requireNonNull(platformInstance, "platformInstance is null");
        requireNonNull(env, "env is null");
        requireNonNull(database, "database is null");
        if (platform.isBlank() || platform.contains(",") || platform.contains("(") || platform.contains(")")) {
            throw new IllegalArgumentException("platform '" + platform + "' is not a DataHub platform id");
        }
        platformInstance = platformInstance.filter(value -> !value.isBlank());
        database = database.filter(value -> !value.isBlank());
    }

    /** Platforms whose DataHub source names datasets without the database part. */
    public static boolean isTwoTier(String platform) {
        return switch (platform.toLowerCase(Locale.ROOT)) {
            case "mysql", "mariadb", "hive", "clickhouse", "sqlite", "druid", "pinot", "presto-on-hive" -> true;
            default -> false;
        };
    }

    public String platformUrn() {
        return "urn:li:dataPlatform:" + platform;
    }

    /** The dataset name part of the URN for a table. */
    public String datasetName(TableName table) {
        StringBuilder name = new StringBuilder();
        platformInstance.ifPresent(instance -> name.append(instance).append('.'));
        if (!isTwoTier(platform)) {
            database.ifPresent(db -> name.append(db).append('.'));
        }
        name.append(table.schema()).append('.').append(table.table());
        String result = name.toString();
        if (lowercase) {
            return result.toLowerCase(Locale.ROOT);
        }
        return result;
    }

    public String datasetUrn(TableName table) {
        return "urn:li:dataset:(" + platformUrn() + "," + datasetName(table) + "," + env + ")";
    }

    /** The schemaField URN; {@code ,}, {@code (} and {@code )} in the field path are percent-encoded like DataHub's builder does. */
    public static String schemaFieldUrn(String datasetUrn, String fieldPath) {
        return "urn:li:schemaField:(" + datasetUrn + "," + encodeFieldPath(fieldPath) + ")";
    }

    static String encodeFieldPath(String fieldPath) {
        StringBuilder encoded = new StringBuilder(fieldPath.length());
        for (char c : fieldPath.toCharArray()) {
            switch (c) {
                case '%' -> encoded.append("%25");
                case ',' -> encoded.append("%2C");
                case '(' -> encoded.append("%28");
                case ')' -> encoded.append("%29");
                default -> encoded.append(c);
            }
        }
        return encoded.toString();
    }

    /**
     * The table a dataset URN of this platform, instance and env names, read back: empty when the URN is of
     * another platform, env, instance or database.
     */
    public Optional<TableName> table(String datasetUrn) {
        String prefix = "urn:li:dataset:(" + platformUrn() + ",";
        String suffix = "," + env + ")";
        if (!datasetUrn.startsWith(prefix) || !datasetUrn.endsWith(suffix)) {
            return Optional.empty();
        }
        String name = datasetUrn.substring(prefix.length(), datasetUrn.length() - suffix.length());
        if (platformInstance.isPresent()) {
            String instancePrefix = platformInstance.get() + ".";
            if (!name.regionMatches(lowercase, 0, instancePrefix, 0, instancePrefix.length())) {
                return Optional.empty();
            }
            name = name.substring(instancePrefix.length());
        }
        String[] parts = name.split("\\.", -1);
        if (isTwoTier(platform)) {
            if (parts.length < 2) {
                return Optional.empty();
            }
            return Optional.of(new TableName(parts[0], name.substring(parts[0].length() + 1)));
        }
        if (parts.length < 3) {
            return Optional.empty();
        }
        if (database.isPresent() && !parts[0].equalsIgnoreCase(database.get())) {
            return Optional.empty();
        }
        if (platformInstance.isEmpty() && database.isEmpty() && parts.length > 3) {
            // an instance-prefixed name seen without an instance configured: not ours
            return Optional.empty();
        }
        return Optional.of(new TableName(parts[1], name.substring(parts[0].length() + parts[1].length() + 2)));
    }

    /** A short label of where tacit writes, stored on its entities so that two deployments never retire each other's edges. */
    public String scope() {
        return platform + "/" + platformInstance.orElse("-") + "/" + env + "/" + database.orElse("-");
    }
}
