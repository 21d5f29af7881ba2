package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.RunWarning;
import io.tacit.spi.ValueProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exact containment of candidate relationships by one anti-join query each (the referencing side's distinct
 * values LEFT JOINed to the referenced side's distinct values; unmatched ones are missing), capped and under
 * the statement timeout.
 *
 * <p>Counts: distinct non-null referencing values (tuples; a tuple with any NULL is not checked, as SQL's
 * MATCH SIMPLE), how many exist on the referenced side, and the referencing rows whose value does not
 * (orphans).
 *
 * <p>Polymorphic pairs: with a {@link Discriminator} only the referencing rows whose discriminator column
 * equals its value are counted ({@code WHERE f."commentable_type" = ?}); the value is a bind parameter, never
 * SQL text. The discriminator is compared as the column's own type first and as text on the retry.
 *
 * <p>Cap: the referencing side is grouped in full (its scan is bounded by the statement timeout), but at most
 * {@link #DEFAULT_MAX_DISTINCT_VALUES} distinct values go into the join. When the cap is reached the answer
 * is marked {@code exact = false} and orphans are not counted (-1). This bounds the join's memory and time
 * without having to trust row estimates.
 *
 * <p>Types: values are compared as they are, which lets the database match int4 against int8 or numeric.
 * When the database refuses to compare the two types (PostgreSQL: uuid vs varchar), both sides are compared
 * as text instead. A statement or lock timeout, a type that cannot be compared even as text or any other
 * statement failure gives {@link Optional#empty()} and a {@link RunWarning} naming the check; only a lost
 * connection raises an error.
 */
public final class JdbcValueProbe implements ValueProbe {
    public static final long DEFAULT_MAX_DISTINCT_VALUES = 1_000_000;

    private final Connection connection;
    private final Dialect dialect;
    private final long maxDistinctValues;
    private final List<RunWarning> warnings = new ArrayList<>();
    private boolean sessionEnded;
    private long checksAfterSessionEnded;

    public JdbcValueProbe(Connection connection, Dialect dialect) {
        this(connection, dialect, DEFAULT_MAX_DISTINCT_VALUES);
    }

    public JdbcValueProbe(Connection connection, Dialect dialect, long maxDistinctValues) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        if (maxDistinctValues < 1) {
            throw new IllegalArgumentException("maxDistinctValues must be 1 or more: " + maxDistinctValues);
        }
        this.maxDistinctValues = maxDistinctValues;
    }

    @Override
    public Optional<Containment> containment(ColumnSet from, ColumnSet to, Optional<Discriminator> where) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(where, "where is null");
        if (from.columns().size() != to.columns().size()) {
            return Optional.empty();
        }
        if (sessionEnded) {
            checksAfterSessionEnded++;
            return Optional.empty();
        }
        try {
            return Optional.of(run(sql(from, to, where, false), where));
        } catch (SQLException e) {
            if (!dialect.isTypeMismatch(e)) {
                return lost(e, from, to);
            }
            Failures.throwIfConnectionLost(e, "checking " + from + " against " + to);
            recover();
        } catch (IllegalArgumentException unquotable) {
            warn(from, to, unquotable.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(run(sql(from, to, where, true), where));
        } catch (SQLException e) {
            return lost(e, from, to);
        }
    }

    @Override
    public List<RunWarning> warnings() {
        List<RunWarning> all = new ArrayList<>(warnings);
        if (checksAfterSessionEnded > 0) {
            all.add(new RunWarning(Optional.empty(), RunWarning.CONTAINMENT, checksAfterSessionEnded
                    + " more containment checks not made: the server had ended the session"));
        }
        return List.copyOf(all);
    }

    /**
     * A check that failed: the run goes on without it, and says so. A session the server ended (a terminated
     * backend) makes no further checks; the inference goes on with the statistics it has.
     */
    private Optional<Containment> lost(SQLException e, ColumnSet from, ColumnSet to) {
        if (dialect.isSessionTerminated(e)) {
            sessionEnded = true;
        } else {
            Failures.throwIfConnectionLost(e, "checking " + from + " against " + to);
            recover();
        }
        String tables = from.table().toString();
        if (!from.table().equals(to.table())) {
            tables = from.table() + " or " + to.table();
        }
        warn(from, to, Failures.problem(dialect, e, tables));
        return Optional.empty();
    }

    private void warn(ColumnSet from, ColumnSet to, String problem) {
        warnings.add(RunWarning.of(from.table(), RunWarning.CONTAINMENT,
                "check of " + from + " in " + to + " lost: " + problem));
    }

    /**
     * The probe's SQL; every identifier quoted by the dialect, the discriminator value left as the one bind
     * parameter. Visible for tests.
     */
    String sql(ColumnSet from, ColumnSet to, Optional<Discriminator> where, boolean asText) {
        List<String> fromSelect = new ArrayList<>();
        List<String> fromNotNull = new ArrayList<>();
        List<String> fromGroup = new ArrayList<>();
        List<String> toSelect = new ArrayList<>();
        List<String> toNotNull = new ArrayList<>();
        List<String> join = new ArrayList<>();
        for (int i = 0; i < from.columns().size(); i++) {
            // qualified: SQLite reads an unknown unqualified "name" as a string literal
            String fromColumn = "f." + dialect.quoteIdentifier(from.columns().get(i));
            String toColumn = "t." + dialect.quoteIdentifier(to.columns().get(i));
            String fromValue = asText ? asText(fromColumn) : fromColumn;
            String toValue = asText ? asText(toColumn) : toColumn;
            fromSelect.add(fromValue + " AS v" + i);
            fromGroup.add(fromValue);
            fromNotNull.add(fromColumn + " IS NOT NULL");
            toSelect.add(toValue + " AS k" + i);
            toNotNull.add(toColumn + " IS NOT NULL");
            join.add("d.v" + i + " = r.k" + i);
        }
        if (where.isPresent()) {
            String discriminator = "f." + dialect.quoteIdentifier(where.get().column());
            fromNotNull.add((asText ? asText(discriminator) : discriminator) + " = ?");
        }
        return StatsSql.render("containment.sql", Map.of(
                "fromSelect", String.join(", ", fromSelect),
                "fromTable", dialect.quote(from.table()),
                "fromNotNull", String.join(" AND ", fromNotNull),
                "fromGroup", String.join(", ", fromGroup),
                "limit", " LIMIT " + (maxDistinctValues + 1),
                "toSelect", String.join(", ", toSelect),
                "toTable", dialect.quote(to.table()),
                "toNotNull", String.join(" AND ", toNotNull),
                "join", String.join(" AND ", join)));
    }

    private Containment run(String sql, Optional<Discriminator> where) throws SQLException {
        try (PreparedStatement statement = dialect.prepare(connection, sql)) {
            if (where.isPresent()) {
                statement.setString(1, where.get().value());
            }
            try (ResultSet result = statement.executeQuery()) {
                return containment(result);
            }
        }
    }

    private Containment containment(ResultSet result) throws SQLException {
        result.next();
        long distinct = result.getLong("distinct_values");
        long found = result.getLong("found_values");
        long orphans = result.getLong("orphan_rows");
        if (distinct > maxDistinctValues) {
            return new Containment(distinct, found, -1, false);
        }
        return new Containment(distinct, found, orphans, true);
    }

    private String asText(String expression) {
        return dialect.castToText(expression);
    }

    /** A failed statement aborts an open PostgreSQL transaction: end it so the session stays usable. */
    private void recover() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the next statement reports a broken session itself
        }
    }
}
