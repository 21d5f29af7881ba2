package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tacit demo}: builds the SQLite shop, discovers it, writes both reports. */
class DemoIT {
    @TempDir
    Path folder;

    @Test
    void demoFindsTheShopsRelationshipsAndWritesReports() throws Exception {
        Path dir = folder.resolve("demo");
        CliRun run = CliRun.of("demo", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(dir.resolve("shop.db")).exists();
        assertThat(dir.resolve("relationships.md")).content().startsWith("# Relationships found by tacit");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("relationships.json").toFile());
        assertThat(report.path("level").asText()).isEqualTo("full");
        assertThat(report.path("summary").path("tables").asInt()).isEqualTo(10);
        assertThat(run.out()).contains("main.order_items(order_id)").contains("main.orders(id)");
        assertThat(run.out()).containsPattern("Found (1[0-4]) of the 14 relationships");
        assertThat(Files.readAllLines(dir.resolve("expected.csv"))).hasSize(15);
    }

    @Test
    void theDemoDatabaseIsDeterministic() throws Exception {
        Path one = folder.resolve("one.db");
        Path two = folder.resolve("two.db");
        int rows = DemoDatabase.create(one);
        assertThat(DemoDatabase.create(two)).isEqualTo(rows);
        assertThat(rows).isBetween(10_000, 30_000);
        try (var a = java.sql.DriverManager.getConnection("jdbc:sqlite:" + one);
                var b = java.sql.DriverManager.getConnection("jdbc:sqlite:" + two)) {
            for (String sql : new String[] {"SELECT sum(user_id * 7 + id) FROM orders", "SELECT group_concat(email) FROM users",
                "SELECT count(*) FROM reviews WHERE reviewable_type = 'Product'"}) {
                try (var x = a.createStatement().executeQuery(sql); var y = b.createStatement().executeQuery(sql)) {
                    x.next();
                    y.next();
                    assertThat(x.getString(1)).isEqualTo(y.getString(1));
                }
            }
        }
    }
}
