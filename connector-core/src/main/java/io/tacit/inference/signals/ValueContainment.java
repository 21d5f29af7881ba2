package io.tacit.inference.signals;

import io.tacit.model.ColumnStatistics;
import io.tacit.model.Containment;
import io.tacit.model.StatisticsOrigin;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Containment estimated from statistics alone. */
public final class ValueContainment {
    private ValueContainment() {
    }

    public static Optional<Containment> estimate(ColumnStatistics from, ColumnStatistics to) {
        if (from.values().isEmpty() || to.values().isEmpty()) {
            return Optional.empty();
        }
        List<String> fromValues = from.values().get();
        Set<String> toValues = new HashSet<>();
        for (String value : to.values().get()) {
            toValues.add(canonical(value));
        }
        long found = 0;
        for (String value : fromValues) {
            if (toValues.contains(canonical(value))) {
                found++;
            }
        }
        boolean exact = from.origin() == StatisticsOrigin.FULL && to.origin() == StatisticsOrigin.FULL;
        return Optional.of(new Containment(fromValues.size(), found, -1, exact));
    }

    /** Whether from's range lies inside to's; empty when a bound is unknown. */
    public static Optional<Boolean> rangeContained(ColumnStatistics from, ColumnStatistics to) {
        if (from.min().isEmpty() || from.max().isEmpty() || to.min().isEmpty() || to.max().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(compare(from.min().get(), to.min().get()) >= 0
                && compare(from.max().get(), to.max().get()) <= 0);
    }

    static int compare(String left, String right) {
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return left.strip().compareTo(right.strip());
    }

    public static BigDecimal number(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) {
            return null;
        }
        char first = trimmed.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+')) {
            return null;
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    public static String canonical(String value) {
        BigDecimal number = number(value);
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.strip();
    }
}
