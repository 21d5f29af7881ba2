package io.tacit.jdbc.stats;

import static java.util.Objects.requireNonNull;

import io.tacit.jdbc.Dialect;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TypeFamily;
import io.tacit.statistics.LongHashSet;
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
import org.apache.datasketches.theta.UpdateSketch;

/**
 * One column's figures while its table is scanned, built for the hot path of a scan:
 * <ul>
 *   <li>integers (PostgreSQL, MariaDB) are read with {@code getLong} and counted in a primitive set of the
 *       values themselves — no object per row;</li>
 *   <li>text is hashed as its canonical UTF-8 bytes (on PostgreSQL the driver's own bytes, no String per row)
 *       with {@link ValueHash} and counted in a primitive set of 64-bit hashes (two distinct values sharing a
 *       64-bit hash is vanishingly rare at these sizes); a value becomes a String, and reaches the sketch, only
 *       the first time it is seen.</li>
 * </ul>
 * Sketch, min, max and the value list are updated once per distinct value. When the table's budget of exactly
 * counted distinct values is spent, the column gives up its set and every value goes to the sketch and the
 * running min/max. Values reach the sketch in the same canonical text form that
 * {@link io.tacit.statistics.ValueOverlap} uses, so sketches and value lists of any two columns compare.
 */
final class ProfileColumn {
    /** {@code numeric(15,2)}, {@code decimal(10, 4)}: a declared scale above zero. */
    private static final Pattern FRACTIONAL = Pattern.compile(".*\\(\\s*\\d+\\s*,\\s*0*[1-9]\\d*\\s*\\).*");

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
    ProfileColumn(ColumnName name, Column column, int index, Dialect dialect, int lgK, int valueListLimit,
            long expectedDistinct) {
        this.name = requireNonNull(name, "name is null");
        this.column = requireNonNull(column, "column is null");
        this.index = index;
        this.lgK = lgK;
        this.valueListLimit = valueListLimit;
        this.source = sourceFor(column, dialect);
        this.order = ValueText.order(column.type().family());
        this.sketch = ValueSketches.newSketch(lgK);
        this.exact = new LongHashSet((int) Math.max(64, Math.min(1 << 16, expectedDistinct)));
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
        switch (source) {
            case RAW_TEXT, RAW_PADDED_TEXT -> {
                byte[] bytes = row.getBytes(index);
                if (bytes == null) {
                    nulls++;
                    return false;
                }
                return acceptBytes(bytes, 0, bytes.length, null, -1);
            }
            case BINARY -> {
                byte[] raw = row.getBytes(index);
                if (raw == null) {
                    nulls++;
                    return false;
                }
                return acceptText(ValueText.hex(raw), raw.length);
            }
            default -> {
                String raw = row.getString(index);
                if (raw == null) {
                    nulls++;
                    return false;
                }
                return acceptText(canonical(column, raw), -1);
            }
        }
    }

    /** A NULL read from a COPY row. */
    void acceptNull() {
        nulls++;
    }

    /**
     * A non-null field of a PostgreSQL {@code COPY ... TO STDOUT} text row, already unescaped: the text the
     * server prints for the value, as UTF-8 in {@code bytes[start, end)}.
     *
     * @return whether the value was new to the exact distinct set
     */
    boolean acceptCopyField(byte[] bytes, int start, int end) throws SQLException {
        switch (source) {
            case LONG -> {
                return acceptLong(parseLong(bytes, start, end));
            }
            case RAW_TEXT, RAW_PADDED_TEXT -> {
                return acceptBytes(bytes, start, end - start, null, -1);
            }
            case BINARY -> {
                // bytea prints as \x0a1b...: the hex digits are the canonical text already
                if (end - start < 2 || bytes[start] != '\\' || bytes[start + 1] != 'x') {
                    throw new SQLException("unexpected bytea text in column " + name);
                }
                String hex = new String(bytes, start + 2, end - start - 2, StandardCharsets.US_ASCII);
                return acceptText(hex, hex.length() / 2);
            }
            default -> {
                return acceptText(canonical(column, new String(bytes, start, end - start, StandardCharsets.UTF_8)), -1);
            }
        }
    }

