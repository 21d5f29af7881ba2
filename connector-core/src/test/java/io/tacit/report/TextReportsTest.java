package io.tacit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.InferenceResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextReportsTest {
    private final InferenceResult result = SampleResults.result("tacit-20261130T120000Z-0000abcd",
            Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void csvUsesTheTruthLayout() {
        String csv = CsvReport.render(result);
        assertThat(csv.lines()).containsExactly(
                "from_table,from_columns,to_table,to_columns,kind,origin,cardinality,confidence,discriminator,top_evidence",
                "public.orders,user_id,public.users,id,FOREIGN_KEY,DECLARED,MANY_TO_ONE,1.00,,declared by constraint orders_user_fk",
                "public.reviews,reviewable_id,public.orders,id,POLYMORPHIC,INFERRED,MANY_TO_ONE,0.88,reviewable_type=Order,"
                        + "100.0% of 40 distinct values found in orders.id");
        assertThat(CsvReport.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void markdownHasOneRowPerRelationship() {
        String markdown = MarkdownReport.render(result);
        assertThat(markdown).contains("- relationships: 2 (1 declared, 1 inferred)");
        // names are escaped as literal text: renders as public.reviews(reviewable_id)
        assertThat(markdown).contains("| public.reviews\\(reviewable\\_id\\) | public.orders\\(id\\) when reviewable\\_type "
                + "= 'Order' | POLYMORPHIC | INFERRED | 0.88 | 100.0% of 40 distinct values found in orders.id |");
    }

    @Test
    void consoleTableShowsConfidenceAndStrongestEvidence() {
        String table = ConsoleTable.render(result);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("from").contains("conf").contains("strongest evidence");
        assertThat(table).contains("public.orders(user_id)").contains("DECLARED  1.00");
        assertThat(table).contains("public.orders(id) [reviewable_type=Order]");
        assertThat(table).endsWith("2 relationships (1 not declared) in 3 tables\n");
    }

    @Test
    void everyFormatRenders() {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(result)).isNotBlank();
            assertThat(ReportFormat.parse(format.label())).isEqualTo(format);
        }
    }
}
