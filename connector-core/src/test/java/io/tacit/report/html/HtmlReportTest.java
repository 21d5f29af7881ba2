package io.tacit.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.report.JsonReport;
import io.tacit.report.SampleResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's text; what it does in a browser is tested in tacit-cli's HtmlReportBrowserIT. */
class HtmlReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private final InferenceResult result = SampleResults.result("run-1", Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void theJsonCannotEndItsScriptBlock() {
        assertThat(HtmlReport.scriptSafe("{\"a\":\"</script><b>&\u2028\u2029\"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029\"}");
    }

    @Test
    void thePageIsSelfContainedAndCarriesColumnsAndLayout() throws Exception {
        String html = HtmlReport.render(result);
        assertThat(html).doesNotContain("<link", "https://", "src=", "@import", "url(http", "/*SCRIPT*/", "/*STYLE*/", "{\"DATA\":0}")
                .contains("script-src 'sha256-");
        JsonNode data = data(html);
        assertThat(data.path("tables").get(0).path("table").asText()).isEqualTo("orders");
        assertThat(data.path("tables").get(0).path("columns").toString())
                .isEqualTo("[{\"name\":\"id\",\"type\":\"int4\",\"nullable\":false},"
                        + "{\"name\":\"user_id\",\"type\":\"int4\",\"nullable\":false}]");
        assertThat(data.path("layout").path("boxes")).hasSize(3);
        assertThat(data.path("relationships")).hasSize(2);
        assertThat(HtmlReport.render(result)).isEqualTo(html);
    }

    @Test
    void aJsonReportRendersWithTheColumnsItsEdgesName() throws Exception {
        Path json = folder.resolve("report.json");
        Files.writeString(json, JsonReport.render(result));
        JsonNode data = data(HtmlReport.renderJsonReport(json));
        List<String> columns = data.path("tables").findValuesAsText("name");
        assertThat(columns).containsExactlyInAnyOrder("id", "id", "user_id", "reviewable_id");
    }

    @Test
    void anotherFormatVersionIsRefused() throws Exception {
        Path json = folder.resolve("report.json");
        Files.writeString(json, JsonReport.render(result).replace("\"formatVersion\": 1", "\"formatVersion\": 7"));
        assertThatThrownBy(() -> HtmlReport.renderJsonReport(json)).isInstanceOf(TacitException.class)
                .hasMessageContaining("format version 7; this tacit reads version 1");
    }

    private static JsonNode data(String html) throws Exception {
        String start = "<script type=\"application/json\" id=\"tacit-data\">";
        int from = html.indexOf(start) + start.length();
        return MAPPER.readTree(html.substring(from, html.indexOf("</script>", from)));
    }
}
