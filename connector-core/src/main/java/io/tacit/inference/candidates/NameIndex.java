package io.tacit.inference.candidates;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Key;
import io.tacit.model.Statistics;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.statistics.LongHashSet;
import io.tacit.model.SchemaSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Indexes of a snapshot's referencable keys by normalised name, so that each column looks up its possible
 * targets in a few hash probes instead of being compared with every key (never all pairs).
 */
public final class NameIndex {
    /** Leading table-name words that are conventions rather than meaning ({@code tbl_customer}). */
    private static final Set<String> TABLE_PREFIXES = Set.of(
            "tbl", "tb", "t", "tab", "dim", "fact", "ref", "lkp", "lu", "lookup", "stg", "mst", "app");

    private final Map<TableName, TableFacts> facts = new LinkedHashMap<>();
    private final Map<String, List<TableName>> byAlias = new HashMap<>();
    /**
     * Proper beginnings of aliases (3 characters or more) → the tables whose alias goes on from there, at most
     * {@link #CONTINUING_LIMIT} + 1 of them ({@link #tablesContinuing}): one hash probe per lookup, where a
     * sorted map of the aliases walked a path of nodes that grows with the schema.
     */
    private final Map<String, List<TableName>> byBeginning = new HashMap<>();
    private final Map<String, List<ColumnName>> byKeyName = new HashMap<>();
    /**
     * The hash codes of the aliases and of the key names, asked before a name is built: most names a column tries
     * (completed by its table's words, its tails and substrings) name nothing, and a few kilobytes of hash codes
     * answer that without building them ({@link Names#compactHash}). A hash found may belong to another name: the
     * map lookup that follows decides.
     */
    private final LongHashSet aliasHashes = new LongHashSet();
    private final LongHashSet keyNameHashes = new LongHashSet();
    private final Map<String, List<TableName>> byExactName = new HashMap<>();
    private final Map<String, List<KeyMember>> byKeyMember = new HashMap<>();
    /** Compact (prefix-stripped) column name → how many tables have a column of that name. */
    private final Map<String, Integer> columnTables = new HashMap<>();

    /** A key name or composite key shape found in this many tables is a convention, not a reference target. */
    static final int REPEATED = 4;

    /** One column of a composite key. */
    public record KeyMember(TableName table, Key key, int position) {
    }

    public NameIndex(SchemaSnapshot snapshot, Statistics statistics) {
        Set<String> frequentPrefixes = frequentShortPrefixes(snapshot);
        NamespacePrefixes namespaces = NamespacePrefixes.of(snapshot.tables());
        Map<String, Integer> signatures = new HashMap<>();
        // each table described once: the three passes below share it
        List<TableFacts> described = new ArrayList<>();
        for (Table table : snapshot.tables()) {
            if (!table.kind().isView()) {
                TableFacts draft = describe(table, statistics, frequentPrefixes, namespaces);
                described.add(draft);
                for (Key key : table.allKeys()) {
                    if (!key.isSingleColumn()) {
                        signatures.merge(signature(draft, key), 1, Integer::sum);
                    }
                }
                table.columns().stream().map(column -> Names.compact(draft.strippedTokens(column.name()))).distinct()
                        .forEach(name -> columnTables.merge(name, 1, Integer::sum));
            }
        }
        Set<String> repeatedSignatures = new java.util.HashSet<>();
        signatures.forEach((signature, count) -> {
            if (count >= REPEATED) {
                repeatedSignatures.add(signature);
            }
        });
        for (TableFacts tableFacts : described) {
            Table table = tableFacts.table();
            facts.put(table.name(), tableFacts);
            if (!isTargetTable(table)) {
                continue;
            }
            for (String alias : tableFacts.aliases()) {
                if (alias.isEmpty()) {
                    continue;
                }
                byAlias.computeIfAbsent(alias, ignored -> new ArrayList<>()).add(table.name());
                indexBeginnings(alias, table.name());
            }
            byExactName.computeIfAbsent(Names.compact(table.name().table()), ignored -> new ArrayList<>())
                    .add(table.name());
            for (String key : tableFacts.singleKeys()) {
                String name = Names.compact(tableFacts.strippedTokens(key));
                if (!Names.GENERIC_KEY_NAMES.contains(name) && !name.isEmpty()) {
                    byKeyName.computeIfAbsent(name, ignored -> new ArrayList<>()).add(table.columnName(key));
                }
            }
            for (Key key : table.allKeys()) {
                if (key.isSingleColumn() || repeatedSignatures.contains(signature(tableFacts, key))) {
                    continue;
                }
                for (int i = 0; i < key.columns().size(); i++) {
                    String name = Names.compact(tableFacts.strippedTokens(key.columns().get(i)));
                    byKeyMember.computeIfAbsent(name, ignored -> new ArrayList<>())
                            .add(new KeyMember(table.name(), key, i));
                }
            }
        }
        pruneRepeatedKeyNames();
        byAlias.keySet().forEach(alias -> aliasHashes.add(alias.hashCode()));
        byKeyName.keySet().forEach(name -> keyNameHashes.add(name.hashCode()));
    }

