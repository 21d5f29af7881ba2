package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The HTML report in a real headless chromium: every edge drawn, the slider, search, the evidence panel, the
 * review round trip through {@code tacit discover --decisions}, hostile names, and 500 tables in under 3 s.
 */
class HtmlReportBrowserIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void drawsEveryEdgeFiltersSearchesAndExplains() throws Exception {
        ObjectNode report = report("shop");
        table(report, "shop", "customers");
        table(report, "shop", "orders");
        table(report, "shop", "products");
        table(report, "shop", "order_items");
        table(report, "shop", "notes");
        edge(report, "shop", "orders", "customer_id", "customers", "id", "DECLARED", 1.0, null);
        edge(report, "shop", "order_items", "order_id", "orders", "id", "INFERRED", 0.95,
                "100.0% of 1,204 distinct values found in shop.orders(id) (exact), 3 orphan rows; 0 missing");
        edge(report, "shop", "order_items", "product_id", "products", "id", "INFERRED", 0.75, null);
        edge(report, "shop", "notes", "order_ref", "orders", "id", "INFERRED", 0.55, null);
        ObjectNode orm = edge(report, "shop", "notes", "customer_id", "customers", "id", "ORM", 0.9, null);
        ((ObjectNode) orm.path("provenance")).put("location", "app/models/note.rb:12");
        Path html = render(report);

        try (Browser browser = Browser.start()) {
            browser.open(html);
            waitForReport(browser);
            browser.screenshot("shop");
            List<WebElement> edges = browser.driver().findElements(By.cssSelector("#edges .edge"));
            assertThat(edges).hasSize(5);
            assertThat(browser.script("return Array.from(document.querySelectorAll('#edges .edge title'))"
                    + ".map(t => t.textContent).join('\\n')").toString())
                    .contains("shop.orders(customer_id) \u2192 shop.customers(id)")
                    .contains("shop.notes(order_ref) \u2192 shop.orders(id)");
            assertThat(browser.script("return getComputedStyle(document.querySelector('#edge-0 .line')).strokeDasharray"))
                    .isEqualTo("none");
            assertThat(browser.script("return getComputedStyle(document.querySelector('.edge.inferred .line')).strokeDasharray"))
                    .isNotEqualTo("none");
            assertThat(browser.driver().findElement(By.cssSelector(".edge.orm .orm-label")).getText()).isEqualTo("ORM");

            browser.script("window.tacitReport.setThreshold(0.7)");
            assertThat(edge(browser, "shop.notes(order_ref)").getAttribute("class")).contains("hidden");
            assertThat(edge(browser, "shop.notes(order_ref)").isDisplayed()).isFalse();
            assertThat(edge(browser, "shop.order_items(product_id)").isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("shown-count")).getText()).isEqualTo("showing 4 of 5 relationships");
            browser.script("window.tacitReport.setThreshold(0)");
            assertThat(edge(browser, "shop.notes(order_ref)").isDisplayed()).isTrue();

            WebElement search = browser.driver().findElement(By.id("search"));
            search.sendKeys("products", Keys.ENTER);
            assertThat(browser.driver().findElement(By.id("panel-title")).getText()).isEqualTo("shop.products");
            assertCentred(browser, "shop.products");
            assertThat(browser.driver().findElement(By.cssSelector(".table.found title")).getAttribute("textContent"))
                    .isEqualTo("shop.products");
            search.clear();
            search.sendKeys("order_ref", Keys.ENTER);
            assertThat(browser.driver().findElement(By.id("panel-title")).getText()).isEqualTo("shop.notes");
            assertCentred(browser, "shop.notes");

            browser.driver().findElement(By.cssSelector("#table-" + tableIndex(browser, "shop.order_items") + " rect")).click();
            assertThat(browser.driver().findElement(By.id("panel-title")).getText()).isEqualTo("shop.order_items");
            assertThat(browser.driver().findElement(By.id("columns")).getText()).contains("order_id").contains("product_id");
            browser.driver().findElement(By.xpath("//ul[@id='table-edges']//button[contains(., 'order_id')]")).click();
            assertThat(browser.driver().findElement(By.id("panel-title")).getText())
                    .isEqualTo("shop.order_items(order_id) \u2192 shop.orders(id)");
            assertThat(browser.driver().findElement(By.id("evidence")).getText())
                    .contains("100.0% of 1,204 distinct values found in shop.orders(id)");
            assertThat(browser.driver().findElement(By.id("provenance")).getText())
                    .contains("run run-1").contains("signals: containment");
            assertThat(browser.driver().findElement(By.cssSelector("#panel .orphans")).getText())
                    .isEqualTo("3 rows of shop.order_items point to no row of shop.orders.");

