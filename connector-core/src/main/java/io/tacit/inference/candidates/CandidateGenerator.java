package io.tacit.inference.candidates;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Discriminator;
import io.tacit.model.Key;
import io.tacit.model.Statistics;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proposes candidate relationships from names: each column looks itself up in the {@link NameIndex} under
 * its full name, its name without the table's column prefix, its stem without a key suffix, the role-free
 * tail of its name, hierarchy and person role words, and the tables its comment names. Composite keys,
 * extension tables and polymorphic {@code *_type}/{@code *_id} pairs are proposed per table. Work grows with
 * the number of columns, not with the number of column pairs.
 */
public final class CandidateGenerator {
    /** Words that make a column point at its own table. */
    static final Set<String> SELF_WORDS = Set.of(
            "parent", "predecessor", "successor", "previous", "prev", "next", "root", "ancestor", "replaced",
            "duplicate", "master");
    /** Hierarchy words between people: they point at their own table only when it holds people. */
    static final Set<String> PERSON_SELF_WORDS = Set.of(
            "reports", "manager", "supervisor", "boss", "superior", "mentor", "referrer", "referred");
    /** Words that make a column point at a people table. */
    static final Set<String> PERSON_WORDS = Set.of(
            "created", "updated", "modified", "deleted", "approved", "reviewed", "assigned", "owner", "author",
            "creator", "editor", "approver", "assignee", "reviewer", "rep", "agent", "manager", "supervisor",
            "salesperson", "reports", "by", "voter", "recipient", "sender", "proposer", "requester", "reporter",
            "submitter");
    /** Compact singular aliases of tables that hold people. */
    static final Set<String> PERSON_TABLES = Set.of(
            "user", "employee", "staff", "person", "member", "account", "editor", "admin", "agent", "people");
    /** Words that make a column without a key suffix a measure of something, not a reference to it. */
    static final Set<String> MEASURE_WORDS = Set.of(
            "units", "unit", "quantity", "qty", "count", "total", "amount", "sum", "avg", "average", "price", "cost");
    /** Words after a table's name that make a table a copy of it (rows moved away), not an extension. */
    static final Set<String> COPY_WORDS = Set.of(
            "archive", "archived", "backup", "bak", "old", "copy", "snapshot", "staging", "tmp", "temp", "audit");
    /**
     * The most targets one column set (per discriminator value) keeps; more are cut by {@link #PRIOR}. The
     * largest set in the eleven shared benchmark schemas has 7 (AdventureWorks' {@code businessentityid}).
     */
    public static final int MAX_TARGETS = 8;
    /**
     * The most targets one name lookup proposes for a column ({@code businessentityid} shared as the key of
     * hundreds of tables, {@code customer} in each of hundreds of tenant schemas); the nearest by
     * {@link #NEAREST} are proposed. Bounds the work per column before {@link #MAX_TARGETS} cuts the rest.
     */
    static final int MAX_LOOKUP = 4 * MAX_TARGETS;
    /** The nearest target tables first: in the referencing table's schema, then named most like it. */
    private static final Comparator<Ranked> NEAREST = Comparator
            .comparingInt((Ranked ranked) -> ranked.sameSchema() ? 0 : 1)
            .thenComparing(Comparator.comparingInt(Ranked::closeness).reversed());
    /**
     * Which of a column set's targets to keep when there are too many, from cheap facts: the strongest name
     * match, then the most kinds of match, then {@link #NEAREST}, then the usual candidate order.
     */
    private static final Comparator<Ranked> PRIOR = Comparator
            .comparing((Ranked ranked) -> ranked.candidate().bestMatch())
            .thenComparing(Comparator.comparingInt((Ranked ranked) -> ranked.candidate().matches().size()).reversed())
            .thenComparing(NEAREST)
            .thenComparing(Ranked::candidate);

    private final NameIndex index;
    private final Statistics statistics;
    /**
     * The candidates from the table being worked on, by key. Every proposal of a table starts from that table, so
     * candidates are collected, cleaned up, cut and sorted one table at a time, while they are in the processor's
     * cache: schema-wide passes over every candidate read them back from all over the heap on large schemas.
     */
    private final Map<String, Candidate> candidates = new HashMap<>();
    private final List<TableName> personTables = new ArrayList<>();
    private final int maxTargets;
    /** The column last proposed from, its table's facts and its column (null when not in the index). */
    private ColumnName source;
    private TableFacts sourceFacts;
    private Column sourceColumn;
    /** Targets a bounded lookup left out, by column set of the table being worked on: the most any one lookup left out. */
    private final Map<ColumnSet, Integer> unproposed = new HashMap<>();

