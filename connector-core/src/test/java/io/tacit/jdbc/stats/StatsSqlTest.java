package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.dialect.postgres.PostgresDialect;
import io.tacit.error.TacitException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsSqlTest {
    @Test
    void aValueHoldingAPlaceholderIsNeverExpanded() {
        // the crafted column of the security report: relname${table} must stay a column name, whatever the order
        for (int run = 0; run < 20; run++) {
            String sql = StatsSql.render("profile.sql", Map.of(
                    "columns", "p.\"relname${table}\", p.\"${limit}\"",
                    "table", "\"s\".\"t\"",
                    "sample", "",
                    "limit", " LIMIT 10"));

            assertThat(sql).isEqualTo("SELECT p.\"relname${table}\", p.\"${limit}\" FROM \"s\".\"t\" p LIMIT 10");
        }
    }

    @Test
    void aValueIsCopiedAsItIsWhateverItHolds() {
        String hostile = "\"x${sample}\"\"y*/;--\n\\\u0001${";
        String sql = StatsSql.render(PostgresDialect.class, "profile-copy.sql", Map.of("select", hostile));

        assertThat(sql).isEqualTo("COPY (" + hostile + ") TO STDOUT");
    }

    @Test
    void aPlaceholderWithoutValueIsAnErrorOfTheTemplate() {
        assertThatThrownBy(() -> StatsSql.render("profile.sql", Map.of("columns", "a", "table", "t", "sample", "")))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("profile.sql")
                .hasMessageContaining("${limit}");
    }

    @Test
    void aValueTheTemplateDoesNotUseIsAnError() {
        assertThatThrownBy(() -> StatsSql.render(PostgresDialect.class, "profile-copy.sql", Map.of("select", "SELECT 1", "limit", "")))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aTemplateIsScannedOnceForItsPlaceholders() {
        assertThat(StatsSql.placeholders("containment.sql")).containsExactlyInAnyOrder(
                "fromSelect", "fromTable", "fromNotNull", "fromGroup", "limit", "toSelect", "toTable", "toNotNull", "join");
    }
}
