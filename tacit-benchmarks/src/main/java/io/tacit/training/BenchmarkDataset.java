package io.tacit.training;

import static java.util.Objects.requireNonNull;

import io.tacit.evaluation.DataGenerator;
import io.tacit.evaluation.TruthEdge;
import io.tacit.evaluation.TruthSet;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.DistinctCount;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ValueProbe;
import io.tacit.statistics.ValueSketches;
import io.tacit.statistics.ValueText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One shared benchmark dataset read from its folder without a database: the schema from {@code schema.sql},
 * FULL statistics and an exact in-memory {@link ValueProbe} from {@code data/*.csv}, and the truth edges as
 * relationship keys ({@code public.film(language_id)->public.language(language_id)}).
 */
public final class BenchmarkDataset {
    /** Columns with at most this many distinct values keep them as a list (as the profiler does). */
    static final int VALUE_LIST_LIMIT = 10_000;

    private final String name;
    private final SchemaSnapshot snapshot;
    private final SchemaSnapshot metadataSnapshot;
    private final Statistics statistics;
    private final Map<ColumnName, List<String>> columnValues;
    private final Set<String> truth;
    private final Set<String> extra;
    private final boolean generated;
    private final Map<StatisticsLevel, List<LogisticRegression.Example>> examples = new java.util.EnumMap<>(StatisticsLevel.class);

    private BenchmarkDataset(String name, SchemaSnapshot snapshot, SchemaSnapshot metadataSnapshot, Statistics statistics,
            Map<ColumnName, List<String>> columnValues, Set<String> truth, Set<String> extra, boolean generated) {
        this.name = name;
        this.snapshot = snapshot;
        this.metadataSnapshot = metadataSnapshot;
        this.statistics = statistics;
        this.columnValues = columnValues;
        this.truth = truth;
        this.extra = extra;
        this.generated = generated;
    }

    public static BenchmarkDataset load(Path folder) {
        requireNonNull(folder, "folder is null");
        String name = folder.getFileName().toString();
        try {
            String dump = Files.readString(folder.resolve("schema.sql"), StandardCharsets.UTF_8);
            SchemaSnapshot parsed = PgDumpSchemaReader.read("benchmark:" + name, dump, Map.of());
            Map<ColumnName, List<String>> values = new HashMap<>();
            Map<TableName, Long> rows = new HashMap<>();
            Path data = folder.resolve("data");
            if (Files.isDirectory(data)) {
                for (Table table : parsed.tables()) {
                    String file = table.name().schema().equals("public") ? table.name().table() + ".csv"
                            : table.name().schema() + "." + table.name().table() + ".csv";
                    Path csv = data.resolve(file);
                    if (Files.exists(csv)) {
                        rows.put(table.name(), readCsv(table, csv, values));
                    }
                }
            }
            boolean generated = rows.isEmpty();
            if (generated) {
                generate(folder, name, parsed, rows, values);
            }
            SchemaSnapshot snapshot = PgDumpSchemaReader.read("benchmark:" + name, dump, rows);
            Statistics statistics = rows.isEmpty() ? Statistics.none() : statistics(snapshot, rows, values);
            return new BenchmarkDataset(name, snapshot, rows.isEmpty() ? snapshot : parsed, statistics, values,
                    edges(folder.resolve("truth.csv")), edges(folder.resolve("truth_extra.csv")), generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark dataset " + folder + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public boolean hasData() {
        return !statistics.tables().isEmpty();
    }

    /** The training examples of a level, built once. */
    synchronized List<LogisticRegression.Example> examples(StatisticsLevel level,
            java.util.function.Supplier<List<LogisticRegression.Example>> build) {
        return examples.computeIfAbsent(level, ignored -> List.copyOf(build.get()));
    }

    /** Whether the data was generated ({@link DataGenerator}) because the dataset ships a schema only. */
    public boolean generated() {
        return generated;
    }

    /** The snapshot for a level: row counts are known only when data is read. */
    public SchemaSnapshot snapshot(StatisticsLevel level) {
        return level == StatisticsLevel.METADATA ? metadataSnapshot : snapshot;
    }

    public Statistics statistics(StatisticsLevel level) {
        return level == StatisticsLevel.METADATA ? Statistics.none() : statistics;
    }

    public Set<String> truth() {
        return truth;
    }

    public Set<String> extra() {
        return extra;
    }

    /**
     * Exact containment computed from the CSV values (tuples for composite column sets); for a polymorphic
     * candidate only the rows whose discriminator column holds its value, as the database probe counts them.
     */
    public ValueProbe probe() {
        return (from, to, where) -> {
            List<List<String>> fromColumns = new ArrayList<>();
            List<List<String>> toColumns = new ArrayList<>();
            for (ColumnName column : from.columnNames()) {
                fromColumns.add(columnValues.get(column));
            }
            for (ColumnName column : to.columnNames()) {
                toColumns.add(columnValues.get(column));
            }
            List<String> partition = where.map(discriminator ->
                    columnValues.get(new ColumnName(from.table(), discriminator.column()))).orElse(null);
            if (fromColumns.contains(null) || toColumns.contains(null) || (where.isPresent() && partition == null)) {
                return Optional.empty();
            }
            Set<String> targets = new HashSet<>(tuples(toColumns, null, null));
            Set<String> distinct = new HashSet<>();
            long orphanRows = 0;
            for (String tuple : tuples(fromColumns, partition, where.map(Discriminator::value).orElse(null))) {
                distinct.add(tuple);
                if (!targets.contains(tuple)) {
                    orphanRows++;
                }
            }
            long found = distinct.stream().filter(targets::contains).count();
            return Optional.of(new Containment(distinct.size(), found, orphanRows, true));
        };
    }

    /** One tuple per row without a NULL; only the rows whose {@code partition} value is {@code value} when given. */
    private static List<String> tuples(List<List<String>> columns, List<String> partition, String value) {
        List<String> result = new ArrayList<>();
        int rows = columns.get(0).size();
        for (int row = 0; row < rows; row++) {
            if (partition != null && !value.equals(partition.get(row))) {
                continue;
            }
            StringBuilder tuple = new StringBuilder();
            boolean hasNull = false;
            for (List<String> column : columns) {
                String cell = column.get(row);
                if (cell == null) {
                    hasNull = true;
                    break;
                }
                tuple.append(cell).append('\u0001');
            }
            if (!hasNull) {
                result.add(tuple.toString());
            }
        }
        return result;
    }

    private static Set<String> edges(Path truthFile) throws IOException {
        Set<String> edges = new TreeSet<>();
        if (!Files.exists(truthFile)) {
            return edges;
        }
        List<String> lines = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            ColumnSet from = new ColumnSet(TableName.parse(fields[0]), List.of(fields[1].split("\\+")));
            ColumnSet to = new ColumnSet(TableName.parse(fields[2]), List.of(fields[3].split("\\+")));
            edges.add(from + "->" + to);
        }
        return edges;
    }

    /**
     * A schema-only dataset gets rows from {@link DataGenerator}, seeded by its name: its truth and extra edges
     * reference their parents, every other integer column is a decoy. Values become canonical as a CSV's do.
     */
    private static void generate(Path folder, String name, SchemaSnapshot parsed, Map<TableName, Long> rows,
            Map<ColumnName, List<String>> values) {
        Path extra = folder.resolve("truth_extra.csv");
        TruthSet truth = TruthSet.load(folder.resolve("truth.csv"), Files.exists(extra) ? Optional.of(extra) : Optional.empty());
        List<TruthEdge> edges = new ArrayList<>(truth.edges());
        edges.addAll(truth.extra());
        DataGenerator.GeneratedData data = DataGenerator.generate(parsed, edges, DataGenerator.seedOf(name));
        rows.putAll(data.rows());
        for (Table table : parsed.tables()) {
            for (Column column : table.columns()) {
                ColumnName columnName = table.columnName(column.name());
                List<String> canonical = new ArrayList<>();
                for (String raw : data.column(columnName)) {
                    canonical.add(raw == null ? null : canonical(Optional.of(column), raw));
                }
                values.put(columnName, canonical);
            }
        }
    }

    /** Reads one CSV into canonical values per column; returns the row count. */
    private static long readCsv(Table table, Path csv, Map<ColumnName, List<String>> values) throws IOException {
        List<List<String>> records = CsvRecords.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return 0;
        }
        List<String> header = records.get(0);
        List<List<String>> columns = new ArrayList<>();
        for (String column : header) {
            List<String> list = new ArrayList<>();
            columns.add(list);
            values.put(table.columnName(column), list);
        }
        for (List<String> record : records.subList(1, records.size())) {
            for (int i = 0; i < header.size(); i++) {
                String raw = i < record.size() ? record.get(i) : null;
                Optional<Column> column = table.column(header.get(i));
                columns.get(i).add(raw == null ? null : canonical(column, raw));
            }
        }
        return records.size() - 1L;
    }

    static String canonical(Optional<Column> column, String raw) {
        if (column.isEmpty()) {
            return raw;
        }
        TypeFamily family = column.get().type().family();
        String nativeName = column.get().type().nativeName();
        if (family == TypeFamily.BINARY && raw.startsWith("\\x")) {
            return raw.substring(2).toLowerCase(Locale.ROOT);
        }
        if (family == TypeFamily.STRING && (nativeName.startsWith("character(") || nativeName.equals("character"))) {
            return ValueText.unpadded(raw);
        }
        return ValueText.canonical(family, raw);
    }

    private static Statistics statistics(SchemaSnapshot snapshot, Map<TableName, Long> rows,
            Map<ColumnName, List<String>> values) {
        Map<TableName, TableStatistics> tables = new TreeMap<>();
        for (Table table : snapshot.tables()) {
            Long count = rows.get(table.name());
            if (count == null) {
                continue;
            }
            Map<String, ColumnStatistics> columns = new TreeMap<>();
            for (Column column : table.columns()) {
                List<String> columnValues = values.get(table.columnName(column.name()));
                if (columnValues != null) {
                    columns.put(column.name(), columnStatistics(table.columnName(column.name()), column, columnValues));
                }
            }
            tables.put(table.name(), new TableStatistics(table.name(), StatisticsOrigin.FULL, count, true, columns));
        }
        return new Statistics(StatisticsLevel.FULL, tables);
    }

    private static ColumnStatistics columnStatistics(ColumnName name, Column column, List<String> values) {
        Comparator<String> order = ValueText.order(column.type().family());
        Set<String> distinct = new LinkedHashSet<>();
        long nulls = 0;
        for (String value : values) {
            if (value == null) {
                nulls++;
            } else {
                distinct.add(value);
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        try {
            sorted.sort(order);
        } catch (NumberFormatException notNumeric) {
            sorted.sort(Comparator.naturalOrder());
        }
        ColumnStatistics.Builder builder = ColumnStatistics.builder(name, StatisticsOrigin.FULL)
                .rows(values.size()).nulls(nulls).distinct(DistinctCount.exact(sorted.size()));
        if (!sorted.isEmpty()) {
            builder.min(sorted.get(0)).max(sorted.get(sorted.size() - 1));
        }
        if (sorted.size() <= VALUE_LIST_LIMIT) {
            builder.values(sorted);
        }
        builder.sketch(ValueSketches.of(sorted, ValueSketches.DEFAULT_LG_K).toByteArray());
        return builder.build();
    }
}
