package io.tacit.recipe;

import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.inference.InferenceSettings;
import java.util.List;

/** The settings of the recipe's own sections: {@code inference:} and {@code run:}. */
public final class RecipeSettings {
    public static final Setting LEVEL = Setting.oneOf("level", "sample", List.of("metadata", "engine", "sample", "full"),
            "How much tacit reads about the data: metadata (names, types, keys only), engine (the database's own statistics), "
                    + "sample (one bounded scan per table), full (one full scan per table).");
    public static final Setting MIN_CONFIDENCE = Setting.optional("minConfidence", SettingType.DOUBLE,
            String.valueOf(InferenceSettings.DEFAULTS.minConfidence()),
            "Inferred relationships below this confidence (0 to 1) are not reported.");
    public static final Setting IGNORE_DECLARED = Setting.optional("ignoreDeclared", SettingType.BOOLEAN, "false",
            "Hide the database's declared foreign keys from inference and the report (how benchmarks are run).");
    public static final Setting SCHEMAS = Setting.optional("schemas", SettingType.LIST, null,
            "Schemas (PostgreSQL schemas, MariaDB databases) to read; when empty, every schema the user may see"
                    + " (MariaDB/MySQL: the database in the URL, or every database when the URL names none).");
    public static final Setting INCLUDE_TABLES = Setting.optional("includeTables", SettingType.LIST, null,
            "Only tables matching one of these globs (* and ?) against schema.table or the bare table name.");
    public static final Setting EXCLUDE_TABLES = Setting.optional("excludeTables", SettingType.LIST, null,
            "Skip tables matching one of these globs (* and ?) against schema.table or the bare table name.");
    public static final Setting MAX_PROBES = Setting.optional("maxProbes", SettingType.INTEGER,
            String.valueOf(InferenceSettings.DEFAULTS.maxProbes()),
            "At most this many candidates are checked against the data with exact containment queries.");
    public static final Setting MODEL = Setting.optional("model", SettingType.STRING, null,
            "A scoring model file (the format `scripts/train-model.sh` writes) used instead of the shipped model, "
                    + "for instance one trained without the database being measured (`scripts/train-model.sh --without "
                    + "DATASET FILE`); the shipped model when empty.");

    public static final Setting DECISIONS = Setting.optional("decisions", SettingType.STRING, null,
            "A reviewer's decisions file (exported from the HTML report; see docs/review-decisions.md): rejected "
                    + "relationships are never published, accepted ones are published with confidence 1.0.");

    public static final List<Setting> INFERENCE = List.of(LEVEL, MIN_CONFIDENCE, IGNORE_DECLARED, SCHEMAS,
            INCLUDE_TABLES, EXCLUDE_TABLES, MAX_PROBES, MODEL, DECISIONS);

    public static final Setting DRY_RUN = Setting.optional("dryRun", SettingType.BOOLEAN, "false",
            "Compute and print what every sink would change, change nothing.");
    public static final Setting FORMAT = Setting.oneOf("format", "table", List.of("table", "json", "csv", "markdown", "html"),
            "Format of the result printed on stdout (or written to `out`).");
    public static final Setting OUT = Setting.optional("out", SettingType.STRING, null,
            "Write the printed result to this file instead of stdout.");

    public static final List<Setting> RUN = List.of(DRY_RUN, FORMAT, OUT);

    private RecipeSettings() {
    }
}
