package io.tacit.orm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.model.ColumnSet;
import io.tacit.model.ForeignKey;
import io.tacit.report.ConsoleText;
import io.tacit.report.MarkdownReport;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A {@link GapReport} as a console table, JSON or Markdown. */
public enum GapRendering {
    TABLE, JSON, MARKDOWN;

    public static Optional<GapRendering> named(String name) {
        for (GapRendering rendering : values()) {
            if (rendering.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(rendering);
            }
        }
        return Optional.empty();
    }

    public String render(GapReport report) {
        return switch (this) {
            case TABLE -> text(report, ConsoleText::escape, false);
            case MARKDOWN -> text(report, MarkdownReport::escape, true);
            case JSON -> json(report);
        };
    }

    private static String text(GapReport report, UnaryOperator<String> escape, boolean markdown) {
        StringBuilder out = new StringBuilder();
        String heading = markdown ? "## " : "";
        String item = markdown ? "- " : "  ";
        out.append(markdown ? "# " : "").append("Gap between model code and ").append(escape.apply(report.source()))
                .append("\n\n");
        out.append(heading).append("Declared in code, not enforced (").append(report.declaredNotEnforced().size())
                .append(")\n");
        for (GapReport.UnenforcedEdge edge : report.declaredNotEnforced()) {
            out.append(item).append(escape.apply(edge.from() + " -> " + edge.to())).append("  ")
                    .append(escape.apply(edge.declaration() + " at " + edge.location())).append("  orphans: ")
                    .append(orphans(edge, report)).append('\n');
        }
        out.append('\n').append(heading).append("Enforced, not declared in code (")
                .append(report.enforcedNotDeclared().size()).append(")\n");
        for (ForeignKey key : report.enforcedNotDeclared()) {
            out.append(item).append(escape.apply(key.from() + " -> " + key.to() + "  constraint " + key.name()))
                    .append('\n');
        }
        out.append('\n').append(heading).append("Named in code, missing in the database (")
                .append(report.missingInDatabase().size()).append(")\n");
        for (GapReport.MissingInDatabase missing : report.missingInDatabase()) {
            out.append(item).append(escape.apply(missing.what())).append('\n');
        }
        out.append('\n').append(heading).append("By declaration\n");
        if (markdown) {
            out.append("| declaration | declared | enforced | not enforced | missing |\n|---|---|---|---|---|\n");
        }
        for (GapReport.DeclarationCount count : report.declarations()) {
            if (markdown) {
                out.append("| ").append(escape.apply(count.form())).append(" | ").append(count.declared())
                        .append(" | ").append(count.enforced()).append(" | ").append(count.notEnforced())
                        .append(" | ").append(count.missing()).append(" |\n");
            }
            else {
                out.append(String.format(Locale.ROOT, "  %-32s %4d declared %4d enforced %4d not enforced %4d missing%n",
                        escape.apply(count.form()), count.declared(), count.enforced(), count.notEnforced(),
                        count.missing()));
            }
        }
        if (!report.warnings().isEmpty()) {
            out.append('\n').append(heading).append("Warnings\n");
            for (String warning : report.warnings()) {
                out.append(item).append(escape.apply(warning)).append('\n');
            }
        }
        return out.toString();
    }

    private static String orphans(GapReport.UnenforcedEdge edge, GapReport report) {
        if (edge.orphanRows().isPresent()) {
            return Long.toString(edge.orphanRows().getAsLong());
        }
        if (report.dataRead()) {
            return "unknown";
        }
        return "not counted (level metadata)";
    }

    private static String json(GapReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("source", report.source());
        ArrayNode frameworks = root.putArray("frameworks");
        report.frameworks().forEach(framework -> frameworks.add(framework.optionName()));
        root.put("dataRead", report.dataRead());
        root.put("gap", report.hasGap());
        ArrayNode unenforced = root.putArray("declaredNotEnforced");
        for (GapReport.UnenforcedEdge edge : report.declaredNotEnforced()) {
            ObjectNode node = unenforced.addObject();
            columns(node.putObject("from"), edge.from());
            columns(node.putObject("to"), edge.to());
            node.put("location", edge.location().toString());
            node.put("declaration", edge.declaration());
            if (edge.orphanRows().isPresent()) {
                node.put("orphanRows", edge.orphanRows().getAsLong());
            }
            else {
                node.putNull("orphanRows");
            }
        }
        ArrayNode enforced = root.putArray("enforcedNotDeclared");
        for (ForeignKey key : report.enforcedNotDeclared()) {
            ObjectNode node = enforced.addObject();
            node.put("constraint", key.name());
            columns(node.putObject("from"), key.from());
            columns(node.putObject("to"), key.to());
        }
        ArrayNode missing = root.putArray("missingInDatabase");
        for (GapReport.MissingInDatabase gap : report.missingInDatabase()) {
            missing.addObject().put("what", gap.what()).put("location", gap.location().toString());
        }
        ArrayNode declarations = root.putArray("declarations");
        for (GapReport.DeclarationCount count : report.declarations()) {
            declarations.addObject().put("form", count.form()).put("declared", count.declared())
                    .put("enforced", count.enforced()).put("notEnforced", count.notEnforced())
                    .put("missing", count.missing());
        }
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static void columns(ObjectNode node, ColumnSet columns) {
        node.put("schema", columns.table().schema());
        node.put("table", columns.table().table());
        ArrayNode names = node.putArray("columns");
        columns.columns().forEach(names::add);
    }
}
