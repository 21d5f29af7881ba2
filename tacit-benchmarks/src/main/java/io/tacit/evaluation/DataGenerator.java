package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.Key;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Fills a schema with rows from its truth edges, so that a schema-only benchmark can be measured with data. The
 * data is made to be hard in the ways real application data is:
 *
 * <ul>
 *   <li>each reference column draws its parent's key values with a Zipf-like skew over a shuffled parent order,
 *       so a few parents are popular and many have no child at all;
 *   <li>0–2 % orphan rows per edge (values no parent holds), NULLs in nullable reference columns, and {@code 0}
 *       sentinels where a NOT NULL reference column defaults to 0;
 *   <li>integer, string, uuid and composite keys keep their declared type and uniqueness;
 *   <li>every other integer column is a decoy whose values lie inside some parent's id range: flags 0/1,
 *       counts, sort orders, lengths and codes, chosen from the column's name; columns named like a reference
 *       that the truth does not list get ids of some range too.
 * </ul>
 *
 * <p>Deterministic: each table draws from a generator seeded by the dataset seed and the table's name, so the
 * same schema, truth and seed give the same values whatever else changes. Values are PostgreSQL text forms (as
 * {@code COPY ... (FORMAT csv)} reads them); {@code null} is SQL NULL.
 */
public final class DataGenerator {
    /** The fewest and most rows of a table no edge points at; a referenced table gets fewer (see {@link #rowCount}). */
    static final int MIN_ROWS = 40;
    static final int MAX_ROWS = 1_200;
    /** The most orphan rows of an edge, as a share of its rows. */
    static final double MAX_ORPHANS = 0.02;

