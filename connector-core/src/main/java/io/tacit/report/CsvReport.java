package io.tacit.report;

import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import java.util.List;

/**
 * One line per relationship. The first four columns have the layout of the benchmarks' {@code truth.csv}
 * ({@code schema.table}, columns joined by {@code +}) so results can be compared with a diff. Fields that a
 * spreadsheet would run as a formula are neutralised (see {@link #quote}).
 */
public final class CsvReport {
    public static final List<String> HEADER = List.of("from_table", "from_columns", "to_table", "to_columns", "kind",
            "origin", "cardinality", "confidence", "discriminator", "top_evidence");

    private CsvReport() {
    }

    public static String render(InferenceResult result) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (Relationship relationship : result.relationships()) {
            line(out, List.of(
                    relationship.from().table().qualified(),
                    String.join("+", relationship.from().columns()),
                    relationship.to().table().qualified(),
                    String.join("+", relationship.to().columns()),
                    relationship.kind().name(),
                    relationship.origin().name(),
                    relationship.cardinality().name(),
                    Reports.confidence(relationship.confidence()),
                    relationship.discriminator().map(d -> d.column() + "=" + d.value()).orElse(""),
                    Reports.topEvidenceText(relationship)));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append('\n');
    }

    /**
     * One field as a spreadsheet may read it: a value starting with {@code = + - @}, a tab or a carriage return
     * would be taken as a formula, so it gets a leading {@code '} (what OWASP recommends; spreadsheets hide it);
     * then quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
     */
    static String quote(String value) {
        String field = value;
        if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
