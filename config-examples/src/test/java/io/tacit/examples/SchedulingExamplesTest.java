package io.tacit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tacit.schedule.CronExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The scheduler examples in {@code scheduling/} (Kubernetes CronJob, Airflow DAG, systemd timer and services) run
 * {@code tacit discover -c} or {@code tacit serve -c}, never two runs at once, and give SIGTERM time to cancel.
 */
class SchedulingExamplesTest {
    private static final Path FOLDER = Path.of("scheduling");

    @Test
    void kubernetesCronJob() throws IOException {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(FOLDER.resolve("kubernetes-cronjob.yaml").toFile());
        assertThat(job.path("kind").asText()).isEqualTo("CronJob");
        assertThat(job.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        CronExpression.parse(job.at("/spec/schedule").asText(), ZoneId.of(job.at("/spec/timeZone").asText()));
        JsonNode container = job.at("/spec/jobTemplate/spec/template/spec/containers/0");
        assertThat(container.path("args").toString()).isEqualTo("[\"discover\",\"-c\",\"/etc/tacit/recipe.yaml\"]");
        assertThat(job.at("/spec/jobTemplate/spec/template/spec/terminationGracePeriodSeconds").asInt()).isPositive();
    }

    @Test
    void airflowTaskRunsAfterTheIngestion() throws IOException {
        String dag = Files.readString(FOLDER.resolve("airflow_tacit_dag.py"));
        assertThat(dag).contains("tacit discover -c ", "max_active_runs=1", "ingest >> discover");
    }

    @Test
    void systemdTimerAndServices() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("tacit-discover.timer"))).contains("OnCalendar=", "Persistent=true");
        assertThat(Files.readString(FOLDER.resolve("tacit-discover.service")))
                .contains("Type=oneshot", "ExecStart=/usr/local/bin/tacit discover -c ", "EnvironmentFile=");
        assertThat(Files.readString(FOLDER.resolve("tacit-serve.service")))
                .contains("ExecStart=/usr/local/bin/tacit serve -c ", "TimeoutStopSec=");
    }
}
