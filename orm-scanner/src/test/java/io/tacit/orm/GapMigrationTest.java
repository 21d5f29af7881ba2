package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.dialect.mariadb.MariaDbDialect;
import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.model.ColumnSet;
import io.tacit.model.SourceLocation;
import io.tacit.model.TableName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Constraint names that fit and never collide, identifiers quoted, and nothing that leaves a comment. */
class GapMigrationTest {
    private static final Pattern NAME = Pattern.compile("ADD CONSTRAINT \"([^\"]+)\"");
    private static final String LONG = "order_line_item_adjustment_with_an_unusually_long_descriptive_name";

    @Test
    void longNamesAreCutToWhatPostgresqlKeepsAndStayUniqueAndStable() {
        GapReport report = report(
                edge(LONG, "customer_reference_identifier_one", "customers"),
                edge(LONG, "customer_reference_identifier_two", "customers"),
                edge("orders", "customer_id", "customers"));
        GapMigration migration = new GapMigration(new PostgresDialect(Duration.ofSeconds(30)));

        String sql = migration.render(report, Set.of("fk_orders_customer_id"));

        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names).hasSize(3).doesNotHaveDuplicates().doesNotContain("fk_orders_customer_id");
        assertThat(names).allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(63));
        assertThat(sql).contains("NOT VALID;").contains("VALIDATE CONSTRAINT");
        assertThat(migration.render(report, Set.of("fk_orders_customer_id"))).isEqualTo(sql);
    }

    @Test
    void hostileNamesAreQuotedAndCannotEndTheComment() {
        GapReport.UnenforcedEdge hostile = new GapReport.UnenforcedEdge(
                new ColumnSet(TableName.of("app", "t`; DROP TABLE x; --"), List.of("c")),
                new ColumnSet(TableName.of("app", "p"), List.of("id")),
                new SourceLocation("models.py", 3), "ForeignKey(P)\nDROP TABLE y;", OptionalLong.of(1));

        String sql = new GapMigration(new MariaDbDialect(Duration.ofSeconds(30))).render(report(hostile), Set.of());

        assertThat(sql).contains("ALTER TABLE `app`.`t``; DROP TABLE x; --`").contains("checks every existing row")
                .doesNotContain("NOT VALID");
        assertThat(sql.lines().filter(line -> line.contains("DROP TABLE y"))).allMatch(line -> line.startsWith("--"));
    }

    private static GapReport.UnenforcedEdge edge(String table, String column, String to) {
        return new GapReport.UnenforcedEdge(new ColumnSet(TableName.of("public", table), List.of(column)),
                new ColumnSet(TableName.of("public", to), List.of("id")), new SourceLocation("models.py", 1),
                "ForeignKey(X)", OptionalLong.empty());
    }

    private static GapReport report(GapReport.UnenforcedEdge... edges) {
        return new GapReport("db", List.of(Framework.DJANGO), false, List.of(edges), List.of(), List.of(), List.of(),
                List.of());
    }
}
