package io.tacit.openmetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ingestion pipeline tacit registers under the database service: where a person edits tacit's schedule
 * and sees its runs.
 *
 * <p>Its type is {@code application} with an {@code Application} source config naming a Python class that
 * does not exist. Every other 1.4 type describes a real workflow: {@code lineage}/{@code DatabaseLineage}, for
 * instance, makes a click on Deploy or Run start the query-log lineage workflow with the service's own
 * credentials. An application workflow is given the class name and the app config only, never the service
 * connection (openmetadata-spec 1.4.0 {@code metadataIngestion/applicationPipeline.json}), so a Deploy/Run
 * from the UI can at worst fail to import the class. {@code airflowConfig.pausePipeline} is also set, so that
 * a deployed DAG stays paused. The same type and config exist on every version from 1.4 to 2.0.
 */
public final class TacitPipeline {
    /** Marks the pipeline as tacit's; no such Python class exists. */
    public static final String SOURCE_CLASS = "tacit.serve.NotRunnableFromOpenMetadata";

    private TacitPipeline() {
    }

    /** The {@code CreateIngestionPipeline} body (validated against the 1.4 schema by the test fake). */
    public static ObjectNode definition(String name, String serviceId, String cron, String timezone) {
        ObjectNode body = OpenMetadataClient.mapper().createObjectNode();
        body.put("name", name);
        body.put("displayName", "tacit inferred relationships");
        body.put("description", "Runs of tacit, which infers undeclared relationships between tables and publishes them "
                + "here (constraints, tags, lineage). `tacit serve` follows this pipeline's schedule and reports each run "
                + "here. Deploy and Run do nothing useful: tacit runs outside OpenMetadata.");
        body.put("pipelineType", "application");
        ObjectNode config = body.putObject("sourceConfig").putObject("config");
        config.put("type", "Application");
        config.put("sourcePythonClass", SOURCE_CLASS);
        ObjectNode airflow = body.putObject("airflowConfig");
        airflow.put("pausePipeline", true);
        if (cron != null) {
            airflow.put("scheduleInterval", cron);
        }
        if (timezone != null) {
            airflow.put("pipelineTimezone", timezone);
        }
        ObjectNode reference = body.putObject("service");
        reference.put("id", serviceId);
        reference.put("type", "databaseService");
        return body;
    }

    /** Whether an existing pipeline is tacit's: the safe definition, or the lineage-typed one earlier versions registered. */
    static boolean isTacits(JsonNode pipeline) {
        JsonNode config = pipeline.path("sourceConfig").path("config");
        if (config.path("sourcePythonClass").asText().equals(SOURCE_CLASS)) {
            return true;
        }
        return pipeline.path("description").asText().startsWith("Runs of tacit");
    }

    static boolean isSafe(JsonNode pipeline) {
        return pipeline.path("pipelineType").asText().equals("application")
                && pipeline.path("sourceConfig").path("config").path("sourcePythonClass").asText().equals(SOURCE_CLASS);
    }
}
