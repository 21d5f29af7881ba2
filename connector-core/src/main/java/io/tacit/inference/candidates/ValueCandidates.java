package io.tacit.inference.candidates;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.Statistics;
import io.tacit.model.Table;
import io.tacit.model.TypeFamily;
import io.tacit.statistics.ValueOverlap;
import io.tacit.statistics.ValueText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value path: a column whose values lie in a key gets that key as a candidate from its values alone, when no
 * name points there — no name at all ({@code movie_id} when there is no {@code movie} table), or names that point
 * at keys its values do not fit ({@code templateid} beside a {@code template} table, when the values are
 * {@code hosts} ids). Names then rank the rivals. Only when the statistics carry values to compare (a sketch or a
 * value list: levels {@code sample} and {@code full}). Never all pairs:
 *
 * <ul>
 *   <li>a column one of whose name targets holds its values (or cannot be compared) is explained by its name and
 *       gets no value candidate;
 *   <li>only key-like columns with at least {@link #MIN_DISTINCT} distinct values (fewer is an enum or a flag,
 *       which a 1..N id contains by accident), that are not their own table's one-column key; a target may be the
 *       column's own table (a self reference: {@code templateid} to {@code hosts.hostid});
 *   <li>targets are the tables' one-column keys (primary or unique), grouped by type family; a target must hold at least as many
 *       distinct values and, for numbers, a range around the column's;
 *   <li>numeric targets are examined nearest range first, at most {@link #MAX_EXAMINED} per column, since the
 *       dense 1..N ids of every table contain any small integer column;
 *   <li>a target is kept when the estimated containment is at least {@link #MIN_CONTAINMENT}, and a column
 *       keeps its {@link #MAX_PER_COLUMN} best targets (most values found, then the tightest target).
 * </ul>
 *
 * <p>The candidates carry no name match: the model scores them as {@link MatchKind#VALUES_ONLY} and the exact
 * probe confirms or refutes them like any other.
 */
final class ValueCandidates {
    static final long MIN_DISTINCT = 10;
    static final int MAX_EXAMINED = 32;
    static final int MAX_PER_COLUMN = 3;
    static final double MIN_CONTAINMENT = 0.95;

    /** A reference key with the statistics the value path compares. */
    private record Target(ColumnName key, ColumnStatistics statistics, long distinct, Optional<BigDecimal> min,
            Optional<BigDecimal> max) {
    }

    /** A kept target with the figures it was ranked by. */
    private record Match(ColumnName key, double containment, long targetDistinct) {
    }

    private final NameIndex index;
    private final Statistics statistics;
    private final Map<TypeFamily, List<Target>> targets = new EnumMap<>(TypeFamily.class);

    ValueCandidates(NameIndex index, Statistics statistics) {
        this.index = requireNonNull(index, "index is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        for (TableFacts facts : index.allFacts().values()) {
            if (!NameIndex.isTargetTable(facts.table())) {
                continue;
            }
            // every one-column key, not only the one names point at: account.id is unique beside the key accno
            for (String keyColumn : facts.singleKeys()) {
                Optional<Column> key = facts.table().column(keyColumn);
                ColumnName name = facts.table().columnName(keyColumn);
                Optional<ColumnStatistics> stats = statistics.column(name);
                if (key.isEmpty() || !key.get().type().family().keyLike() || stats.isEmpty() || !comparable(stats.get())
                        || stats.get().distinct().isEmpty()) {
                    continue;
                }
                targets.computeIfAbsent(key.get().type().family(), ignored -> new ArrayList<>())
                        .add(new Target(name, stats.get(), stats.get().distinct().get().value(),
                                number(stats.get().min()), number(stats.get().max())));
            }
        }
        for (List<Target> family : targets.values()) {
            // nearest range first: the smallest maximum that still covers a column's values comes first
            family.sort(Comparator.comparing((Target target) -> target.max().orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(target -> target.key().toString()));
        }
    }

    /** Whether the value path has anything to compare: some target carries values. */
    boolean applicable() {
        return !targets.isEmpty();
    }

    /** The value candidates of one column that has no name candidate, best first. */
    List<ColumnSet> propose(Table table, Column column) {
        return propose(table, column, List.of());
    }

    /**
     * The value candidates of one column, best first, given the targets names proposed for it: none when one of
     * those holds its values (or cannot be compared), so a name that fits is never second-guessed.
     */
    List<ColumnSet> propose(Table table, Column column, List<ColumnSet> named) {
        ColumnName name = table.columnName(column.name());
        Optional<ColumnStatistics> stats = statistics.column(name);
        if (!column.type().family().keyLike() || stats.isEmpty() || !comparable(stats.get())
                || stats.get().distinct().isEmpty() || stats.get().distinct().get().value() < MIN_DISTINCT
                || ownKey(table, column) || explained(stats.get(), named)) {
            return List.of();
        }
        long distinct = stats.get().distinct().get().value();
        Optional<BigDecimal> min = number(stats.get().min());
        Optional<BigDecimal> max = number(stats.get().max());
        List<Match> matches = new ArrayList<>();
        int examined = 0;
        for (Map.Entry<TypeFamily, List<Target>> family : targets.entrySet()) {
            if (!column.type().family().joinableWith(family.getKey())) {
                continue;
            }
            for (Target target : family.getValue()) {
                if (examined >= MAX_EXAMINED) {
                    break;
                }
                if (target.key().equals(name) || target.distinct() < distinct || !covers(target, min, max)) {
                    continue;
                }
                examined++;
                Optional<Containment> containment = ValueOverlap.containment(stats.get(), target.statistics());
                if (containment.isPresent() && containment.get().hasValues()
                        && containment.get().ratio() >= MIN_CONTAINMENT) {
                    matches.add(new Match(target.key(), containment.get().ratio(), target.distinct()));
                }
            }
        }
        matches.sort(Comparator.comparingDouble(Match::containment).reversed()
                .thenComparingLong(Match::targetDistinct).thenComparing(match -> match.key().toString()));
        return matches.stream().limit(MAX_PER_COLUMN).map(match -> ColumnSet.of(match.key())).toList();
    }

    /** Whether a name target holds the column's values, or might: one that cannot be compared counts as holding. */
    private boolean explained(ColumnStatistics column, List<ColumnSet> named) {
        for (ColumnSet target : named) {
            if (!target.isSingleColumn()) {
                return true;
            }
            Optional<ColumnStatistics> targetStatistics = statistics.column(target.columnNames().get(0));
            if (targetStatistics.isEmpty() || !comparable(targetStatistics.get())) {
                return true;
            }
            Optional<Containment> containment = ValueOverlap.containment(column, targetStatistics.get());
            if (containment.isEmpty() || !containment.get().hasValues() || containment.get().ratio() >= MIN_CONTAINMENT) {
                return true;
            }
        }
        return false;
    }

    /** Numbers must lie inside the target's range; other values are left to the containment estimate. */
    private static boolean covers(Target target, Optional<BigDecimal> min, Optional<BigDecimal> max) {
        if (min.isEmpty() || max.isEmpty()) {
            return true;
        }
        if (target.min().isEmpty() || target.max().isEmpty()) {
            return false;
        }
        return target.min().get().compareTo(min.get()) <= 0 && target.max().get().compareTo(max.get()) >= 0;
    }

    /** A table's own one-column keys hold its own ids; the value path does not guess what they copy. */
    private static boolean ownKey(Table table, Column column) {
        return table.isDeclaredUnique(List.of(column.name()));
    }

    private static boolean comparable(ColumnStatistics statistics) {
        return statistics.sketch().isPresent() || statistics.values().isPresent();
    }

    private static Optional<BigDecimal> number(Optional<String> value) {
        return value.flatMap(ValueText::number);
    }
}
