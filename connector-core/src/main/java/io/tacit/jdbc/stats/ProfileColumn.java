package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TypeFamily;
import io.tacit.statistics.ValueSketches;
import io.tacit.statistics.ValueText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * One column's figures while its table is scanned. While the distinct values fit the table's budget they are
 * kept in a hash set (exact count; sketch, min and max computed once per distinct value at the end); after
 * that every value goes into the Theta sketch and the running min/max instead.
 */
final class ProfileColumn {
    private enum Reader {
        NUMBER,
        UUID,
        TEXT,
        PADDED_TEXT,
        BINARY
    }

    private final Column column;
    private final ColumnName name;
    private final int index;
    private final Reader reader;
    private final Comparator<String> order;
    private final int lgK;
    private long nulls;
    private long nonNull;
    private long width;
    private Set<String> exact = new HashSet<>();
    private UpdateSketch sketch;
    private String min;
    private String max;

    ProfileColumn(ColumnName name, Column column, int index, int lgK) {
        this.name = requireNonNull(name, "name is null");
        this.column = requireNonNull(column, "column is null");
        this.index = index;
        this.lgK = lgK;
        this.reader = readerFor(column);
        this.order = ValueText.order(column.type().family());
    }

    /** Whether profiling can read this column as a key candidate. */
    static boolean profiled(Column column) {
        return column.type().family().keyLike();
    }

    /** The canonical text of a value the database printed for this column. */
    static String canonical(Column column, String raw) {
        return switch (readerFor(column)) {
            case NUMBER -> ValueText.canonicalNumber(raw);
            case UUID -> raw.toLowerCase(Locale.ROOT);
            case PADDED_TEXT -> ValueText.unpadded(raw);
            default -> raw;
        };
    }

    /**
     * Reads this column of the current row.
     *
     * @return whether the value was new to the exact distinct set (it costs one unit of the table's budget)
     */
    boolean accept(ResultSet row) throws SQLException {
        String value;
        int valueWidth;
        switch (reader) {
            case NUMBER -> {
                String raw = row.getString(index);
                value = raw == null ? null : ValueText.canonicalNumber(raw);
                valueWidth = value == null ? 0 : value.length();
            }
            case UUID -> {
                String raw = row.getString(index);
                value = raw == null ? null : raw.toLowerCase(Locale.ROOT);
                valueWidth = 16;
            }
            case PADDED_TEXT -> {
                String raw = row.getString(index);
                value = raw == null ? null : ValueText.unpadded(raw);
                valueWidth = raw == null ? 0 : raw.length();
            }
            case BINARY -> {
                byte[] raw = row.getBytes(index);
                value = raw == null ? null : ValueText.hex(raw);
                valueWidth = raw == null ? 0 : raw.length;
            }
            default -> {
                value = row.getString(index);
                valueWidth = value == null ? 0 : value.length();
            }
        }
        if (value == null) {
            nulls++;
            return false;
        }
        nonNull++;
        width += valueWidth;
        if (exact != null) {
            return exact.add(value);
        }
        sketch.update(value);
        track(value);
        return false;
    }

    /** Distinct values held exactly, 0 once the column has moved to its sketch. */
    int exactSize() {
        return exact == null ? 0 : exact.size();
    }

    /** Gives up the exact set (the table's budget is spent): its values move into the sketch. */
    void abandonExact() {
        if (exact == null) {
            return;
        }
        sketch = ValueSketches.newSketch(lgK);
        for (String value : exact) {
            sketch.update(value);
            track(value);
        }
        exact = null;
    }

    ColumnStatistics finish(StatisticsOrigin origin, long rows, int valueListLimit) {
        ColumnStatistics.Builder builder = ColumnStatistics.builder(name, origin)
                .rows(rows)
                .nulls(nulls);
        if (nonNull > 0) {
            builder.averageWidth((double) width / nonNull);
        }
        if (exact != null) {
            UpdateSketch built = ValueSketches.newSketch(lgK);
            for (String value : exact) {
                built.update(value);
                track(value);
            }
            builder.distinct(DistinctCount.exact(exact.size()));
            builder.sketch(ValueSketches.serialize(built));
            if (exact.size() <= valueListLimit) {
                List<String> values = new ArrayList<>(exact);
                values.sort(order);
                builder.values(values);
            }
        } else {
            builder.distinct(DistinctCount.estimated(Math.min(nonNull, Math.round(sketch.getEstimate()))));
            builder.sketch(ValueSketches.serialize(sketch));
        }
        builder.min(min).max(max);
        return builder.build();
    }

    Column column() {
        return column;
    }

    private void track(String value) {
        if (min == null || order.compare(value, min) < 0) {
            min = value;
        }
        if (max == null || order.compare(value, max) > 0) {
            max = value;
        }
    }

    private static Reader readerFor(Column column) {
        TypeFamily family = column.type().family();
        return switch (family) {
            case INTEGER, DECIMAL -> Reader.NUMBER;
            case UUID -> Reader.UUID;
            case BINARY -> Reader.BINARY;
            case STRING -> blankPadded(column.type().nativeName()) ? Reader.PADDED_TEXT : Reader.TEXT;
            default -> Reader.TEXT;
        };
    }

    private static boolean blankPadded(String nativeName) {
        String type = nativeName.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("bpchar")
                || type.equals("char")
                || type.startsWith("char(")
                || type.equals("character")
                || type.startsWith("character(")
                || type.startsWith("nchar");
    }
}
