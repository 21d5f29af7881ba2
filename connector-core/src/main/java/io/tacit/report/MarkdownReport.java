package io.tacit.report;

import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Relationship;

/**
 * A Markdown page: what was read, then one table row per relationship. Everything taken from the source is
 * escaped, so a name cannot inject HTML or links into the rendered page.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(InferenceResult result) {
        StringBuilder out = new StringBuilder();
        out.append("# Relationships found by tacit\n\n");
        out.append("- source: ").append(escape(result.snapshot().source())).append(" (")
                .append(escape(result.snapshot().product())).append(")\n");
        out.append("- run: ").append(escape(result.run().runId().value())).append(", tacit ")
                .append(escape(result.run().toolVersion())).append(", started ").append(result.run().startedAt())
                .append('\n');
        out.append("- level: ").append(result.level().label()).append("; ")
                .append(result.snapshot().tables().size()).append(" tables, ")
                .append(result.snapshot().columnCount()).append(" columns\n");
        long inferred = result.relationships().stream().filter(r -> r.origin() != Origin.DECLARED).count();
        out.append("- relationships: ").append(result.relationships().size()).append(" (")
                .append(result.relationships().size() - inferred).append(" declared, ").append(inferred)
                .append(" inferred)\n\n");
        out.append("| from | to | kind | origin | confidence | strongest evidence |\n");
        out.append("| --- | --- | --- | --- | ---: | --- |\n");
        for (Relationship relationship : result.relationships()) {
            String to = Reports.side(relationship.to());
            if (relationship.discriminator().isPresent()) {
                to = to + " when " + relationship.discriminator().get().column() + " = '"
                        + relationship.discriminator().get().value() + "'";
            }
            out.append("| ").append(escape(Reports.side(relationship.from())))
                    .append(" | ").append(escape(to))
                    .append(" | ").append(relationship.kind().name())
                    .append(" | ").append(relationship.origin().name())
                    .append(" | ").append(Reports.confidence(relationship.confidence()))
                    .append(" | ").append(escape(Reports.topEvidenceText(relationship)))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * Text from the database as literal Markdown: no raw HTML (entities instead), no link, image, emphasis or
     * code syntax, no cell or line break (a line break becomes a space, other control characters are shown).
     */
    public static String escape(String text) {
        String line = ConsoleText.escape(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '[', ']', '(', ')', '`', '*', '_' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