    /**
     * Drops key names that are keys of many tables without naming any of them ({@code gid}, {@code uuid}):
     * such columns are each table's own identifier, not a reference to one of the others.
     */
    private void pruneRepeatedKeyNames() {
        byKeyName.entrySet().removeIf(entry -> {
            long tables = entry.getValue().stream().map(ColumnName::table).distinct().count();
            if (tables < REPEATED) {
                return isPerRowColumn(entry.getKey(), entry.getValue());
            }
            for (ColumnName key : entry.getValue()) {
                TableFacts owner = facts.get(key.table());
                List<String> tokens = owner.strippedTokens(key.column());
                String stem = tokens.size() >= 2 ? Names.compact(tokens.subList(0, tokens.size() - 1))
                        : CandidateGenerator.stem(tokens).map(Names::compact).orElse("");
                if (!stem.isEmpty() && owner.aliases().contains(stem)) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * A column name found in many tables but a primary key in none and naming no table ({@code rowguid},
     * {@code uuid}, {@code modified_date}): a per-row attribute every table carries, unique where one table
     * declares it so, not a reference from all the others to that table.
     */
    private boolean isPerRowColumn(String name, List<ColumnName> keys) {
        if (columnTables.getOrDefault(name, 0) < 2 * REPEATED || byAlias.containsKey(name)) {
            return false;
        }
        for (ColumnName key : keys) {
            TableFacts owner = facts.get(key.table());
            boolean primary = owner.table().primaryKey()
                    .map(pk -> pk.columns().size() == 1 && pk.columns().get(0).equals(key.column())).orElse(false);
            List<String> tokens = owner.strippedTokens(key.column());
            String stem = tokens.size() >= 2 ? Names.compact(tokens.subList(0, tokens.size() - 1))
                    : CandidateGenerator.stem(tokens).map(Names::compact).orElse("");
            if (primary || !stem.isEmpty() && (owner.aliases().contains(stem) || byAlias.containsKey(stem))) {
                return false;
            }
        }
        return true;
    }

    private static String signature(TableFacts facts, Key key) {
        return key.columns().stream().map(column -> Names.compact(facts.strippedTokens(column))).sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Partitions and inheritance children are reached through their parent, never referenced themselves. */
    public static boolean isTargetTable(Table table) {
        return !table.kind().isView() && table.parent().isEmpty();
    }

    public Optional<TableFacts> facts(TableName table) {
        return Optional.ofNullable(facts.get(table));
    }

    public Map<TableName, TableFacts> allFacts() {
        return facts;
    }

    public List<TableName> tablesByAlias(String compactAlias) {
        return byAlias.getOrDefault(compactAlias, List.of());
    }

    /** {@link #tablesByAlias(String)} of the compact form of {@code tokens}, built only when a table may go by it. */
    public List<TableName> tablesByAlias(List<String> tokens) {
        return aliasHashes.contains(Names.compactHash(tokens)) ? tablesByAlias(Names.compact(tokens)) : List.of();
    }

    /** {@link #tablesByAlias(String)} of {@code compact} followed by the compact form of {@code tokens}. */
    public List<TableName> tablesByAlias(List<String> first, List<String> second) {
        if (!aliasHashes.contains(Names.compactHash(first, second))) {
            return List.of();
        }
        return tablesByAlias(Names.compact(first) + Names.compact(second));
    }

    /** {@link #tablesByAlias(String)} of {@code name.substring(start)}, cut only when a table may go by it. */
    public List<TableName> tablesByAliasFrom(String name, int start) {
        return aliasHashes.contains(Names.hashFrom(name, start)) ? tablesByAlias(name.substring(start)) : List.of();
    }

    /** {@link #keysByName(String)} of the compact form of {@code tokens}, built only when a key may have it. */
    public List<ColumnName> keysByName(List<String> tokens) {
        return keyNameHashes.contains(Names.compactHash(tokens)) ? keysByName(Names.compact(tokens)) : List.of();
    }

    /** {@link #keysByName(String)} of {@code name.substring(start)}, cut only when a key may have it. */
    public List<ColumnName> keysByNameFrom(String name, int start) {
        return keyNameHashes.contains(Names.hashFrom(name, start)) ? keysByName(name.substring(start)) : List.of();
    }

    public List<ColumnName> keysByName(String compactName) {
        return byKeyName.getOrDefault(compactName, List.of());
    }

    public List<TableName> tablesByExactName(String compactName) {
        return byExactName.getOrDefault(compactName, List.of());
    }

    public List<KeyMember> keyMembers(String compactName) {
        return byKeyMember.getOrDefault(compactName, List.of());
    }

    /**
     * The tables with an alias that begins with {@code beginning} and goes on ({@code cust} →
     * {@code customer}); after a beginning that ends in a digit, only with something else than a digit
     * ({@code region3} → {@code region3north}, never {@code region30}: a number is not cut short). Empty when
     * more than {@link #CONTINUING_LIMIT} tables do (too ambiguous to mean any one) and for beginnings shorter
     * than {@link #SHORTEST_BEGINNING} characters.
     */
    public List<TableName> tablesContinuing(String beginning) {
        List<TableName> tables = byBeginning.get(beginning);
        return tables == null || tables.size() > CONTINUING_LIMIT ? List.of() : tables;
    }

    /** The most tables one beginning of a name may stand for ({@link #tablesContinuing}). */
    public static final int CONTINUING_LIMIT = 6;
    /** The shortest beginning of a name that stands for a table ({@link #tablesContinuing}). */
    public static final int SHORTEST_BEGINNING = 3;

    private void indexBeginnings(String alias, TableName table) {
        for (int length = SHORTEST_BEGINNING; length < alias.length(); length++) {
            char next = alias.charAt(length);
            if (Character.isDigit(alias.charAt(length - 1)) && next >= '0' && next <= '9') {
                continue;
            }
            List<TableName> tables = byBeginning.computeIfAbsent(alias.substring(0, length), ignored -> new ArrayList<>(2));
            if (tables.size() <= CONTINUING_LIMIT && !tables.contains(table)) {
                tables.add(table);
            }
        }
    }

    private static TableFacts describe(Table table, Statistics statistics, Set<String> frequentPrefixes,
            NamespacePrefixes namespaces) {
        Optional<String> columnPrefix = columnPrefix(table);
        List<String> tokens = Names.tokens(table.name().table());
        List<String> aliases = new ArrayList<>(Names.inflections(tokens));
        if (tokens.size() >= 2 && (TABLE_PREFIXES.contains(tokens.get(0)) || frequentPrefixes.contains(tokens.get(0)))) {
            for (String alias : Names.inflections(tokens.subList(1, tokens.size()))) {
                if (!aliases.contains(alias)) {
                    aliases.add(alias);
                }
            }
        }
        for (String alias : namespaces.bareNames(tokens)) {
            if (!aliases.contains(alias)) {
                aliases.add(alias);
            }
        }
        List<String> singleKeys = new ArrayList<>();
        for (Key key : table.allKeys()) {
            if (key.isSingleColumn() && !singleKeys.contains(key.columns().get(0))) {
                singleKeys.add(key.columns().get(0));
            }
        }
        Optional<String> target = Optional.empty();
        if (!singleKeys.isEmpty() && (table.primaryKey().isEmpty() || table.primaryKey().get().isSingleColumn())) {
            target = SurrogateKeys.target(table, singleKeys);
        }
        if (target.isEmpty() && table.primaryKey().isEmpty()) {
            target = uniqueInData(table, statistics, columnPrefix);
            target.ifPresent(singleKeys::add);
        }
        Optional<Column> targetColumn = target.flatMap(table::column);
        return new TableFacts(table, columnPrefix, aliases, target, targetColumn,
                targetColumn.map(column -> ColumnSet.of(table.name(), column.name())), singleKeys);
    }

    /** A key-named column whose values are unique in the data, for tables that declare no key. */
    private static Optional<String> uniqueInData(Table table, Statistics statistics, Optional<String> prefix) {
        for (Column column : table.columns()) {
            if (!column.type().family().keyLike()) {
                continue;
            }
            List<String> tokens = Names.tokens(column.name());
            String last = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
            if (!Names.KEY_SUFFIXES.contains(last)) {
                continue;
            }
            Optional<ColumnStatistics> stats = statistics.column(table.columnName(column.name()));
            if (stats.flatMap(ColumnStatistics::unique).orElse(false)
                    && stats.get().nonNullRows().orElse(0) > 0
                    && stats.get().nulls().orElse(1) == 0) {
                return Optional.of(column.name());
            }
        }
        return Optional.empty();
    }

    /** A prefix of at most 3 characters that at least 60% of a table's columns (and 2 or more) start with. */
    private static Optional<String> columnPrefix(Table table) {
        if (table.columns().size() < 2) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Column column : table.columns()) {
            List<String> tokens = Names.tokens(column.name());
            if (tokens.size() >= 2 && tokens.get(0).length() <= 3) {
                counts.merge(tokens.get(0), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() >= 2 && entry.getValue() >= 0.6 * table.columns().size()
                    && !Names.KEY_SUFFIXES.contains(entry.getKey())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** First words of at most 2 characters shared by 3 or more table names ({@code l_} link tables). */
    private static Set<String> frequentShortPrefixes(SchemaSnapshot snapshot) {
        Map<String, Integer> counts = new HashMap<>();
        for (Table table : snapshot.tables()) {
            List<String> tokens = Names.tokens(table.name().table());
            if (tokens.size() >= 2 && tokens.get(0).length() <= 2) {
                counts.merge(tokens.get(0), 1, Integer::sum);
            }
        }
        Set<String> result = new java.util.TreeSet<>();
        counts.forEach((prefix, count) -> {
            if (count >= 3) {
                result.add(prefix);
            }
        });
        return result;
    }
}