            browser.script("window.tacitReport.selectEdge(arguments[0])", edgeIndex(browser, "shop.notes(customer_id)"));
            assertThat(browser.driver().findElement(By.id("provenance")).getText()).contains("declared at app/models/note.rb:12");

            assertThat(browser.driver().findElement(By.id("summary-line")).getText())
                    .startsWith("5 relationships between 5 tables");
            assertThat(browser.driver().findElements(By.cssSelector("#table-list details"))).hasSize(5);
        }
    }

    @Test
    void reviewDecisionsRoundTripThroughDiscover() throws Exception {
        Path dir = folder.resolve("demo");
        CliRun demo = CliRun.of("demo", "--dir", dir.toString());
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("relationships.html");
        Path html = dir.resolve("relationships.html");
        JsonNode found = MAPPER.readTree(dir.resolve("relationships.json").toFile());

        try (Browser browser = Browser.start()) {
            browser.open(html);
            waitForReport(browser);
            browser.screenshot("demo");
            assertThat(browser.driver().findElements(By.cssSelector("#edges .edge")))
                    .hasSize(found.path("relationships").size());
            browser.script("window.tacitReport.selectEdge(arguments[0])", edgeIndex(browser, "main.shipments(order_id)"));
            browser.driver().findElement(By.id("decision-reject")).click();
            assertThat(browser.driver().findElement(By.id("decision-status")).getText()).isEqualTo("rejected");
            browser.script("window.tacitReport.selectEdge(arguments[0])", edgeIndex(browser, "main.orders(coupon_id)"));
            browser.driver().findElement(By.id("decision-accept")).click();
            browser.driver().findElement(By.id("add-from")).sendKeys("main.reviews.rating");
            browser.driver().findElement(By.id("add-to")).sendKeys("main.coupons.percent_off");
            browser.driver().findElement(By.id("add-edge")).click();
            assertThat(browser.driver().findElement(By.id("decision-count")).getText())
                    .isEqualTo("2 accepted (1 added by hand), 1 rejected");
            String decisions = browser.driver().findElement(By.id("decisions-json")).getAttribute("value");
            Path file = folder.resolve("decisions.json");
            Files.writeString(file, decisions);

            Path out = folder.resolve("reviewed.json");
            CliRun run = CliRun.of("discover", "--jdbc-url", "jdbc:sqlite:" + dir.resolve("shop.db").toAbsolutePath(),
                    "--level", "full", "--decisions", file.toString(), "--format", "json", "--out", out.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<String> keys = new ArrayList<>();
            JsonNode reviewed = MAPPER.readTree(out.toFile());
            for (JsonNode edge : reviewed.path("relationships")) {
                keys.add(side(edge.path("from")) + "->" + side(edge.path("to")));
                if (side(edge.path("from")).equals("main.orders(coupon_id)")
                        || side(edge.path("from")).equals("main.reviews(rating)")) {
                    assertThat(edge.path("confidence").asDouble()).isEqualTo(1.0);
                    assertThat(edge.path("evidence").toString()).contains("confirmed by a reviewer (decisions.json)");
                }
            }
            assertThat(keys).doesNotContain("main.shipments(order_id)->main.orders(id)")
                    .contains("main.orders(coupon_id)->main.coupons(id)", "main.reviews(rating)->main.coupons(percent_off)")
                    .hasSize(found.path("relationships").size());
        }
    }

    @Test
    void hostileNamesAreShownAsTextAndRunNoScript() throws Exception {
        String image = "<img src=x onerror=\"window.tacitPwned=1;alert(1)\">";
        String script = "</script><script>window.tacitPwned=2;alert(2)</script>";
        ObjectNode report = report("<b>source</b>");
        table(report, "public", image);
        table(report, "public", script);
        edge(report, "public", script, image + "_id", image, "id\u2028</script>", "INFERRED", 0.8,
                "<img src=y onerror=\"window.tacitPwned=3\"> & \u2029 detail");
        Path html = render(report);
        assertThat(Files.readString(html)).doesNotContain("<img").doesNotContain("<b>source");

        try (Browser browser = Browser.start()) {
            browser.open(html);
            waitForReport(browser);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            browser.script("window.tacitReport.selectEdge(0)");
            browser.script("window.tacitReport.selectTable(0)");
            browser.script("window.tacitReport.find(arguments[0])", image);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.script("return window.tacitPwned === undefined")).isEqualTo(true);
            assertThat(browser.script("return document.querySelectorAll('img, b').length")).isEqualTo(0L);
            assertThat(browser.script("return document.querySelectorAll('script').length")).isEqualTo(2L);
            assertThat(browser.driver().findElement(By.id("panel-title")).getText()).isEqualTo("public." + image);
            assertThat(browser.script("return document.title")).isEqualTo("tacit: <b>source</b>");
        }
    }

    @Test
    void fiveHundredTablesRespondWithinThreeSeconds() throws Exception {
        ObjectNode report = report("bench");
        int tables = 500;
        for (int i = 0; i < tables; i++) {
            table(report, "s" + (i % 3), "table_" + i);
        }
        // clusters of 25 tables: a hub each, chains and cross links, confidences spread over the bands
        int edges = 0;
        for (int i = 0; i < tables; i++) {
            int hub = i - i % 25;
            if (i != hub) {
                edge(report, "s" + (i % 3), "table_" + i, "hub_id", "table_" + hub, "id", i % 4 == 0 ? "DECLARED" : "INFERRED",
                        0.5 + (i % 50) / 100.0, null, "s" + (hub % 3));
                edges++;
            }
            if (i % 25 > 1) {
                edge(report, "s" + (i % 3), "table_" + i, "previous_id", "table_" + (i - 1), "id", "INFERRED",
                        0.5 + (i % 37) / 74.0, null, "s" + ((i - 1) % 3));
                edges++;
            }
        }
        Path html = render(report);
        try (Browser browser = Browser.start()) {
            long started = System.nanoTime();
            browser.open(html);
            waitForReport(browser);
            long loadMillis = (System.nanoTime() - started) / 1_000_000;
            @SuppressWarnings("unchecked")
            Map<String, Object> timings = (Map<String, Object>) browser.script(
                    "const r = window.tacitReport; const t = () => performance.now();"
                    + "const settle = () => document.getElementById('diagram').getBoundingClientRect();"
                    + "let a = t(); r.find('table_377'); settle(); const search = t() - a;"
                    + "a = t(); r.setThreshold(0.8); settle(); const filter = t() - a;"
                    + "a = t(); r.selectEdge(123); settle(); const click = t() - a;"
                    + "a = t(); r.showGroup(-1); settle(); const all = t() - a;"
                    + "return {render: r.renderMillis, search: search, filter: filter, click: click, all: all,"
                    + " shown: document.querySelectorAll('#edges .edge:not(.hidden)').length,"
                    + " title: document.getElementById('panel-title').textContent};");
            browser.screenshot("bench-500");
            System.out.printf("HTML report benchmark (%d tables, %d relationships, headless chromium): page load %d ms "
                    + "(script %.0f ms), search %.0f ms, filter %.0f ms, click %.0f ms, show all %.0f ms%n", tables, edges,
                    loadMillis, number(timings.get("render")), number(timings.get("search")), number(timings.get("filter")),
                    number(timings.get("click")), number(timings.get("all")));
            assertThat(browser.driver().findElements(By.cssSelector("#edges .edge"))).hasSize(edges);
            assertThat(timings.get("title").toString()).contains("table_");
            assertThat(((Number) timings.get("shown")).intValue()).isBetween(1, edges - 1);
            assertThat(loadMillis).isLessThan(3000);
            for (String action : List.of("search", "filter", "click", "all")) {
                assertThat(number(timings.get(action))).as(action).isLessThan(3000);
            }
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private Path render(ObjectNode report) throws Exception {
        Path json = Files.createTempFile(folder, "report", ".json");
        Files.writeString(json, MAPPER.writeValueAsString(report));
        Path html = folder.resolve(json.getFileName().toString().replace(".json", ".html"));
        CliRun run = CliRun.of("report", "--from", json.toString(), "--out", html.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("wrote the HTML report");
        return html;
    }

    private static void waitForReport(Browser browser) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(browser.script("return window.tacitReport !== undefined"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the report's script did not finish: " + browser.driver().getPageSource().substring(0, 400));
    }

    private static void assertCentred(Browser browser, String table) {
        long index = tableIndex(browser, table);
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) browser.script("return window.tacitReport.view()");
        @SuppressWarnings("unchecked")
        List<Object> box = (List<Object>) browser.script(
                "return JSON.parse(document.getElementById('tacit-data').textContent).layout.boxes[arguments[0]]", index);
        double centreX = number(box.get(0)) + number(box.get(2)) / 2;
        double centreY = number(box.get(1)) + number(box.get(3)) / 2;
        assertThat(number(view.get("x")) + number(view.get("w")) / 2).isCloseTo(centreX, org.assertj.core.data.Offset.offset(1.0));
        assertThat(number(view.get("y")) + number(view.get("h")) / 2).isCloseTo(centreY, org.assertj.core.data.Offset.offset(1.0));
    }

    private static long tableIndex(Browser browser, String qualified) {
        return (Long) browser.script("return JSON.parse(document.getElementById('tacit-data').textContent).tables"
                + ".findIndex(t => t.schema + '.' + t.table === arguments[0])", qualified);
    }

    private static long edgeIndex(Browser browser, String from) {
        long index = (Long) browser.script("return JSON.parse(document.getElementById('tacit-data').textContent).relationships"
                + ".findIndex(e => e.from.schema + '.' + e.from.table + '(' + e.from.columns.join(', ') + ')' === arguments[0])", from);
        assertThat(index).as("edge from " + from).isNotNegative();
        return index;
    }

    private static WebElement edge(Browser browser, String from) {
        return browser.driver().findElement(By.id("edge-" + edgeIndex(browser, from)));
    }

    private static String side(JsonNode side) {
        List<String> columns = new ArrayList<>();
        side.path("columns").forEach(column -> columns.add(column.asText()));
        return side.path("schema").asText() + "." + side.path("table").asText() + "(" + String.join(", ", columns) + ")";
    }

    private static ObjectNode report(String source) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("formatVersion", 1);
        report.put("runId", "run-1");
        report.put("toolVersion", "test");
        report.put("startedAt", "2026-01-01T00:00:00Z");
        report.put("source", source);
        report.put("product", "PostgreSQL");
        report.put("level", "full");
        report.putArray("relationships");
        report.putArray("tables");
        report.putArray("warnings");
        return report;
    }

    private static void table(ObjectNode report, String schema, String table) {
        ObjectNode entry = ((ArrayNode) report.path("tables")).addObject();
        entry.put("schema", schema);
        entry.put("table", table);
        entry.put("statistics", "full");
        entry.put("status", "ok");
    }

    private static ObjectNode edge(ObjectNode report, String schema, String from, String fromColumn, String to,
            String toColumn, String origin, double confidence, String containment) {
        return edge(report, schema, from, fromColumn, to, toColumn, origin, confidence, containment, schema);
    }

    private static ObjectNode edge(ObjectNode report, String schema, String from, String fromColumn, String to,
            String toColumn, String origin, double confidence, String containment, String toSchema) {
        ObjectNode edge = ((ArrayNode) report.path("relationships")).addObject();
        ObjectNode fromNode = edge.putObject("from");
        fromNode.put("schema", schema);
        fromNode.put("table", from);
        fromNode.putArray("columns").add(fromColumn);
        ObjectNode toNode = edge.putObject("to");
        toNode.put("schema", toSchema);
        toNode.put("table", to);
        toNode.putArray("columns").add(toColumn);
        edge.put("kind", "FOREIGN_KEY");
        edge.put("origin", origin);
        edge.put("cardinality", "MANY_TO_ONE");
        edge.put("confidence", confidence);
        ArrayNode evidence = edge.putArray("evidence");
        if (containment != null) {
            ObjectNode item = evidence.addObject();
            item.put("signal", "containment");
            item.put("value", 1.0);
            item.put("contribution", 2.0);
            item.put("detail", containment);
        }
        ObjectNode provenance = edge.putObject("provenance");
        provenance.put("runId", "run-1");
        provenance.put("toolVersion", "test");
        provenance.put("time", "2026-01-01T00:00:00Z");
        provenance.put("source", report.path("source").asText());
        return edge;
    }
}