    public CandidateGenerator(NameIndex index, Statistics statistics) {
        this(index, statistics, MAX_TARGETS);
    }

    /** @param maxTargets the most targets one column set keeps (see {@link #MAX_TARGETS}) */
    public CandidateGenerator(NameIndex index, Statistics statistics, int maxTargets) {
        this.index = requireNonNull(index, "index is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        if (maxTargets < 1) {
            throw new IllegalArgumentException("maxTargets must be 1 or more: " + maxTargets);
        }
        this.maxTargets = maxTargets;
        for (TableFacts facts : index.allFacts().values()) {
            if (NameIndex.isTargetTable(facts.table())
                    && facts.aliases().stream().anyMatch(alias -> PERSON_TABLES.contains(Names.singular(alias)))) {
                personTables.add(facts.table().name());
            }
        }
    }

    /**
     * Every candidate, sorted by from, to and discriminator: the tables in the order of their qualified names,
     * each table's candidates in key order.
     */
    public List<Candidate> generate() {
        ValueCandidates byValues = new ValueCandidates(index, statistics);
        List<Map.Entry<String, TableFacts>> tables = new ArrayList<>(index.allFacts().size());
        for (TableFacts facts : index.allFacts().values()) {
            tables.add(Map.entry(facts.table().name().qualified() + "(", facts));
        }
        tables.sort(Map.Entry.comparingByKey());
        List<Candidate> all = new ArrayList<>();
        for (Map.Entry<String, TableFacts> table : tables) {
            TableFacts facts = table.getValue();
            candidates.clear();
            unproposed.clear();
            for (Column column : facts.table().columns()) {
                if (column.type().family().keyLike()) {
                    proposeForColumn(facts, column);
                }
            }
            proposeJunction(facts);
            proposeComposite(facts);
            proposeExtension(facts);
            proposePolymorphic(facts);
            dropRedundantCommentMatches();
            if (byValues.applicable()) {
                proposeByValues(facts, byValues);
            }
            capTargets(all);
        }
        return List.copyOf(all);
    }

    /**
     * Keeps at most {@code maxTargets} targets per column set and discriminator value, the best by
     * {@link #PRIOR}, so that the work of the later stages grows with the columns however ambiguous a name is
     * ({@code tenant_id} in a schema of many tenant-like tables). The kept ones record how many were dropped;
     * they go to {@code kept} in key order.
     */
    private void capTargets(List<Candidate> kept) {
        List<Candidate> table = new ArrayList<>(candidates.values());
        table.sort(Comparator.comparing(Candidate::key));
        // each column set's candidates are a run
        int runStart = 0;
        for (int i = 1; i <= table.size(); i++) {
            if (i < table.size() && table.get(i).from().equals(table.get(runStart).from())) {
                continue;
            }
            List<Candidate> run = table.subList(runStart, i);
            ColumnSet from = run.get(0).from();
            if (run.size() <= maxTargets && !unproposed.containsKey(from)) {
                kept.addAll(run);
            } else {
                Set<Candidate> cut = cut(run, unproposed.getOrDefault(from, 0));
                run.stream().filter(candidate -> !cut.contains(candidate)).forEach(kept::add);
            }
            runStart = i;
        }
    }

