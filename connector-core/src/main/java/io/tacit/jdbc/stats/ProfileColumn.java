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
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.datasketches.hash.MurmurHash3;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * One column's figures while its table is scanned, built for the hot path of a scan:
 * <ul>
 *   <li>integers (PostgreSQL, MariaDB) are read with {@code getLong} and counted in a primitive set of the
 *       values themselves — no object per row;</li>
 *   <li>text is hashed as its canonical UTF-8 bytes (on PostgreSQL the driver's own bytes, no String per row)
 *       and counted in a primitive set of 64-bit hashes (two distinct values sharing a 64-bit hash is
 *       vanishingly rare at these sizes); a value becomes a String only the first time it is seen.</li>
 * </ul>
 * Sketch, min, max and the value list are updated once per distinct value. When the table's budget of exactly
 * counted distinct values is spent, the column gives up its set and every value goes to the sketch and the
 * running min/max. Values reach the sketch in the same canonical text form that
 * {@link io.tacit.statistics.ValueOverlap} uses, so sketches and value lists of any two columns compare.
 */
final class ProfileColumn {
    /** {@code numeric(15,2)}, {@code decimal(10, 4)}: a declared scale above zero. */
    private static final Pattern FRACTIONAL = Pattern.compile(".*\\(\\s*\\d+\\s*,\\s*0*[1-9]\\d*\\s*\\).*");
    private static final long HASH_SEED = 9001L;

    private enum Source {
        /** {@code getLong}: integers of drivers whose values are typed */
        LONG,
        /** the driver's bytes of a text value (PgJDBC: the UTF-8 text as received) */
        RAW_TEXT,
        /** as RAW_TEXT, without the blanks of a {@code char(n)} */
        RAW_PADDED_TEXT,
        /** {@code getString} turned into canonical text */
        CANONICAL_TEXT,
        /** {@code getBytes} as lower-case hex */
        BINARY
    }

    private final Column column;
    private final ColumnName name;
    private final int index;
    private final Source source;
    private final Comparator<String> order;
    private final int lgK;
    private final int valueListLimit;
    private long nulls;
    private long nonNull;
    private long width;
    private LongHashSet exact;
    private UpdateSketch sketch;
    private long minLong = Long.MAX_VALUE;
    private long maxLong = Long.MIN_VALUE;
    private String min;
    private String max;
    private List<String> values = new ArrayList<>();

    /**
     * @param expectedDistinct the engine's distinct estimate (0 when unknown), to size the set once
     */
    ProfileColumn(ColumnName name, Column column, int index, String dialect, int lgK, int valueListLimit,
            long expectedDistinct) {
        this.name = requireNonNull(name, "name is null");
        this.column = requireNonNull(column, "column is null");
        this.index = index;
        this.lgK = lgK;
        this.valueListLimit = valueListLimit;
        this.source = sourceFor(column, dialect);
        this.order = ValueText.order(column.type().family());
        this.sketch = ValueSketches.newSketch(lgK);
        this.exact = new LongHashSet((int) Math.max(64, Math.min(1 << 20, expectedDistinct)));
    }

    /**
     * Whether profiling reads this column as a key candidate: a key-like family, and not a decimal with
     * fractional digits (prices and measures are never keys, and they are a large share of a fact table).
     */
    static boolean profiled(Column column) {
        TypeFamily family = column.type().family();
        if (!family.keyLike()) {
            return false;
        }
        return family != TypeFamily.DECIMAL || !FRACTIONAL.matcher(column.type().nativeName()).matches();
    }

    /** The canonical text of a value the database printed for this column. */
    static String canonical(Column column, String raw) {
        TypeFamily family = column.type().family();
        if (family == TypeFamily.STRING && blankPadded(column.type().nativeName())) {
            return ValueText.unpadded(raw);
        }
        return ValueText.canonical(family, raw);
    }

    /**
     * Reads this column of the current row.
     *
     * @return whether the value was new to the exact distinct set (it costs one unit of the table's budget)
     */
    boolean accept(ResultSet row) throws SQLException {
        if (source == Source.LONG) {
            long value = row.getLong(index);
            if (value == 0 && row.wasNull()) {
                nulls++;
                return false;
            }
            return acceptLong(value);
        }
        byte[] bytes;
        String text = null;
        int binaryWidth = -1;
        switch (source) {
            case RAW_TEXT -> bytes = row.getBytes(index);
            case RAW_PADDED_TEXT -> bytes = unpadded(row.getBytes(index));
            case BINARY -> {
                byte[] raw = row.getBytes(index);
                if (raw != null) {
                    binaryWidth = raw.length;
                    text = ValueText.hex(raw);
                }
                bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String raw = row.getString(index);
                if (raw != null) {
                    text = canonical(column, raw);
                }
                bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            }
        }
        if (bytes == null) {
            nulls++;
            return false;
        }
        nonNull++;
        width += binaryWidth >= 0 ? binaryWidth : bytes.length;
        if (exact == null) {
            sketch.update(bytes);
            track(text == null ? new String(bytes, StandardCharsets.UTF_8) : text);
            return false;
        }
        if (!exact.add(MurmurHash3.hash(bytes, HASH_SEED)[0])) {
            return false;
        }
        sketch.update(bytes);
        String value = text == null ? new String(bytes, StandardCharsets.UTF_8) : text;
        track(value);
        if (values != null) {
            if (values.size() < valueListLimit) {
                values.add(value);
            } else {
                values = null;
            }
        }
        return true;
    }

    private boolean acceptLong(long value) {
        nonNull++;
        width += digits(value);
        if (value < minLong) {
            minLong = value;
        }
        if (value > maxLong) {
            maxLong = value;
        }
        if (exact == null) {
            sketch.update(Long.toString(value));
            return false;
        }
        return exact.add(value);
    }

    /** Distinct values held exactly, 0 once the column has moved to its sketch. */
    int exactSize() {
        return exact == null ? 0 : exact.size();
    }

    /** Gives up the exact set (the table's budget is spent): from now on every value goes to the sketch. */
    void abandonExact() {
        if (exact == null) {
            return;
        }
        if (source == Source.LONG) {
            for (long value : exact.toArray()) {
                sketch.update(Long.toString(value));
            }
        }
        exact = null;
        values = null;
    }

    ColumnStatistics finish(StatisticsOrigin origin, long rows) {
        ColumnStatistics.Builder builder = ColumnStatistics.builder(name, origin)
                .rows(rows)
                .nulls(nulls);
        if (nonNull > 0) {
            builder.averageWidth((double) width / nonNull);
        }
        if (source == Source.LONG) {
            finishLongs(builder);
        } else {
            if (exact != null) {
                builder.distinct(DistinctCount.exact(exact.size()));
                if (values != null) {
                    values.sort(order);
                    builder.values(values);
                }
            } else {
                builder.distinct(estimated());
            }
            builder.min(min).max(max);
        }
        builder.sketch(ValueSketches.serialize(sketch));
        return builder.build();
    }

    private void finishLongs(ColumnStatistics.Builder builder) {
        if (nonNull > 0) {
            builder.min(Long.toString(minLong)).max(Long.toString(maxLong));
        }
        if (exact == null) {
            builder.distinct(estimated());
            return;
        }
        long[] distinct = exact.toArray();
        builder.distinct(DistinctCount.exact(distinct.length));
        boolean listed = distinct.length <= valueListLimit;
        if (listed) {
            Arrays.sort(distinct);
        }
        List<String> texts = listed ? new ArrayList<>(distinct.length) : null;
        for (long value : distinct) {
            String text = Long.toString(value);
            sketch.update(text);
            if (listed) {
                texts.add(text);
            }
        }
        if (listed) {
            builder.values(texts);
        }
    }

    private DistinctCount estimated() {
        return DistinctCount.estimated(Math.min(nonNull, Math.round(sketch.getEstimate())));
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

    private static byte[] unpadded(byte[] raw) {
        if (raw == null) {
            return null;
        }
        int end = raw.length;
        while (end > 0 && raw[end - 1] == ' ') {
            end--;
        }
        if (end == raw.length) {
            return raw;
        }
        return Arrays.copyOf(raw, end);
    }

    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int sign = value < 0 ? 1 : 0;
        long magnitude = Math.abs(value);
        int digits = 1;
        while (magnitude >= 10) {
            magnitude /= 10;
            digits++;
        }
        return sign + digits;
    }

    private static Source sourceFor(Column column, String dialect) {
        TypeFamily family = column.type().family();
        String nativeName = column.type().nativeName().toLowerCase(Locale.ROOT);
        boolean postgres = dialect.equals("postgresql");
        boolean typedDriver = postgres || dialect.equals("mariadb") || dialect.equals("mysql");
        return switch (family) {
            // SQLite and unknown drivers may hold text in an integer column: read what is there
            case INTEGER -> typedDriver && !nativeName.contains("unsigned") ? Source.LONG : Source.CANONICAL_TEXT;
            case BINARY -> Source.BINARY;
            case STRING -> {
                if (!postgres) {
                    yield Source.CANONICAL_TEXT;
                }
                yield blankPadded(nativeName) ? Source.RAW_PADDED_TEXT : Source.RAW_TEXT;
            }
            default -> Source.CANONICAL_TEXT;
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