    private static final Pattern FLAG = Pattern.compile(
            "^(is|has|can|use|allow|show)_.*|.*(flag|flags|enabled|disabled|deleted|hidden|active|visible|locked|"
                    + "default|public|private|readonly|required|internal|system|status|state|type|kind|mode)$");
    private static final Pattern COUNT = Pattern.compile(
            ".*(count|cnt|num|nr|number|total|qty|quantity|amount|size|len|length|width|height|bytes|attempts|"
                    + "retries|hits|views|children|items|score|votes|version|weight)s?$|^(num|nr|n)_.*");
    private static final Pattern ORDER = Pattern.compile(
            ".*(sort|sortorder|sort_order|order|ordering|position|pos|rank|seq|sequence|idx|index|priority|level|"
                    + "depth|step|row|col|line|page)(_?no|_?num)?$");
    private static final Pattern TIME = Pattern.compile(
            ".*(clock|time|timestamp|date|created|updated|modified|expires|expiry|since|until|at|ts|epoch|lastlogin|"
                    + "last_seen|started|ended|finished)$");
    private static final Pattern REFERENCE_LIKE = Pattern.compile(".*(_id|id|_ref|_key|_fk)$");
    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};

    /** Generated rows: per table its row count, per column its values in row order. */
    public record GeneratedData(Map<TableName, Long> rows, Map<ColumnName, List<String>> values) {
        public GeneratedData {
            rows = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(rows, "rows is null")));
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        }

        /** The values of one column, in row order. */
        public List<String> column(ColumnName column) {
            return values.getOrDefault(column, List.of());
        }

        /**
         * Writes one CSV per table into {@code folder} as the shared benchmarks ship them ({@code table.csv}, or
         * {@code schema.table.csv} outside {@code public}): a header, every value quoted, NULL an empty unquoted
         * field — what {@code COPY ... (FORMAT csv, HEADER)} and the trainer read.
         */
        public void writeCsv(SchemaSnapshot snapshot, java.nio.file.Path folder) {
            requireNonNull(folder, "folder is null");
            for (Table table : snapshot.tables()) {
                Long count = rows.get(table.name());
                if (count == null) {
                    continue;
                }
                StringBuilder out = new StringBuilder();
                List<List<String>> columns = new ArrayList<>();
                for (Column column : table.columns()) {
                    out.append(columns.isEmpty() ? "" : ",").append(quoted(column.name()));
                    columns.add(column(table.columnName(column.name())));
                }
                out.append('\n');
                for (int row = 0; row < count; row++) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = columns.get(i).get(row);
                        out.append(i == 0 ? "" : ",").append(value == null ? "" : quoted(value));
                    }
                    out.append('\n');
                }
                String file = table.name().schema().equals("public") ? table.name().table() + ".csv"
                        : table.name().schema() + "." + table.name().table() + ".csv";
                io.tacit.output.AtomicFile.write(folder.resolve(file), out.toString());
            }
        }

        private static String quoted(String value) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    /** One reference to fill: the child's columns take the parent's key tuples. */
    private record Edge(ColumnSet from, ColumnSet to) {
    }

    private final SchemaSnapshot snapshot;
    private final long seed;
    private final Map<TableName, Table> tables = new TreeMap<>();
    /** Edges by child table, composite ones first so their columns are filled as tuples. */
    private final Map<TableName, List<Edge>> edgesByChild = new TreeMap<>();
    private final Map<TableName, Integer> plannedRows = new TreeMap<>();
    private final Map<ColumnName, List<String>> values = new HashMap<>();
    private final Map<TableName, Long> rowCounts = new TreeMap<>();
    private final List<Deferred> deferred = new ArrayList<>();

    private DataGenerator(SchemaSnapshot snapshot, List<TruthEdge> edges, long seed) {
        this.snapshot = snapshot;
        this.seed = seed;
        for (Table table : snapshot.tables()) {
            tables.put(table.name(), table);
        }
        Set<String> seen = new HashSet<>();
        for (TruthEdge edge : edges) {
            if (tables.containsKey(edge.from().table()) && tables.containsKey(edge.to().table())
                    && seen.add(edge.from() + "->" + edge.to())) {
                edgesByChild.computeIfAbsent(edge.from().table(), ignored -> new ArrayList<>())
                        .add(new Edge(edge.from(), edge.to()));
            }
        }
        for (List<Edge> list : edgesByChild.values()) {
            list.sort(Comparator.comparingInt((Edge edge) -> -edge.from().columns().size())
                    .thenComparing(edge -> edge.from() + "->" + edge.to()));
        }
    }

    /**
     * Rows for every table of {@code snapshot}: the columns of {@code edges} (truth and extra edges alike) reference
     * their parents. The same arguments give the same data.
     */
    public static GeneratedData generate(SchemaSnapshot snapshot, List<TruthEdge> edges, long seed) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(edges, "edges is null");
        DataGenerator generator = new DataGenerator(snapshot, edges, seed);
        generator.run();
        Map<ColumnName, List<String>> ordered = new LinkedHashMap<>();
        for (Table table : generator.tables.values()) {
            for (Column column : table.columns()) {
                ColumnName name = table.columnName(column.name());
                ordered.put(name, java.util.Collections.unmodifiableList(generator.values.get(name)));
            }
        }
        return new GeneratedData(generator.rowCounts, ordered);
    }

    /** A seed from a dataset's name that does not depend on the JVM (String.hashCode is specified, but short). */
    public static long seedOf(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private void run() {
        Map<TableName, Integer> referenced = new TreeMap<>();
        for (List<Edge> list : edgesByChild.values()) {
            for (Edge edge : list) {
                if (!edge.to().table().equals(edge.from().table())) {
                    referenced.merge(edge.to().table(), 1, Integer::sum);
                }
            }
        }
        for (Table table : tables.values()) {
            plannedRows.put(table.name(), rowCount(random(table.name(), "rows"), referenced.getOrDefault(table.name(), 0)));
        }
        for (TableName table : order()) {
            fill(tables.get(table));
        }
        for (Deferred late : deferred) {
            refill(late);
        }
    }

    /** An edge whose parent was not filled yet when its child was: drawn again once every table is filled. */
    private record Deferred(Table table, Edge edge, List<Integer> positions, boolean uniqueChild) {
    }

    private void refill(Deferred late) {
        SplittableRandom random = random(late.table().name(), "late " + late.edge().from());
        List<Column> columns = late.table().columns();
        ReferenceSource reference = new ReferenceSource(late.edge(), late.positions(), columns, late.uniqueChild(), random);
        if (!reference.ready()) {
            return;
        }
        List<List<String>> output = new ArrayList<>();
        for (int position : late.positions()) {
            output.add(values.get(late.table().columnName(columns.get(position).name())));
        }
        String[] row = new String[columns.size()];
        Set<List<String>> seen = new HashSet<>();
        for (int index = 0; index < output.get(0).size(); index++) {
            List<String> tuple = new ArrayList<>();
            for (int attempt = 0; attempt < 8; attempt++) {
                reference.draw(random, index, row);
                tuple.clear();
                for (int position : late.positions()) {
                    tuple.add(row[position]);
                }
                if (!late.uniqueChild() || tuple.contains(null) || !seen.contains(tuple)) {
                    break;
                }
            }
            if (late.uniqueChild() && !tuple.contains(null) && !seen.add(tuple)) {
                continue;
            }
            for (int i = 0; i < late.positions().size(); i++) {
                output.get(i).set(index, row[late.positions().get(i)]);
            }
        }
    }

    /** Parents before children (depth-first over the edges, a cycle broken where it closes), then by name. */
    private List<TableName> order() {
        List<TableName> order = new ArrayList<>();
        Set<TableName> visited = new HashSet<>();
        for (TableName table : tables.keySet()) {
            visit(table, visited, order);
        }
        return order;
    }

    private void visit(TableName table, Set<TableName> visited, List<TableName> order) {
        if (!visited.add(table)) {
            return;
        }
        for (Edge edge : edgesByChild.getOrDefault(table, List.of())) {
            visit(edge.to().table(), visited, order);
        }
        order.add(table);
    }

    /**
     * A table no edge points at holds many rows; one that many tables reference is a lookup or an owner and
     * holds fewer, so its children repeat its ids.
     */
    static int rowCount(SplittableRandom random, int referencedBy) {
        if (referencedBy == 0) {
            return MIN_ROWS * 2 + random.nextInt(MAX_ROWS - MIN_ROWS * 2);
        }
        // a table many reference is an owner (hosts, users) more often than a lookup: a few hundred rows still
        int upper = Math.max(MIN_ROWS, MAX_ROWS / (2 + referencedBy / 4));
        return 12 + random.nextInt(Math.max(1, upper - 12));
    }

    private SplittableRandom random(TableName table, String purpose) {
        return new SplittableRandom(seed ^ seedOf(table.qualified() + "/" + purpose));
    }

    /** Fills one table row by row: keys unique, reference columns from their parents, the rest by name and type. */
    private void fill(Table table) {
        SplittableRandom random = random(table.name(), "values");
        int planned = plannedRows.get(table.name());
        List<Column> columns = table.columns();
        List<ColumnSource> sources = new ArrayList<>(columns.size());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
            sources.add(null);
        }
        for (Edge edge : edgesByChild.getOrDefault(table.name(), List.of())) {
            List<Integer> at = new ArrayList<>();
            for (String column : edge.from().columns()) {
                Integer position = positions.get(column);
                if (position == null || sources.get(position) != null) {
                    at = null;
                    break;
                }
                at.add(position);
            }
            if (at == null) {
                continue;
            }
            boolean uniqueChild = table.isDeclaredUnique(edge.from().columns());
            ReferenceSource reference = new ReferenceSource(edge, at, columns, uniqueChild, random);
            for (int position : at) {
                sources.set(position, reference);
            }
            if (!reference.ready()) {
                deferred.add(new Deferred(table, edge, at, uniqueChild));
            }
        }
        Set<String> keyColumns = new HashSet<>();
        table.allKeys().forEach(key -> keyColumns.addAll(key.columns()));
        for (int i = 0; i < columns.size(); i++) {
            if (sources.get(i) == null) {
                Column column = columns.get(i);
                boolean ownKey = table.primaryKey().map(key -> key.columns().equals(List.of(column.name()))).orElse(false);
                sources.set(i, ValueSource.of(column, i, ownKey, keyColumns.contains(column.name()), random, planned));
            }
        }
        List<ColumnSource> draws = List.copyOf(new java.util.LinkedHashSet<>(sources));
        List<List<String>> output = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            output.add(new ArrayList<>(planned));
        }
        List<Key> keys = table.allKeys();
        List<Set<List<String>>> seenKeys = new ArrayList<>();
        keys.forEach(key -> seenKeys.add(new HashSet<>()));
        String[] row = new String[columns.size()];
        for (int index = 0; index < planned; index++) {
            boolean placed = false;
            for (int attempt = 0; attempt < 8 && !placed; attempt++) {
                for (ColumnSource source : draws) {
                    source.draw(random, index, row);
                }
                placed = unique(table, keys, seenKeys, positions, row);
            }
            if (placed) {
                for (int i = 0; i < row.length; i++) {
                    output.get(i).add(row[i]);
                }
                for (ColumnSource source : draws) {
                    source.kept(output.get(0).size());
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            values.put(table.columnName(columns.get(i).name()), output.get(i));
        }
        rowCounts.put(table.name(), (long) output.get(0).size());
    }

    /** Whether the row's key tuples are new (a tuple with a NULL never collides); records them when so. */
    private static boolean unique(Table table, List<Key> keys, List<Set<List<String>>> seen, Map<String, Integer> positions,
            String[] row) {
        List<List<String>> tuples = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            List<String> tuple = new ArrayList<>(keys.get(k).columns().size());
            boolean hasNull = false;
            for (String column : keys.get(k).columns()) {
                Integer position = positions.get(column);
                String value = position == null ? null : row[position];
                hasNull |= value == null;
                tuple.add(value);
            }
            if (!hasNull && seen.get(k).contains(tuple)) {
                return false;
            }
            tuples.add(hasNull ? null : tuple);
        }
        for (int k = 0; k < keys.size(); k++) {
            if (tuples.get(k) != null) {
                seen.get(k).add(tuples.get(k));
            }
        }
        return true;
    }

    /** Where the values of one or more columns come from; draws them into {@code row}. */
    private interface ColumnSource {
        void draw(SplittableRandom random, int index, String[] row);

        /** The last drawn row was kept; {@code rows} are kept so far. */
        default void kept(int rows) {
        }
    }

    /**
     * The columns of one edge: a parent's key tuple, picked with a Zipf-like skew over a shuffled order of the
     * parents; now and then an orphan, a NULL (nullable columns) or a 0 (NOT NULL columns that default to 0).
     */
    private final class ReferenceSource implements ColumnSource {
        private final List<Integer> positions;
        private final List<String[]> parents = new ArrayList<>();
        private final double orphans;
        /** Per column of the edge, the values of the deleted parents orphan rows point at. */
        private final List<List<String>> deleted = new ArrayList<>();
        private final double nulls;
        private final double zeros;
        private final double skew;
        /** How many of the shuffled parents children pick: the rest have none. */
        private final int popular;
        private final List<Column> columns;
        private boolean lastOrphan;
        private int keptOrphans;
        private int keptRows;

        ReferenceSource(Edge edge, List<Integer> positions, List<Column> childColumns, boolean uniqueChild,
                SplittableRandom random) {
            this.positions = positions;
            this.columns = positions.stream().map(childColumns::get).toList();
            Table parent = tables.get(edge.to().table());
            List<List<String>> parentColumns = new ArrayList<>();
            for (String column : edge.to().columns()) {
                parentColumns.add(values.get(parent.columnName(column)));
            }
            if (!parentColumns.contains(null)) {
                Set<List<String>> distinct = new java.util.LinkedHashSet<>();
                for (int row = 0; row < parentColumns.get(0).size(); row++) {
                    List<String> tuple = new ArrayList<>();
                    for (List<String> column : parentColumns) {
                        tuple.add(column.get(row));
                    }
                    if (!tuple.contains(null)) {
                        distinct.add(tuple);
                    }
                }
                distinct.forEach(tuple -> parents.add(tuple.toArray(String[]::new)));
                // popularity follows a shuffled order, not the ids: the most referenced parent is any parent
                for (int i = parents.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    String[] swap = parents.get(i);
                    parents.set(i, parents.get(j));
                    parents.set(j, swap);
                }
            }
            this.orphans = random.nextDouble() * MAX_ORPHANS;
            // the same number of deleted parents in every column: a composite orphan is one tuple
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < positions.size(); i++) {
                deleted.add(DataGenerator.deleted(columns, random, parents, i, count));
            }
            boolean nullable = columns.stream().allMatch(Column::nullable);
            this.nulls = nullable ? random.nextDouble() * 0.5 : 0;
            boolean zeroDefault = columns.size() == 1 && !columns.get(0).nullable()
                    && columns.get(0).defaultValue().map(DataGenerator::isZero).orElse(false);
            this.zeros = zeroDefault ? 0.05 + random.nextDouble() * 0.3 : 0;
            // a child whose reference is its key (an extension, a link row) takes each parent at most once: no skew
            this.skew = uniqueChild ? 1.0 : 1.2 + random.nextDouble() * 2.3;
            double childless = uniqueChild ? 0 : 0.05 + random.nextDouble() * 0.35;
            this.popular = Math.max(1, (int) Math.round(parents.size() * (1 - childless)));
        }

        boolean ready() {
            return !parents.isEmpty();
        }

        /**
         * Orphans are counted against the rows kept: a row whose key repeats is drawn again, and an orphan (a fresh
         * value) rarely repeats, so without the count a saturated link table would keep mostly orphans.
         */
        @Override
        public void kept(int rows) {
            keptRows = rows;
            if (lastOrphan) {
                keptOrphans++;
            }
        }

        @Override
        public void draw(SplittableRandom random, int index, String[] row) {
            if (parents.isEmpty()) {
                // the parent is filled later (a cycle, a self reference): a placeholder the deferred pass replaces
                for (int i = 0; i < positions.size(); i++) {
                    row[positions.get(i)] = fallback(columns.get(i), random, index);
                }
                return;
            }
            double roll = random.nextDouble();
            if (roll < nulls) {
                positions.forEach(position -> row[position] = null);
                return;
            }
            roll -= nulls;
            if (roll < zeros) {
                row[positions.get(0)] = "0";
                return;
            }
            roll -= zeros;
            lastOrphan = false;
            if (roll < orphans && keptOrphans + 1 <= orphans * (keptRows + 1)) {
                lastOrphan = true;
                int which = random.nextInt(deleted.get(0).size());
                for (int i = 0; i < positions.size(); i++) {
                    row[positions.get(i)] = deleted.get(i).get(which);
                }
                return;
            }
            int pick = (int) Math.floor(popular * Math.pow(random.nextDouble(), skew));
            String[] tuple = parents.get(Math.min(pick, popular - 1));
            for (int i = 0; i < positions.size(); i++) {
                row[positions.get(i)] = tuple[i];
            }
        }

        private String fallback(Column column, SplittableRandom random, int index) {
            return ValueSource.of(column, 0, false, false, random, 10).value(random, index);
        }
    }

    /**
     * The values orphans take: one to three ids of deleted parents (past the largest integer id, or fresh uuids and
     * strings), so orphan rows repeat a few values as rows left behind by a deleted parent do.
     */
    private static List<String> deleted(List<Column> columns, SplittableRandom random, List<String[]> parents, int part,
            int count) {
        Column column = columns.get(part);
        long largest = 0;
        boolean numeric = !parents.isEmpty();
        for (String[] tuple : parents) {
            try {
                largest = Math.max(largest, Long.parseLong(tuple[part]));
            } catch (NumberFormatException notInteger) {
                numeric = false;
                break;
            }
        }
        boolean uuid = column.type().family() == TypeFamily.UUID || (!parents.isEmpty() && parents.get(0)[part].length() == 36
                && parents.get(0)[part].charAt(8) == '-');
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (numeric) {
                values.add(Long.toString(largest + 1 + random.nextInt(50)));
            } else if (uuid) {
                values.add(uuid(random));
            } else {
                values.add("gone-" + Long.toString(random.nextLong() & 0xffffffL, 36));
            }
        }
        return values;
    }

    private static boolean isZero(String expression) {
        String trimmed = expression.trim().replace("'", "").replaceAll("::[a-z ]+$", "").trim();
        return trimmed.equals("0");
    }

    static String uuid(SplittableRandom random) {
        return new java.util.UUID((random.nextLong() & ~0xf000L) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
    }

    /** One column that references nothing: its values come from its type, its name and whether it is a key. */
    private abstract static class ValueSource implements ColumnSource {
        private final int position;
        final double nulls;

        ValueSource(int position, double nulls) {
            this.position = position;
            this.nulls = nulls;
        }

        static ValueSource of(Column column, int position, boolean ownKey, boolean partOfKey, SplittableRandom random,
                int planned) {
            double nulls = column.nullable() && !partOfKey ? random.nextDouble() * 0.3 : 0;
            String name = column.name().toLowerCase(Locale.ROOT);
            TypeFamily family = column.type().family();
            if (family == TypeFamily.INTEGER || family == TypeFamily.DECIMAL && column.type().nativeName().matches(".*\\(\\d+(,\\s*0)?\\)")) {
                if (ownKey || partOfKey) {
                    long start = random.nextInt(4) == 0 ? 1 + random.nextInt(5_000) : 1;
                    int gaps = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 1;
                    return new Sequence(position, start, gaps, random, partOfKey && !ownKey ? planned : 0);
                }
                return Decoy.of(position, nulls, name, column, random, planned);
            }
            return new Typed(position, nulls, column, ownKey || partOfKey, name);
        }

        abstract String value(SplittableRandom random, int index);

        @Override
        public void draw(SplittableRandom random, int index, String[] row) {
            row[position] = nulls > 0 && random.nextDouble() < nulls ? null : value(random, index);
        }
    }

    /** Integer ids: a start and gaps (deleted rows); a column of a composite key repeats a small range. */
    private static final class Sequence extends ValueSource {
        private final long start;
        private final int gaps;
        private final SplittableRandom random;
        private final int repeatRange;

        Sequence(int position, long start, int gaps, SplittableRandom random, int repeatRange) {
            super(position, 0);
            this.start = start;
            this.gaps = gaps;
            this.random = random.split();
            this.repeatRange = repeatRange;
        }

        @Override
        String value(SplittableRandom ignored, int index) {
            if (repeatRange > 0) {
                return Long.toString(start + random.nextInt(Math.max(2, repeatRange)));
            }
            return Long.toString(start + (long) index * gaps + (gaps > 1 ? random.nextInt(gaps) : 0));
        }
    }

    /**
     * An integer that references nothing but looks like ids to containment: flags, counts, sort orders, codes,
     * times, and columns named like references the truth does not list. All but times lie inside a small
     * 1..N range.
     */
    private static final class Decoy extends ValueSource {
        private final int kind;
        private final int range;
        private final double zeros;
        private final double skew;
        private final long base;

        private Decoy(int position, double nulls, int kind, int range, double zeros, double skew, long base) {
            super(position, nulls);
            this.kind = kind;
            this.range = range;
            this.zeros = zeros;
            this.skew = skew;
            this.base = base;
        }

        static Decoy of(int position, double nulls, String name, Column column, SplittableRandom random, int planned) {
            boolean zeroDefault = column.defaultValue().map(DataGenerator::isZero).orElse(false);
            double zeros = zeroDefault ? 0.2 + random.nextDouble() * 0.5 : 0;
            String nativeName = column.type().nativeName().toLowerCase(Locale.ROOT);
            if (nativeName.startsWith("smallint") && zeroDefault && random.nextBoolean()
                    || FLAG.matcher(name).matches()) {
                // flags, states and types: 0/1 or a handful of small codes
                int range = name.endsWith("type") || name.endsWith("status") || name.endsWith("state")
                        || name.endsWith("kind") || name.endsWith("mode") ? 3 + random.nextInt(8) : 2;
                return new Decoy(position, nulls, 0, range, zeros, 1.0, 0);
            }
            if (TIME.matcher(name).matches() && !REFERENCE_LIKE.matcher(name).matches()) {
                return new Decoy(position, nulls, 1, 86_400 * 365, zeros, 1.0, 1_600_000_000L);
            }
            if (COUNT.matcher(name).matches()) {
                return new Decoy(position, nulls, 0, 5 + random.nextInt(120), zeros, 1.5 + random.nextDouble() * 2, 0);
            }
            if (ORDER.matcher(name).matches()) {
                return new Decoy(position, nulls, 0, 3 + random.nextInt(60), zeros, 1.0, random.nextInt(2));
            }
            if (REFERENCE_LIKE.matcher(name).matches()) {
                // an id of something outside the schema (or of a table the truth does not link): a range like any id
                return new Decoy(position, nulls, 0, 20 + random.nextInt(Math.max(20, planned * 2)), zeros, 1.0, 1);
            }
            // a code or a measure: a few values or a few hundred
            return new Decoy(position, nulls, 0, random.nextBoolean() ? 2 + random.nextInt(12) : 20 + random.nextInt(500),
                    zeros, 1.0 + random.nextDouble(), random.nextInt(2));
        }

        @Override
        String value(SplittableRandom random, int index) {
            if (zeros > 0 && random.nextDouble() < zeros) {
                return "0";
            }
            if (kind == 1) {
                return Long.toString(base + random.nextInt(range));
            }
            return Long.toString(base + (long) Math.floor(range * Math.pow(random.nextDouble(), skew)));
        }
    }

    /** Every other type: text forms PostgreSQL reads back; a key column's values are unique by construction. */
    private static final class Typed extends ValueSource {
        private final Column column;
        private final boolean key;
        private final String name;

        Typed(int position, double nulls, Column column, boolean key, String name) {
            super(position, nulls);
            this.column = column;
            this.key = key;
            this.name = name;
        }

        @Override
        String value(SplittableRandom random, int index) {
            int size = column.type().size();
            switch (column.type().family()) {
                case UUID:
                    return uuid(random);
                case STRING:
                    if (name.contains("uuid") || name.contains("guid") || size == 36) {
                        return uuid(random);
                    }
                    String text = key ? name.replaceAll("[^a-z]", "") + "-" + Long.toString(index + 1L, 36)
                            + Long.toString(random.nextInt(1_296), 36)
                            : WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(1_000));
                    if (key && size > 0 && size < text.length()) {
                        text = Long.toString(index + 1L, 36) + Long.toString(random.nextInt(1_296), 36);
                    }
                    return size > 0 && text.length() > size ? text.substring(0, size) : text;
                case BOOLEAN:
                    return random.nextBoolean() ? "t" : "f";
                case DECIMAL:
                case FLOAT:
                    return String.format(Locale.ROOT, "%.2f", random.nextDouble() * 1_000);
                case DATE:
                    return java.time.LocalDate.ofEpochDay(18_000 + random.nextInt(2_000)).toString();
                case TIMESTAMP:
                    return java.time.LocalDateTime.ofEpochSecond(1_550_000_000L + random.nextInt(200_000_000), 0,
                            java.time.ZoneOffset.UTC).toString().replace('T', ' ');
                case TIME:
                    return String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60),
                            random.nextInt(60));
                case BINARY:
                    return "\\x" + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
                case JSON:
                    return "{\"n\": " + random.nextInt(100) + "}";
                case ARRAY:
                    return "{}";
                default:
                    return key ? Long.toString(index + 1L) : null;
            }
        }
    }
}