    /** The candidates of one column set beyond {@code maxTargets} per discriminator value; the rest learn how many. */
    private Set<Candidate> cut(List<Candidate> run, int unproposedTargets) {
        Map<Optional<Discriminator>, List<Candidate>> bySlot = new HashMap<>();
        run.forEach(candidate -> bySlot.computeIfAbsent(candidate.discriminator(), ignored -> new ArrayList<>()).add(candidate));
        Set<Candidate> cut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<Candidate> group : bySlot.values()) {
            if (group.size() <= maxTargets) {
                group.forEach(candidate -> candidate.droppedRivals(unproposedTargets));
                continue;
            }
            List<Ranked> ranked = new ArrayList<>(group.size());
            for (Candidate candidate : group) {
                ranked.add(Ranked.of(candidate, candidate.from().table(), candidate.to().table()));
            }
            ranked.sort(PRIOR);
            int dropped = group.size() - maxTargets + unproposedTargets;
            ranked.subList(0, maxTargets).forEach(kept -> kept.candidate().droppedRivals(dropped));
            ranked.subList(maxTargets, ranked.size()).forEach(beyond -> cut.add(beyond.candidate()));
        }
        return cut;
    }

    /**
     * A target with the cheap facts that rank it, computed once: whether it is in the referencing table's
     * schema, and the length of the common beginning of the two tables' compact names
     * ({@code employeepayhistory}, {@code employee} -> 8). {@code candidate} is null when ranking lookups.
     */
    private record Ranked(Candidate candidate, TableName target, boolean sameSchema, int closeness) {
        static Ranked of(Candidate candidate, TableName from, TableName to) {
            String left = Names.compact(from.table());
            String right = Names.compact(to.table());
            int length = Math.min(left.length(), right.length());
            int common = 0;
            while (common < length && left.charAt(common) == right.charAt(common)) {
                common++;
            }
            return new Ranked(candidate, to, from.schema().equals(to.schema()), common);
        }
    }

    /** At most {@link #MAX_LOOKUP} of the tables one lookup found for a column, the nearest; the rest counted. */
    private List<TableName> nearest(ColumnName from, List<TableName> tables) {
        if (tables.size() <= MAX_LOOKUP) {
            return tables;
        }
        List<Ranked> ranked = new ArrayList<>(tables.size());
        for (TableName table : tables) {
            ranked.add(Ranked.of(null, from.table(), table));
        }
        ranked.sort(NEAREST.thenComparing(Ranked::target));
        unproposed.merge(ColumnSet.of(from), tables.size() - MAX_LOOKUP, Math::max);
        return ranked.subList(0, MAX_LOOKUP).stream().map(Ranked::target).toList();
    }

    /** The same for keys found by name. */
    private List<ColumnName> nearestKeys(ColumnName from, List<ColumnName> keys) {
        if (keys.size() <= MAX_LOOKUP) {
            return keys;
        }
        Map<TableName, ColumnName> byTable = new java.util.LinkedHashMap<>();
        keys.forEach(key -> byTable.putIfAbsent(key.table(), key));
        Set<TableName> kept = Set.copyOf(nearest(from, List.copyOf(byTable.keySet())));
        return keys.stream().filter(key -> kept.contains(key.table())).toList();
    }

    /** Columns of one table no name points anywhere: candidates from their values alone (see {@link ValueCandidates}). */
    private void proposeByValues(TableFacts facts, ValueCandidates byValues) {
        Map<ColumnSet, List<ColumnSet>> named = new HashMap<>();
        for (Candidate candidate : candidates.values()) {
            named.computeIfAbsent(candidate.from(), ignored -> new ArrayList<>()).add(candidate.to());
        }
        Table table = facts.table();
        for (Column column : table.columns()) {
            ColumnSet from = ColumnSet.of(table.columnName(column.name()));
            for (ColumnSet to : byValues.propose(table, column, named.getOrDefault(from, List.of()))) {
                if (!related(table.name(), to.table())) {
                    Candidate fresh = new Candidate(from, to, Optional.empty());
                    candidates.putIfAbsent(fresh.key(), fresh);
                }
            }
        }
    }

    /**
     * A comment mentions a table in passing ("an incrementing number, starting at one for each order", "how
     * many items of this product") more often than it names what the column references. When another column of
     * the same table already matches that table by name ({@code order_items.order_id} → {@code orders}), the
     * reference is that column; a second column reaching the same table only through its comment is dropped.
     */
    private void dropRedundantCommentMatches() {
        Set<TablePair> namedTargets = new java.util.HashSet<>();
        for (Candidate candidate : candidates.values()) {
            if (!onlyComment(candidate)) {
                namedTargets.add(new TablePair(candidate.from().table(), candidate.to().table()));
            }
        }
        candidates.values().removeIf(candidate -> onlyComment(candidate)
                && namedTargets.contains(new TablePair(candidate.from().table(), candidate.to().table())));
    }

    private static boolean onlyComment(Candidate candidate) {
        return candidate.matches().size() == 1 && candidate.matches().contains(MatchKind.COMMENT);
    }

    private record TablePair(TableName from, TableName to) {
    }

    private void proposeForColumn(TableFacts facts, Column column) {
        Table table = facts.table();
        ColumnName from = table.columnName(column.name());
        List<String> tokens = Names.tokens(column.name());
        List<String> stripped = facts.strippedTokens(column.name());
        String compactName = Names.compact(tokens);
        String compactStripped = Names.compact(stripped);
        if (compactName.isEmpty()) {
            return;
        }

        // identical key names, with and without column prefixes
        for (String name : new LinkedHashSet<>(List.of(compactName, compactStripped))) {
            for (ColumnName key : nearestKeys(from, index.keysByName(name))) {
                String keyCompact = Names.compact(key.column());
                propose(from, key, keyCompact.equals(compactName) ? MatchKind.EXACT_KEY_NAME : MatchKind.PREFIXED_KEY_NAME);
            }
        }
        // role words before a key name: billing_address_id -> address_id
        for (int i = 1; i < stripped.size(); i++) {
            List<String> tail = stripped.subList(i, stripped.size());
            // a generic name (id, code) is never a key name of the index: the lookup finds nothing for it
            if (tail.size() > 1 || !Names.GENERIC_KEY_NAMES.contains(tail.get(0))) {
                for (ColumnName key : nearestKeys(from, index.keysByName(tail))) {
                    propose(from, key, MatchKind.ROLE_KEY_NAME);
                }
            }
        }
        if (stripped.size() == 1) {
            for (int start = 1; start + 5 <= compactStripped.length(); start++) {
                for (ColumnName key : nearestKeys(from, index.keysByNameFrom(compactStripped, start))) {
                    propose(from, key, MatchKind.ROLE_KEY_NAME);
                }
            }
        }
        Optional<List<String>> stemTokens = stem(stripped);
        if (stemTokens.isPresent()) {
            List<String> stem = stemTokens.get();
            String compactStem = Names.compact(stem);
            // label.label_code is the label's own code, as city.city is its name: not a reference to itself
            List<TableName> named = new ArrayList<>(index.tablesByAlias(compactStem));
            named.remove(table.name());
            proposeTables(from, named, MatchKind.TABLE_AND_KEY);
            for (int i = 1; i < stem.size(); i++) {
                proposeTables(from, index.tablesByAlias(stem.subList(i, stem.size())), MatchKind.ROLE_TABLE);
            }
            if (stem.size() == 1) {
                for (int start = 1; start + 4 <= compactStem.length(); start++) {
                    proposeTables(from, index.tablesByAliasFrom(compactStem, start), MatchKind.ROLE_TABLE);
                }
            }
            proposeByPrefix(from, stem, compactStem);
        } else if (!Names.GENERIC_KEY_NAMES.contains(compactStripped)
                && stripped.stream().noneMatch(MEASURE_WORDS::contains)) {
            // units_on_order counts units of orders, it does not point at one
            List<TableName> whole = new ArrayList<>(index.tablesByAlias(compactStripped));
            // a column named like its own table is its main attribute (vote.vote, city.city), not a self reference
            whole.remove(table.name());
            proposeTables(from, whole, MatchKind.WHOLE_NAME);
            String last = stripped.get(stripped.size() - 1);
            // a plural tail without a key suffix counts things (yes_votes, total_orders); it does not point at one
            boolean countsThings = !Names.singular(last).equals(last);
            for (int i = 1; i < stripped.size() && !countsThings; i++) {
                List<TableName> others = new ArrayList<>(index.tablesByAlias(stripped.subList(i, stripped.size())));
                // without a key suffix, a tail naming its own table is a measure of it (product_inventory), not a link
                others.remove(table.name());
                proposeTables(from, others, MatchKind.ROLE_TABLE);
            }
            if (stripped.size() >= 2) {
                proposeByPrefix(from, stripped.subList(0, stripped.size() - 1),
                        Names.compact(stripped.subList(0, stripped.size() - 1)));
            }
        }
        // names completed by the table's own name: artist.type -> artist_type, cdtoc_raw.release -> release_raw
        List<String> tableTokens = Names.tokens(table.name().table());
        List<String> own = stemTokens.orElse(stripped);
        if (!own.isEmpty()) {
            // most of these names name nothing: each is built only when a table may go by it (NameIndex hashes)
            Set<String> qualified = new java.util.HashSet<>();
            String tableName = Names.compact(table.name().table());
            // the most of the table's name that completes it: artist_alias.type is artist_alias_type, not artist_type
            boolean beforeFound = false;
            boolean afterFound = false;
            for (int i = tableTokens.size(); i >= 1; i--) {
                // region_3_id in invoice_1 is not region_31: two numbers are never glued into another
                // artist_tag.artist is not completed to artist_artist: a name doubled is no completion of it
                List<String> before = tableTokens.subList(0, i);
                if (!beforeFound && !Names.gluesNumbers(before, own) && !before.equals(own)) {
                    beforeFound = proposeQualified(from, before, own, tableName, qualified);
                }
                List<String> after = tableTokens.subList(tableTokens.size() - i, tableTokens.size());
                if (!afterFound && !Names.gluesNumbers(own, after) && !after.equals(own)) {
                    afterFound = proposeQualified(from, own, after, tableName, qualified);
                }
            }
            for (int start = 0; start < tableTokens.size(); start++) {
                for (int end = start + 1; end <= tableTokens.size(); end++) {
                    List<String> run = tableTokens.subList(start, end);
                    if (run.size() > own.size() && run.subList(run.size() - own.size(), run.size()).equals(own)) {
                        proposeQualified(from, run, List.of(), tableName, qualified);
                    }
                }
            }
        }
        // key-named columns of a detail table: area_gid_redirect.new_id -> area
        boolean genericKeyColumn = Names.GENERIC_KEY_NAMES.contains(compactStripped)
                && facts.table().primaryKey().map(key -> key.columns().contains(column.name())).orElse(false);
        boolean ownKey = facts.table().primaryKey().map(key -> key.columns().contains(column.name())).orElse(false);
        if ((stemTokens.isPresent() && !ownKey) || genericKeyColumn) {
            // the owner is the longest table name that begins ours: l_area_release_group_example belongs to
            // l_area_release_group, not to l_area_release
            for (int i = tableTokens.size() - 1; i >= 1; i--) {
                List<TableName> owners = index.tablesByAlias(tableTokens.subList(0, i));
                if (!owners.isEmpty()) {
                    proposeTables(from, owners, MatchKind.OWNER_TABLE);
                    break;
                }
            }
        }
        // hierarchy and person roles
        boolean selfWord = false;
        boolean personWord = false;
        boolean peopleTable = personTables.contains(table.name());
        for (String token : tokens) {
            selfWord |= SELF_WORDS.contains(token) || (peopleTable && PERSON_SELF_WORDS.contains(token));
            personWord |= PERSON_WORDS.contains(token);
        }
        if (selfWord) {
            proposeTables(from, List.of(table.name()), MatchKind.SELF_ROLE);
        }
        if (personWord) {
            proposeTables(from, personTables, MatchKind.PERSON_ROLE);
        }
        if (stemTokens.isPresent() || personWord || selfWord) {
            // a measure ("quantity: how many items the customer purchased") mentions tables without referencing them
            column.comment().ifPresent(comment -> proposeFromComment(from, comment));
        }
    }

    /**
     * The tables named {@code first} followed by {@code second} ({@code artist} + {@code type}), once per name,
     * never the column's own table by its own name.
     */
    private boolean proposeQualified(ColumnName from, List<String> first, List<String> second, String ownTable,
            Set<String> proposed) {
        List<TableName> tables = index.tablesByAlias(first, second);
        if (!tables.isEmpty()) {
            String name = Names.compact(first) + Names.compact(second);
            if (!name.equals(ownTable) && proposed.add(name)) {
                proposeTables(from, tables, MatchKind.QUALIFIED_NAME);
                return true;
            }
        }
        return false;
    }

    /** The name without its key suffix: {@code customer_id} -> customer, {@code productid} -> product. */
    public static Optional<List<String>> stem(List<String> tokens) {
        if (tokens.size() >= 2 && Names.KEY_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            return Optional.of(tokens.subList(0, tokens.size() - 1));
        }
        if (tokens.size() == 1) {
            String token = tokens.get(0);
            for (String suffix : List.of("id", "key", "code", "no")) {
                if (token.endsWith(suffix) && token.length() >= suffix.length() + 3) {
                    return Optional.of(List.of(token.substring(0, token.length() - suffix.length())));
                }
            }
        }
        return Optional.empty();
    }

    private void proposeByPrefix(ColumnName from, List<String> stem, String compactStem) {
        // region_3_id abbreviates no region_30: the index never lets a number run on
        List<TableName> tables = index.tablesContinuing(compactStem);
        for (TableName table : tables) {
            if (index.facts(table).map(facts -> facts.aliases().contains(compactStem)).orElse(false)) {
                continue;
            }
            List<String> tableTokens = Names.tokens(table.table());
            boolean atWordBoundary = tableTokens.size() > stem.size()
                    && Names.compact(tableTokens.subList(0, stem.size())).equals(compactStem);
            proposeTables(from, List.of(table), atWordBoundary ? MatchKind.TABLE_HEAD : MatchKind.ABBREVIATION);
        }
    }

    private void proposeFromComment(ColumnName from, String comment) {
        List<String> words = Names.tokens(comment);
        Set<TableName> named = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            for (int length = 1; length <= 3 && i + length <= words.size(); length++) {
                String phrase = Names.compact(words.subList(i, i + length));
                if (phrase.length() >= 4) {
                    named.addAll(index.tablesByAlias(phrase));
                }
            }
        }
        proposeTables(from, List.copyOf(named), MatchKind.COMMENT);
    }

    private void proposeTables(ColumnName from, List<TableName> tables, MatchKind kind) {
        for (TableName table : nearest(from, tables)) {
            TableFacts target = index.allFacts().get(table);
            if (target != null && target.targetColumn().isPresent()) {
                propose(from, target, target.targetColumn().get(), kind);
            }
        }
    }

    private void propose(ColumnName from, ColumnName to, MatchKind kind) {
        TableFacts target = index.allFacts().get(to.table());
        Optional<Column> toColumn = target == null ? Optional.empty() : target.table().column(to.column());
        if (toColumn.isPresent()) {
            propose(from, target, toColumn.get(), kind);
        }
    }

    /** The single-column candidate {@code from} → a column of {@code target}, when the types join and the tables are not one. */
    private void propose(ColumnName from, TableFacts target, Column toColumn, MatchKind kind) {
        if (!from.equals(source)) {
            // proposals come a column at a time: its table and column are looked up once, not per target
            source = from;
            sourceFacts = index.allFacts().get(from.table());
            sourceColumn = sourceFacts == null ? null : sourceFacts.table().column(from.column()).orElse(null);
        }
        ColumnName to = new ColumnName(target.table().name(), toColumn.name());
        if (sourceColumn == null || from.equals(to)
                || !sourceColumn.type().family().joinableWith(toColumn.type().family())
                || related(sourceFacts.table(), target.table())) {
            return;
        }
        // the target's own column set when it is the table's target: candidates pointing at it share one instance
        ColumnSet toSet = target.targetColumn().orElse(null) == toColumn ? target.targetSet().orElseThrow() : ColumnSet.of(to);
        add(new Candidate(ColumnSet.of(from), toSet, Optional.empty()), kind);
    }

    private void add(Candidate fresh, MatchKind kind) {
        candidates.computeIfAbsent(fresh.key(), ignored -> fresh).addMatch(kind);
    }

    /**
     * A link table named after the tables it joins ({@code l_area_artist}) whose numbered columns
     * ({@code entity0}, {@code entity1}) reference those tables in order.
     */
    private void proposeJunction(TableFacts facts) {
        Table table = facts.table();
        Map<String, List<Column>> numbered = new TreeMap<>();
        for (Column column : table.columns()) {
            String name = column.name();
            int end = name.length();
            while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
                end--;
            }
            if (end < name.length() && end > 0 && column.type().family().keyLike()) {
                int base = end;
                while (base > 0 && name.charAt(base - 1) == '_') {
                    base--;
                }
                numbered.computeIfAbsent(name.substring(0, base), ignored -> new ArrayList<>()).add(column);
            }
        }
        if (numbered.isEmpty()) {
            return;
        }
        List<List<TableName>> parts = decompose(Names.tokens(table.name().table()));
        for (Map.Entry<String, List<Column>> group : numbered.entrySet()) {
            List<Column> columns = new ArrayList<>(group.getValue());
            if (columns.size() < 2) {
                continue;
            }
            columns.sort(java.util.Comparator.comparing(Column::name));
            List<TableName> sameName = index.tablesByAlias(Names.compact(group.getKey()));
            for (int i = 0; i < columns.size(); i++) {
                ColumnName from = table.columnName(columns.get(i).name());
                if (parts.size() == columns.size()) {
                    proposeTables(from, parts.get(i), MatchKind.JUNCTION_POSITION);
                }
                proposeTables(from, sameName, MatchKind.JUNCTION_POSITION);
            }
        }
    }

    /** Splits a table name into consecutive table names, skipping a short leading prefix; empty when it cannot. */
    private List<List<TableName>> decompose(List<String> tokens) {
        for (int skip = 0; skip <= 1 && skip < tokens.size(); skip++) {
            List<List<TableName>> parts = new ArrayList<>();
            if (split(tokens, skip, parts)) {
                return parts;
            }
        }
        return List.of();
    }

    private boolean split(List<String> tokens, int start, List<List<TableName>> parts) {
        if (start == tokens.size()) {
            return parts.size() >= 2;
        }
        for (int end = tokens.size(); end > start; end--) {
            List<TableName> tables = index.tablesByAlias(Names.compact(tokens.subList(start, end)));
            if (!tables.isEmpty()) {
                parts.add(tables);
                if (split(tokens, end, parts)) {
                    return true;
                }
                parts.remove(parts.size() - 1);
            }
        }
        return false;
    }

    /** Composite keys whose every column pairs with a distinct column of this table by key name. */
    private void proposeComposite(TableFacts facts) {
        Table table = facts.table();
        Map<Key, String[]> partial = new HashMap<>();
        Map<Key, TableName> owners = new HashMap<>();
        for (Column column : table.columns()) {
            String name = Names.compact(facts.strippedTokens(column.name()));
            for (NameIndex.KeyMember member : index.keyMembers(name)) {
                if (member.table().equals(table.name())) {
                    continue;
                }
                String[] slots = partial.computeIfAbsent(member.key(), key -> new String[key.columns().size()]);
                owners.put(member.key(), member.table());
                if (slots[member.position()] == null) {
                    slots[member.position()] = column.name();
                }
            }
        }
        List<Key> keys = new ArrayList<>(partial.keySet());
        keys.sort(java.util.Comparator.comparing((Key key) -> owners.get(key)).thenComparing(Key::name));
        for (Key key : keys) {
            String[] slots = partial.get(key);
            List<String> fromColumns = new ArrayList<>();
            for (String slot : slots) {
                if (slot == null || fromColumns.contains(slot)) {
                    fromColumns = null;
                    break;
                }
                fromColumns.add(slot);
            }
            if (fromColumns == null) {
                continue;
            }
            TableName target = owners.get(key);
            List<ColumnName> fromNames = fromColumns.stream().map(table::columnName).toList();
            List<ColumnName> toNames = key.columns().stream().map(column -> new ColumnName(target, column)).toList();
            if (compatible(fromNames, toNames) && !related(table.name(), target)) {
                add(new Candidate(new ColumnSet(table.name(), fromColumns), new ColumnSet(target, key.columns()),
                        Optional.empty()), MatchKind.COMPOSITE);
            }
        }
    }

    /**
     * {@code l_artist_recording_example.id} -> {@code l_artist_recording.id}: a table extending another, one row
     * per row of its base. Only a table whose key is one column can be an extension (a key column that is
     * part of a longer key, {@code artist_json(id, replication_sequence)}, repeats the id per version: one to
     * many, not an extension), and it extends the longest table name that begins its own
     * ({@code l_area_release_group_example} extends {@code l_area_release_group}, not {@code l_area_release}).
     */
    private void proposeExtension(TableFacts facts) {
        Table table = facts.table();
        if (table.primaryKey().isEmpty() || table.primaryKey().get().columns().size() != 1) {
            return;
        }
        proposeExtension(facts, table.primaryKey().get().columns().get(0));
    }

    private void proposeExtension(TableFacts facts, String key) {
        Table table = facts.table();
        String keyName = Names.compact(facts.strippedTokens(key));
        String name = Names.compact(table.name().table());
        for (int length = name.length() - 1; length >= 4; length--) {
            if (Character.isDigit(name.charAt(length - 1)) && Character.isDigit(name.charAt(length))) {
                continue; // region_30 extends no region_3: a number is not cut short
            }
            boolean found = false;
            String rest = name.substring(length);
            if (COPY_WORDS.stream().anyMatch(rest::startsWith)) {
                continue; // transactionhistory_archive holds rows moved out of transactionhistory: a copy, not an extension
            }
            for (TableName base : index.tablesByExactName(name.substring(0, length))) {
                Optional<TableFacts> baseFacts = index.facts(base);
                if (baseFacts.isEmpty() || baseFacts.get().target().isEmpty() || base.equals(table.name())) {
                    continue;
                }
                String baseKey = baseFacts.get().target().get();
                if (Names.compact(baseFacts.get().strippedTokens(baseKey)).equals(keyName)
                        && !copiesColumns(table, baseFacts.get().table())) {
                    ColumnName from = table.columnName(key);
                    ColumnName to = new ColumnName(base, baseKey);
                    if (compatible(List.of(from), List.of(to)) && !related(table.name(), base)) {
                        add(new Candidate(ColumnSet.of(from), ColumnSet.of(to), Optional.empty()), MatchKind.EXTENSION);
                        found = true;
                    }
                }
            }
            if (found) {
                return;
            }
        }
    }

    /**
     * Whether a table repeats every column of another ({@code payment_p2007_01} and {@code payment}): a partition,
     * shard or snapshot holding rows of the same shape, not an extension adding columns to the other's rows.
     */
    private static boolean copiesColumns(Table table, Table base) {
        if (base.columns().size() < 2) {
            return false;
        }
        Set<String> own = new java.util.HashSet<>();
        for (Column column : table.columns()) {
            own.add(column.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Column column : base.columns()) {
            if (!own.contains(column.name().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** {@code reviewable_type} + {@code reviewable_id}: one candidate per type value that names a table. */
    private void proposePolymorphic(TableFacts facts) {
        Table table = facts.table();
        for (Column typeColumn : table.columns()) {
            List<String> tokens = Names.tokens(typeColumn.name());
            if (tokens.size() < 2 || !tokens.get(tokens.size() - 1).equals("type")
                    || typeColumn.type().family() != TypeFamily.STRING) {
                continue;
            }
            List<String> base = tokens.subList(0, tokens.size() - 1);
            for (Column idColumn : table.columns()) {
                List<String> idTokens = Names.tokens(idColumn.name());
                if (idTokens.size() == base.size() + 1 && idTokens.subList(0, base.size()).equals(base)
                        && Names.KEY_SUFFIXES.contains(idTokens.get(idTokens.size() - 1))) {
                    proposePolymorphicTargets(table, typeColumn, idColumn);
                }
            }
        }
    }

    private void proposePolymorphicTargets(Table table, Column typeColumn, Column idColumn) {
        Optional<ColumnStatistics> stats = statistics.column(table.columnName(typeColumn.name()));
        if (stats.isEmpty()) {
            return;
        }
        Set<String> values = new java.util.TreeSet<>(stats.get().frequentValues());
        stats.get().values().ifPresent(values::addAll);
        for (String value : values) {
            String[] parts = value.split("[\\\\:./]+");
            String last = parts.length == 0 ? value : parts[parts.length - 1];
            for (TableName target : index.tablesByAlias(Names.compact(last))) {
                Optional<String> key = index.facts(target).flatMap(TableFacts::target);
                if (key.isEmpty()) {
                    continue;
                }
                ColumnName from = table.columnName(idColumn.name());
                ColumnName to = new ColumnName(target, key.get());
                if (compatible(List.of(from), List.of(to))) {
                    add(new Candidate(ColumnSet.of(from), ColumnSet.of(to),
                            Optional.of(new Discriminator(typeColumn.name(), value))), MatchKind.WHOLE_NAME);
                }
            }
        }
    }

    private boolean compatible(List<ColumnName> from, List<ColumnName> to) {
        for (int i = 0; i < from.size(); i++) {
            Optional<Column> left = column(from.get(i));
            Optional<Column> right = column(to.get(i));
            if (left.isEmpty() || right.isEmpty()
                    || !left.get().type().family().joinableWith(right.get().type().family())) {
                return false;
            }
        }
        return true;
    }

    private Optional<Column> column(ColumnName name) {
        return index.facts(name.table()).flatMap(facts -> facts.table().column(name.column()));
    }

    private static boolean related(Table left, Table right) {
        return related(left.name(), left.parent(), right.name(), right.parent());
    }

    /** Partitions and inheritance children repeat their parent's key: no edge between parent and child. */
    private boolean related(TableName left, TableName right) {
        return related(left, index.facts(left).flatMap(facts -> facts.table().parent()),
                right, index.facts(right).flatMap(facts -> facts.table().parent()));
    }

    private static boolean related(TableName left, Optional<TableName> leftParent, TableName right,
            Optional<TableName> rightParent) {
        return leftParent.map(right::equals).orElse(false)
                || rightParent.map(left::equals).orElse(false)
                || (leftParent.isPresent() && leftParent.equals(rightParent));
    }
}
