package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What is known about one column's values. Every figure is optional because engine statistics, samples and
 * catalog profiles each know different things.
 *
 * @param rows rows the figures describe (the sample size for a sample)
 * @param nulls rows whose value is NULL among {@code rows}
 * @param min the smallest value in its text form
 * @param max the largest value in its text form
 * @param averageWidth average stored width in bytes
 * @param frequentValues most common values, text form, most frequent first (may be empty)
 * @param sketch a serialized DataSketches compact Theta sketch of the distinct values (hashed as text),
 *               for estimating containment between columns without reading them again
 * @param values every distinct non-null value in text form, sorted, when the column has few enough of them
 *               for an exact containment test in memory
 */
public record ColumnStatistics(
        ColumnName column,
        StatisticsOrigin origin,
        OptionalLong rows,
        OptionalLong nulls,
        Optional<DistinctCount> distinct,
        Optional<String> min,
        Optional<String> max,
        OptionalDouble averageWidth,
        List<String> frequentValues,
        Optional<byte[]> sketch,
        Optional<List<String>> values) {
    public ColumnStatistics {
        requireNonNull(column, "column is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(nulls, "nulls is null");
        requireNonNull(distinct, "distinct is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        requireNonNull(averageWidth, "averageWidth is null");
        frequentValues = List.copyOf(requireNonNull(frequentValues, "frequentValues is null"));
        requireNonNull(sketch, "sketch is null");
        values = requireNonNull(values, "values is null").map(List::copyOf);
    }

    /** Rows holding a value, when both figures are known. */
    public OptionalLong nonNullRows() {
        if (rows.isEmpty() || nulls.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, rows.getAsLong() - nulls.getAsLong()));
    }

    /** Share of NULL values, when known. */
    public OptionalDouble nullFraction() {
        if (rows.isEmpty() || nulls.isEmpty() || rows.getAsLong() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) nulls.getAsLong() / rows.getAsLong());
    }

    /** Whether every non-null value is distinct, as far as the figures tell. Empty when unknown. */
    public Optional<Boolean> unique() {
        OptionalLong nonNull = nonNullRows();
        if (nonNull.isEmpty() || distinct.isEmpty() || nonNull.getAsLong() == 0) {
            return Optional.empty();
        }
        long distinctValues = distinct.get().value();
        if (distinct.get().exact()) {
            return Optional.of(distinctValues == nonNull.getAsLong());
        }
        // estimates are within a few percent
        return Optional.of(distinctValues >= 0.97 * nonNull.getAsLong());
    }

    public static Builder builder(ColumnName column, StatisticsOrigin origin) {
        return new Builder(column, origin);
    }

    /** Builds statistics field by field; what is not set stays unknown. */
    public static final class Builder {
        private final ColumnName column;
        private final StatisticsOrigin origin;
        private OptionalLong rows = OptionalLong.empty();
        private OptionalLong nulls = OptionalLong.empty();
        private Optional<DistinctCount> distinct = Optional.empty();
        private Optional<String> min = Optional.empty();
        private Optional<String> max = Optional.empty();
        private OptionalDouble averageWidth = OptionalDouble.empty();
        private List<String> frequentValues = List.of();
        private Optional<byte[]> sketch = Optional.empty();
        private Optional<List<String>> values = Optional.empty();

        private Builder(ColumnName column, StatisticsOrigin origin) {
            this.column = requireNonNull(column, "column is null");
            this.origin = requireNonNull(origin, "origin is null");
        }

        public Builder rows(long value) {
            this.rows = OptionalLong.of(value);
            return this;
        }

        public Builder nulls(long value) {
            this.nulls = OptionalLong.of(value);
            return this;
        }

        public Builder distinct(DistinctCount value) {
            this.distinct = Optional.of(value);
            return this;
        }

        public Builder min(String value) {
            this.min = Optional.ofNullable(value);
            return this;
        }

        public Builder max(String value) {
            this.max = Optional.ofNullable(value);
            return this;
        }

        public Builder averageWidth(double value) {
            this.averageWidth = OptionalDouble.of(value);
            return this;
        }

        public Builder frequentValues(List<String> value) {
            this.frequentValues = value;
            return this;
        }

        public Builder sketch(byte[] value) {
            this.sketch = Optional.ofNullable(value);
            return this;
        }

        public Builder values(List<String> value) {
            this.values = Optional.ofNullable(value);
            return this;
        }

        public ColumnStatistics build() {
            return new ColumnStatistics(column, origin, rows, nulls, distinct, min, max, averageWidth,
                    frequentValues, sketch, values);
        }
    }
}
