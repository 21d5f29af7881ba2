package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.NameIndex;
import io.tacit.inference.candidates.Names;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.statistics.ValueOverlap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What signals may look at: the snapshot, its statistics, the name index and the other candidates. */
public final class SignalContext {
    private final SchemaSnapshot snapshot;
    private final Statistics statistics;
    private final NameIndex index;
    /** The statistics by table in a hash map: signals look them up several times per candidate. */
    private final Map<TableName, TableStatistics> tableStatistics;
    private final Map<ColumnSet, List<Candidate>> byFrom = new HashMap<>();
    private final Map<TableName, String> compactNames = new HashMap<>();
    /** What signals worked out about a target column set, by signal and target instance ({@link #perTarget}). */
    private final Map<String, Map<ColumnSet, Object>> perTarget = new HashMap<>();
    /*
     * Every signal asks about the same two tables and columns of one candidate before the next candidate: the
     * last answers are kept, so that a candidate costs two lookups in the schema-wide maps, not thirty.
     */
    private final Recent<TableName, Optional<Table>> tables;
    private final Recent<ColumnName, Optional<Column>> columns;
    private final Recent<ColumnName, Optional<ColumnStatistics>> columnStatistics;
    private final Recent<TableName, String> recentCompactNames =
            new Recent<>(table -> compactNames.computeIfAbsent(table, name -> Names.compact(name.table())));

    public SignalContext(SchemaSnapshot snapshot, Statistics statistics, NameIndex index, List<Candidate> candidates) {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        this.index = requireNonNull(index, "index is null");
        // already hashed (Statistics keeps a linked hash map): read in place, not copied
        this.tableStatistics = statistics.tables();
        this.tables = new Recent<>(snapshot::table);
        this.columns = new Recent<>(snapshot::column);
        this.columnStatistics = new Recent<>(name -> {
            TableStatistics table = tableStatistics.get(name.table());
            return table == null ? Optional.empty() : table.column(name.column());
        });
        // candidates come in runs of one column set (CandidateGenerator#generate): one hash lookup per run
        List<Candidate> run = null;
        ColumnSet runFrom = null;
        for (Candidate candidate : candidates) {
            if (run == null || !candidate.from().equals(runFrom)) {
                runFrom = candidate.from();
                run = byFrom.computeIfAbsent(runFrom, ignored -> new java.util.ArrayList<>());
            }
            run.add(candidate);
        }
    }

    public SchemaSnapshot snapshot() {
        return snapshot;
    }

    public Statistics statistics() {
        return statistics;
    }

    public NameIndex index() {
        return index;
    }

    public Optional<Table> table(TableName name) {
        return tables.get(name);
    }

    public Optional<Column> column(ColumnName name) {
        return columns.get(name);
    }

    public Optional<ColumnStatistics> statistics(ColumnName name) {
        return columnStatistics.get(name);
    }

    /** Rows of a table: counted or estimated by statistics, else the catalog's estimate. */
    public OptionalLong rows(TableName name) {
        TableStatistics stats = tableStatistics.get(name);
        if (stats != null) {
            return OptionalLong.of(stats.rows());
        }
        return table(name).map(Table::estimatedRows).orElse(OptionalLong.empty());
    }

    /** A table's name in compact form ({@link Names#compact(String)}), worked out once per table. */
    public String compactName(TableName table) {
        return recentCompactNames.get(table);
    }

    /** The candidates that start from the same columns (including this one). */
    public List<Candidate> candidatesFrom(ColumnSet from) {
        return byFrom.getOrDefault(from, List.of());
    }

    /**
     * What {@code signal} works out from a target column set alone, worked out once per target: many candidates
     * point at one key, and share its column set instance ({@code TableFacts#targetSet}). {@code compute} must
     * depend on nothing but the target and this context.
     */
    @SuppressWarnings("unchecked")
    public <T> T perTarget(String signal, ColumnSet target, java.util.function.Function<ColumnSet, T> compute) {
        return (T) perTarget.computeIfAbsent(signal, ignored -> new java.util.IdentityHashMap<>())
                .computeIfAbsent(target, compute);
    }

    /** How many candidates start from the same columns (including this one). */
    public int rivals(ColumnSet from) {
        List<Candidate> group = byFrom.get(from);
        return group == null ? 0 : group.size();
    }

    /**
     * The best containment figure for a candidate: the probe's exact answer when there is one (for a polymorphic
     * candidate: its partition's), else an estimate from statistics (single columns only). Empty when nothing is
     * known.
     */
    public Optional<Containment> containment(Candidate candidate) {
        if (candidate.probed().isPresent()) {
            return candidate.probed();
        }
        if (!candidate.from().isSingleColumn() || candidate.discriminator().isPresent()) {
            // a polymorphic column holds ids of several tables: only the probe of its partition tells, and column
            // statistics mix the partitions
            return Optional.empty();
        }
        // worked out each time it is asked: a candidate is measured once (again only after a probe, which then
        // answers), so a map of the estimates by pair of columns only ever grew, one entry per candidate
        Optional<ColumnStatistics> from = statistics(candidate.from().columnNames().get(0));
        Optional<ColumnStatistics> to = statistics(candidate.to().columnNames().get(0));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return ValueOverlap.containment(from.get(), to.get());
    }
}
