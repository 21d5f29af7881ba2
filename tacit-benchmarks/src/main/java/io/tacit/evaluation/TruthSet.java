package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relationships a schema is known to have ({@code truth.csv}) and those that are real but not declared
 * ({@code truth_extra.csv}; predicting one counts neither way). Format, from the benchmarks README:
 * <pre>
 * fk_table,fk_columns,pk_table,pk_columns
 * public.lineitem,l_partkey+l_suppkey,public.partsupp,ps_partkey+ps_suppkey
 * </pre>
 */
public record TruthSet(List<TruthEdge> edges, List<TruthEdge> extra) {
    static final List<String> HEADER = List.of("fk_table", "fk_columns", "pk_table", "pk_columns");

    public TruthSet {
        edges = List.copyOf(requireNonNull(edges, "edges is null"));
        extra = List.copyOf(requireNonNull(extra, "extra is null"));
    }

    public static TruthSet load(Path truth, Optional<Path> extra) {
        requireNonNull(truth, "truth is null");
        requireNonNull(extra, "extra is null");
        return new TruthSet(parse(truth), extra.map(TruthSet::parse).orElse(List.of()));
    }

    /** Reads one truth file; every problem names the file and line. */
    public static List<TruthEdge> parse(Path file) {
        List<TruthEdge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvReader reader = CsvReader.open(file)) {
            CsvReader.Record header = reader.next().orElseThrow(() -> TacitException.config(
                    file + ":1: the truth file is empty", "the first line must be " + String.join(",", HEADER)));
            List<String> names = header.fields().stream()
                    .map(name -> name == null ? "" : name.trim().toLowerCase(Locale.ROOT)).toList();
            if (!names.equals(HEADER)) {
                throw TacitException.config(file + ":1: the header is '" + String.join(",", header.fields().stream()
                        .map(String::valueOf).toList()) + "'", "the first line must be " + String.join(",", HEADER));
            }
            Optional<CsvReader.Record> next = reader.next();
            while (next.isPresent()) {
                CsvReader.Record record = next.get();
                next = reader.next();
                if (record.size() == 1 && record.fields().get(0) == null) {
                    continue; // a blank line
                }
                TruthEdge edge = edge(file, record);
                if (!seen.add(edge.toString())) {
                    throw TacitException.config(file + ":" + record.line() + ": edge " + edge + " is listed twice",
                            "list each relationship once");
                }
                edges.add(edge);
            }
        }
        return edges;
    }

    private static TruthEdge edge(Path file, CsvReader.Record record) {
        String where = file + ":" + record.line();
        if (record.size() != HEADER.size()) {
            throw TacitException.config(where + ": " + record.size() + " fields where 4 are needed",
                    "write fk_table,fk_columns,pk_table,pk_columns (composite columns joined with +)");
        }
        for (int i = 0; i < HEADER.size(); i++) {
            String field = record.fields().get(i);
            if (field == null || field.isBlank()) {
                throw TacitException.config(where + ": " + HEADER.get(i) + " is empty",
                        "write fk_table,fk_columns,pk_table,pk_columns (composite columns joined with +)");
            }
        }
        TableName fromTable = table(where, record.fields().get(0));
        TableName toTable = table(where, record.fields().get(2));
        List<String> fromColumns = columns(where, record.fields().get(1));
        List<String> toColumns = columns(where, record.fields().get(3));
        if (fromColumns.size() != toColumns.size()) {
            throw TacitException.config(where + ": " + fromColumns.size() + " referencing columns but "
                    + toColumns.size() + " referenced ones", "pair the i-th fk column with the i-th pk column");
        }
        return new TruthEdge(new ColumnSet(fromTable, fromColumns), new ColumnSet(toTable, toColumns), file,
                record.line());
    }

    private static TableName table(String where, String text) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        if (dot <= 0 || dot == trimmed.length() - 1) {
            throw TacitException.config(where + ": table '" + trimmed + "' is not schema-qualified",
                    "write tables as schema.table, e.g. public.film");
        }
        return TableName.parse(trimmed);
    }

    private static List<String> columns(String where, String text) {
        List<String> columns = new ArrayList<>();
        for (String column : text.split("\\+", -1)) {
            if (column.isBlank()) {
                throw TacitException.config(where + ": column list '" + text + "' has an empty name",
                        "join composite columns with +, e.g. l_partkey+l_suppkey");
            }
            columns.add(column.trim());
        }
        return columns;
    }

    /**
     * The same edges with names as {@code snapshot} spells them. Names match exactly, else ignoring case
     * (MariaDB and SQLite may fold them), and a truth schema that the snapshot lacks maps to the snapshot's
     * only schema ({@code public} is the MariaDB database, or SQLite's {@code main}). A table or column the
     * snapshot does not have is an error naming the truth file and line.
     */
    public TruthSet resolve(SchemaSnapshot snapshot) {
        NameIndex index = new NameIndex(snapshot);
        return new TruthSet(edges.stream().map(index::resolve).toList(), extra.stream().map(index::resolve).toList());
    }

    private static final class NameIndex {
        private final SchemaSnapshot snapshot;
        private final Map<String, Table> byQualified = new HashMap<>();
        private final Map<String, List<Table>> byTable = new HashMap<>();
        private final Set<String> schemas = new HashSet<>();

        NameIndex(SchemaSnapshot snapshot) {
            this.snapshot = snapshot;
            for (Table table : snapshot.tables()) {
                byQualified.putIfAbsent(fold(table.name().qualified()), table);
                byTable.computeIfAbsent(fold(table.name().table()), ignored -> new ArrayList<>()).add(table);
                schemas.add(fold(table.name().schema()));
            }
        }

        TruthEdge resolve(TruthEdge edge) {
            return new TruthEdge(resolve(edge, edge.from()), resolve(edge, edge.to()), edge.file(), edge.line());
        }

        private ColumnSet resolve(TruthEdge edge, ColumnSet side) {
            Table table = table(side.table()).orElseThrow(() -> TacitException.config(edge.where()
                    + ": truth edge names table " + side.table() + ", which the loaded schema does not have",
                    "fix the truth file or load the schema it describes"));
            List<String> columns = new ArrayList<>();
            for (String name : side.columns()) {
                Column column = column(table, name).orElseThrow(() -> TacitException.config(edge.where()
                        + ": truth edge names column " + side.table() + "." + name
                        + ", which the loaded schema does not have", "fix the truth file or load the schema it describes"));
                columns.add(column.name());
            }
            return new ColumnSet(table.name(), columns);
        }

        private Optional<Table> table(TableName name) {
            Optional<Table> exact = snapshot.table(name);
            if (exact.isPresent()) {
                return exact;
            }
            Table folded = byQualified.get(fold(name.qualified()));
            if (folded != null) {
                return Optional.of(folded);
            }
            if (!schemas.contains(fold(name.schema())) && schemas.size() == 1) {
                List<Table> candidates = byTable.getOrDefault(fold(name.table()), List.of());
                if (candidates.size() == 1) {
                    return Optional.of(candidates.get(0));
                }
            }
            return Optional.empty();
        }

        private static Optional<Column> column(Table table, String name) {
            Optional<Column> exact = table.column(name);
            if (exact.isPresent()) {
                return exact;
            }
            return table.columns().stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
