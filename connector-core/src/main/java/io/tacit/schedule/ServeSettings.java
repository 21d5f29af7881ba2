package io.tacit.schedule;

import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import java.util.List;

/** The recipe's {@code serve:} section, read by {@code tacit serve} and ignored by {@code tacit discover}. */
public final class ServeSettings {
    public static final Setting SCHEDULE = Setting.optional("schedule", SettingType.STRING, null,
            "Five-field cron (minute hour day-of-month month day-of-week, or @daily...) tacit runs on. When empty the "
                    + "catalog owns the schedule: the cron of tacit's OpenMetadata ingestion pipeline, edited in its UI; "
                    + "with DataHub, the ingestion source's schedule, whose runs GMS hands to executorId.");
    public static final Setting TIMEZONE = Setting.optional("timezone", SettingType.STRING, "UTC",
            "Time zone of `schedule` (an IANA name such as Europe/Paris).");
    public static final Setting AFTER_SOURCE = Setting.optional("afterSource", SettingType.BOOLEAN, "false",
            "Also run right after each run of the database's own metadata ingestion ends (it removes tacit's foreign "
                    + "keys): an OpenMetadata pipeline status, or a DataHub execution result of `sourceIngestion`.");
    public static final Setting SOURCE_INGESTION = Setting.optional("sourceIngestion", SettingType.STRING, null,
            "The ingestion `afterSource` follows: an OpenMetadata pipeline FQN (default: the service's metadata "
                    + "pipelines) or a DataHub ingestion source urn (required with DataHub).");
    public static final Setting EXECUTOR_ID = Setting.optional("executorId", SettingType.STRING, "tacit",
            "DataHub: the executor id of tacit's ingestion source; GMS routes the source's scheduled and UI-started "
                    + "runs to it, and tacit runs the execution requests that carry it. No DataHub executor may use it.");
    public static final Setting POLL_INTERVAL = Setting.optional("pollInterval", SettingType.DURATION, "PT30S",
            "How often tacit reads the schedule, the source's runs and pending execution requests.");
    public static final Setting LOCK_FILE = Setting.optional("lockFile", SettingType.STRING, null,
            "File locked while a run is in progress so that two instances never run at once (on one host or a "
                    + "shared volume); default: tacit-serve.lock in the temporary directory.");
    public static final Setting STOP_GRACE = Setting.optional("stopGrace", SettingType.DURATION, "PT2M",
            "On SIGTERM, how long the current run may take to finish; after it the run is abandoned (reported as "
                    + "such) and the next run publishes everything again.");
    public static final Setting HEALTH_HOST = Setting.optional("healthHost", SettingType.STRING, "127.0.0.1",
            "Address of the /health and /metrics endpoint; 0.0.0.0 in a container so that probes reach it.");
    public static final Setting HEALTH_PORT = Setting.optional("healthPort", SettingType.INTEGER, "9464",
            "Port of the /health and /metrics (Prometheus) endpoint; -1 switches it off.");
    public static final Setting RUN_ON_START = Setting.optional("runOnStart", SettingType.BOOLEAN, "false",
            "Run once as soon as the process starts, before waiting for the schedule.");

    public static final List<Setting> ALL = List.of(SCHEDULE, TIMEZONE, AFTER_SOURCE, SOURCE_INGESTION, EXECUTOR_ID,
            POLL_INTERVAL, LOCK_FILE, STOP_GRACE, HEALTH_HOST, HEALTH_PORT, RUN_ON_START);

    private ServeSettings() {
    }
}
