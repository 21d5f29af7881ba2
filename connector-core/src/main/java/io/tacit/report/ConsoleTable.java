package io.tacit.report;

import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: one line per relationship with its confidence and strongest evidence.
 * Names are shown with their control characters escaped, so a name cannot drive the terminal or forge lines.
 */
public final class ConsoleTable {
    private static final int MAX_EVIDENCE = 90;

    private ConsoleTable() {
    }

    public static String render(InferenceResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("from", "to", "origin", "conf", "strongest evidence"));
        for (Relationship relationship : result.relationships()) {
            String to = Reports.side(relationship.to());
            if (relationship.discriminator().isPresent()) {
                to = to + " [" + relationship.discriminator().get().column() + "="
                        + relationship.discriminator().get().value() + "]";
            }
            rows.add(List.of(ConsoleText.escape(Reports.side(relationship.from())), ConsoleText.escape(to),
                    relationship.origin().name(), Reports.confidence(relationship.confidence()),
                    shorten(ConsoleText.escape(Reports.topEvidenceText(relationship)))));
        }
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length()));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int width : widths) {
                    total += width;
                }
                out.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
            }
        }
        out.append(result.relationships().size()).append(" relationships (")
                .append(result.inferred().size()).append(" not declared) in ")
                .append(result.snapshot().tables().size()).append(" tables\n");
        return out.toString();
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_EVIDENCE) {
            return text;
        }
        return text.substring(0, MAX_EVIDENCE - 1) + "…";
    }
}
