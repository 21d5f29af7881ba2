package io.tacit.inference.signals;

/**
 * Numbers in evidence details, written as {@code String.format(Locale.ROOT, "%,d")} and {@code "%.1f"} would
 * write them, without a Formatter: details are built for every candidate, and the Formatter was a large share
 * of the signals stage's time and allocation on big schemas.
 */
final class Figures {
    private Figures() {
    }

    /** {@code 1234567} -> {@code 1,234,567}. */
    static String count(long value) {
        String digits = Long.toString(value);
        int start = value < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        out.append(digits, 0, start);
        int head = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, start, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** One decimal, half up: {@code 12.25} -> {@code 12.3}. */
    static String oneDecimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        long tenths = Math.round(Math.abs(value) * 10);
        String sign = value < 0 && tenths != 0 ? "-" : "";
        return sign + (tenths / 10) + "." + (tenths % 10);
    }
}