    private boolean acceptText(String text, int binaryWidth) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return acceptBytes(bytes, 0, bytes.length, text, binaryWidth);
    }

    /**
     * The common path of every text value: {@code bytes[offset, offset + length)} is its canonical UTF-8 form
     * (but for the padding of a {@code char(n)}, dropped here); {@code text} is that form as a String when the
     * caller has one.
     */
    private boolean acceptBytes(byte[] bytes, int offset, int length, String text, int binaryWidth) {
        nonNull++;
        width += binaryWidth >= 0 ? binaryWidth : length;
        int valueLength = length;
        if (source == Source.RAW_PADDED_TEXT) {
            while (valueLength > 0 && bytes[offset + valueLength - 1] == ' ') {
                valueLength--;
            }
        }
        if (exact == null) {
            byte[] value = range(bytes, offset, valueLength);
            sketch.update(value);
            track(text == null ? new String(value, StandardCharsets.UTF_8) : text);
            return false;
        }
        if (!exact.add(ValueHash.hash(bytes, offset, valueLength))) {
            return false;
        }
        byte[] value = range(bytes, offset, valueLength);
        sketch.update(value);
        String string = text == null ? new String(value, StandardCharsets.UTF_8) : text;
        track(string);
        if (values != null) {
            if (values.size() < valueListLimit) {
                values.add(string);
            } else {
                values = null;
            }
        }
        return true;
    }

    private long parseLong(byte[] bytes, int start, int end) throws SQLException {
        int position = start;
        boolean negative = position < end && bytes[position] == '-';
        if (negative) {
            position++;
        }
        if (position == end || end - position > 19) {
            return parseLongSlowly(bytes, start, end);
        }
        long value = 0;
        for (; position < end; position++) {
            int digit = bytes[position] - '0';
            if (digit < 0 || digit > 9) {
                return parseLongSlowly(bytes, start, end);
            }
            value = value * 10 + digit;
        }
        if (value < 0) {
            return parseLongSlowly(bytes, start, end);
        }
        return negative ? -value : value;
    }

    private long parseLongSlowly(byte[] bytes, int start, int end) throws SQLException {
        String text = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            throw new SQLException("column " + name + " holds '" + text + "', not an integer");
        }
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
            sketch.update(asciiDigits(value));
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
                sketch.update(asciiDigits(value));
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
        // nothing reached the sketch yet: size it for what is coming
        sketch = ValueSketches.newSketch(lgK, distinct.length);
        boolean listed = distinct.length <= valueListLimit;
        if (listed) {
            Arrays.sort(distinct);
        }
        List<String> texts = listed ? new ArrayList<>(distinct.length) : null;
        for (long value : distinct) {
            byte[] digits = asciiDigits(value);
            sketch.update(digits);
            if (listed) {
                texts.add(new String(digits, StandardCharsets.US_ASCII));
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

    private static byte[] range(byte[] bytes, int offset, int length) {
        if (offset == 0 && length == bytes.length) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** {@code Long.toString(value)} as its UTF-8 bytes, what the sketch hashes, without the String. */
    static byte[] asciiDigits(long value) {
        if (value == Long.MIN_VALUE) {
            return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        }
        int length = digits(value);
        byte[] bytes = new byte[length];
        long magnitude = Math.abs(value);
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
            if (magnitude == 0 && value < 0 && i == 1) {
                bytes[0] = '-';
                break;
            }
        }
        return bytes;
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

    private static Source sourceFor(Column column, Dialect dialect) {
        TypeFamily family = column.type().family();
        String nativeName = column.type().nativeName().toLowerCase(Locale.ROOT);
        return switch (family) {
            // SQLite and unknown drivers may hold text in an integer column: read what is there
            case INTEGER -> dialect.readsTypedIntegers() && !nativeName.contains("unsigned") ? Source.LONG
                    : Source.CANONICAL_TEXT;
            case BINARY -> Source.BINARY;
            case STRING -> {
                if (!dialect.readsTextAsUtf8Bytes()) {
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
