package io.tacit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.Cardinality;
import io.tacit.model.ColumnSet;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Names come from databases and catalogs other people control: a report must not let them run a spreadsheet
 * formula, drive the terminal or put HTML and links in a Markdown page.
 */
class HostileNamesTest {
    private static final String ESCAPE = "\u001b[31mred\u001b[0m";
    private static final String HTML = "<img src=x onerror=alert(1)>";
    private static final String LINK = "[x](http://evil)";

    @Test
    void csvNeutralisesFormulasAndQuotesFields() {
        InferenceResult result = result(TableName.of("=HYPERLINK(\"http://evil\",\"x\")", "t"), "+cmd", "-2+3",
                "@SUM(A1)", "\tTAB", "\rCR ok, then");
        List<List<String>> records = parse(CsvReport.render(result));
        assertThat(records).hasSize(2);
        List<String> cells = records.get(1);
        assertThat(cells.get(0)).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\").t");
        assertThat(cells.get(1)).isEqualTo("'+cmd");
        assertThat(cells.get(2)).isEqualTo("public.target");
        assertThat(cells.get(3)).isEqualTo("'-2+3");
        assertThat(cells.get(8)).isEqualTo("'@SUM(A1)=\tTAB");
        assertThat(cells.get(9)).isEqualTo("'\rCR ok, then");
        assertThat(CsvReport.render(result)).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\").t\",'+cmd,");
        // ordinary values are untouched, so the truth.csv layout still diffs
        assertThat(CsvReport.quote("public.orders")).isEqualTo("public.orders");
        assertThat(CsvReport.quote("0.88")).isEqualTo("0.88");
    }

    @Test
    void consoleTableShowsControlCharactersInsteadOfSendingThem() {
        InferenceResult result = result(TableName.of("public", ESCAPE), "a\nforged line", "id", "kind",
                "\u009b2J", "evidence\r\u001b]0;title\u0007");
        String table = ConsoleTable.render(result);
        assertThat(table).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007").doesNotContain("\u009b");
        assertThat(table).contains("public.\\u001b[31mred\\u001b[0m(a\\nforged line)");
        assertThat(table).contains("[kind=\\u009b2J]").contains("evidence\\r\\u001b]0;title\\u0007");
        assertThat(table.lines()).hasSize(4);
    }

    @Test
    void escapeShowsEveryControlCharacter() {
        assertThat(ConsoleText.escape("plain name_1 é ü 表")).isEqualTo("plain name_1 é ü 表");
        assertThat(ConsoleText.escape("a\nb\tc\u007fd\u0085e\u202ef")).isEqualTo("a\\nb\\tc\\u007fd\\u0085e\\u202ef");
        assertThat(ConsoleText.escapeLines("one\u001b\n\ttwo\r\n")).isEqualTo("one\\u001b\n\ttwo\n");
    }

    @Test
    void markdownCellsCarryNoHtmlNoLinksAndNoLineBreaks() {
        InferenceResult result = result(TableName.of("public", HTML), LINK, "id", "`code` *b* _i_", "x|y",
                "line\nbreak & <b>bold</b> " + ESCAPE);
        String markdown = MarkdownReport.render(result);
        String row = markdown.lines().filter(line -> line.startsWith("| public.&lt;")).findFirst().orElseThrow();
        assertThat(row).doesNotContain("<").doesNotContain(">").doesNotContain("](").doesNotContain("\u001b");
        assertThat(row).contains("public.&lt;img src=x onerror=alert\\(1\\)&gt;\\(\\[x\\]\\(http://evil\\)\\)");
        assertThat(row).contains("\\`code\\` \\*b\\* \\_i\\_");
        assertThat(row).contains("x\\|y");
        assertThat(row).contains("line break &amp; &lt;b&gt;bold&lt;/b&gt; \\\\u001b\\[31mred\\\\u001b\\[0m");
        // one row per relationship, whatever the names hold
        assertThat(markdown.lines().filter(line -> line.startsWith("| "))).hasSize(3);
    }

    /** One inferred relationship whose names and evidence are the given texts. */
    private static InferenceResult result(TableName from, String fromColumn, String toColumn, String discriminator,
            String discriminatorValue, String evidence) {
        InferenceResult sample = SampleResults.result("run-1", Instant.parse("2026-11-30T12:00:00Z"));
        Provenance provenance = new Provenance(sample.run().runId(), sample.run().toolVersion(),
                sample.run().startedAt(), "src", List.of(new Evidence("name", 1.0, 1.0, evidence)), Optional.empty());
        Relationship relationship = new Relationship(ColumnSet.of(from, fromColumn),
                ColumnSet.of(TableName.of("public", "target"), toColumn), RelationshipKind.POLYMORPHIC,
                Origin.INFERRED, Cardinality.MANY_TO_ONE, 0.9,
                Optional.of(new io.tacit.model.Discriminator(discriminator, discriminatorValue)), provenance);
        return new InferenceResult(sample.run(), sample.snapshot(), sample.level(), List.of(relationship), 1,
                Map.of());
    }

    /** RFC 4180 records: fields separated by commas, quoted fields with doubled quotes and line breaks inside. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            }
            else {
                field.append(c);
            }
        }
        return records;
    }
}
