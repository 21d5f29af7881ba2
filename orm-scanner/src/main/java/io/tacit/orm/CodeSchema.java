package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan of model code found: tables, the relationships between them (each with its file and line) and
 * the warnings, all in a deterministic order.
 *
 * @param frameworks the frameworks whose code was read
 */
public record CodeSchema(List<Framework> frameworks, List<ModelTable> tables, List<ModelEdge> edges,
        List<ScanWarning> warnings) {
    public CodeSchema {
        frameworks = requireNonNull(frameworks, "frameworks is null").stream().sorted().distinct().toList();
        tables = requireNonNull(tables, "tables is null").stream()
                .sorted(Comparator.comparing(ModelTable::name)).toList();
        edges = requireNonNull(edges, "edges is null").stream().sorted().toList();
        warnings = requireNonNull(warnings, "warnings is null").stream().sorted().toList();
    }

    public Optional<ModelTable> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Several scans of one folder (auto-detection found more than one framework) as one. */
    public static CodeSchema merge(List<CodeSchema> parts) {
        List<Framework> frameworks = new ArrayList<>();
        Map<String, ModelTable> tables = new LinkedHashMap<>();
        Map<String, ModelEdge> edges = new LinkedHashMap<>();
        List<ScanWarning> warnings = new ArrayList<>();
        for (CodeSchema part : parts) {
            frameworks.addAll(part.frameworks());
            for (ModelTable table : part.tables()) {
                tables.putIfAbsent(table.name(), table);
            }
            for (ModelEdge edge : part.edges()) {
                edges.putIfAbsent(edge.key(), edge);
            }
            warnings.addAll(part.warnings());
        }
        return new CodeSchema(frameworks, List.copyOf(tables.values()), List.copyOf(edges.values()),
                warnings.stream().distinct().toList());
    }

    /** A plain-text listing, one fact a line: what golden files hold and what {@code --verbose} can print. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Framework framework : frameworks) {
            text.append("framework ").append(framework.optionName()).append('\n');
        }
        for (ModelTable table : tables) {
            text.append("table ").append(table.schema().map(schema -> schema + ".").orElse("")).append(table.name())
                    .append(" [").append(table.model()).append("] ").append(table.location()).append('\n');
            for (ModelColumn column : table.columns()) {
                text.append("  column ").append(column.name()).append(' ').append(column.family())
                        .append(" (").append(column.type()).append(')');
                if (!column.nullable()) {
                    text.append(" not null");
                }
                text.append('\n');
            }
            if (!table.primaryKey().isEmpty()) {
                text.append("  primary key (").append(String.join(", ", table.primaryKey())).append(")\n");
            }
            for (List<String> unique : table.uniqueKeys()) {
                text.append("  unique (").append(String.join(", ", unique)).append(")\n");
            }
        }
        for (ModelEdge edge : edges) {
            text.append("edge ").append(edge.key()).append(' ').append(edge.kind()).append(' ')
                    .append(edge.location()).append(" ").append(edge.declaration()).append('\n');
        }
        for (ScanWarning warning : warnings) {
            text.append("warning ").append(warning).append('\n');
        }
        return text.toString();
    }
}
