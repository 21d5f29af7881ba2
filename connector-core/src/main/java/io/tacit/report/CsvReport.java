package io.tacit.report;

import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import java.util.List;

/**
 * One line per relationship. The first four columns have the layout of the benchmarks' {@code truth.csv}
 * ({@code schema.table}, columns joined by {@code +}) so results can be compared with a diff.
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

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
