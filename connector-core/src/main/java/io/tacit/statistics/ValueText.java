package io.tacit.statistics;

import io.tacit.model.TypeFamily;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one canonical text form of a value per type family. Profilers hash and keep values in this form so that
 * equal values in differently typed columns compare equal: {@code int4 7}, {@code int8 7} and
 * {@code numeric 7.00} are all {@code "7"}; uuids are lower case; binary values are lower-case hex.
 * Strings are kept as they are (blank-padded {@code char(n)} values lose their padding).
 */
public final class ValueText {
    private static final HexFormat HEX = HexFormat.of();

    private ValueText() {
    }

    /** The canonical form of {@code raw} as the database printed it, for a column of {@code family}. */
    public static String canonical(TypeFamily family, String raw) {
        switch (family) {
            case INTEGER:
            case DECIMAL:
                return canonicalNumber(raw);
            case UUID:
                return raw.toLowerCase(Locale.ROOT);
            default:
                return raw;
        }
    }

    /** A blank-padded {@code char(n)} value without its trailing blanks. */
    public static String unpadded(String raw) {
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == raw.length()) {
            return raw;
        }
        return raw.substring(0, end);
    }

    /** Lower-case hex of a binary value. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Integers without sign noise, leading zeros or fraction ({@code 7}); other numbers with trailing zeros stripped. */
    public static String canonicalNumber(String raw) {
        if (isCanonicalInteger(raw)) {
            return raw;
        }
        String plain = plainDecimal(raw);
        if (plain != null) {
            return plain;
        }
        try {
            BigDecimal number = new BigDecimal(raw.trim());
            if (number.signum() == 0) {
                return "0";
            }
            return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }

    /**
     * The canonical form of a plain decimal such as {@code 12.50} or {@code -0.040} without parsing it, or null
     * when the text is anything else (exponent, leading zeros, sign plus, spaces): the common case on the hot
     * path of a scan stays free of BigDecimal.
     */
    private static String plainDecimal(String raw) {
        int length = raw.length();
        int start = length > 0 && raw.charAt(0) == '-' ? 1 : 0;
        int dot = -1;
        for (int i = start; i < length; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    return null;
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        if (dot <= start || dot == length - 1) {
            return null;
        }
        // no leading zeros in the integer part, except a lone 0 before the dot
        if (raw.charAt(start) == '0' && dot != start + 1) {
            return null;
        }
        int end = length;
        while (end > dot + 1 && raw.charAt(end - 1) == '0') {
            end--;
        }
        if (end == dot + 1) {
            end = dot;
        }
        String result = end == length ? raw : raw.substring(0, end);
        if (result.equals("-0") || result.equals("0")) {
            return "0";
        }
        return result;
    }

    /** Whether {@code text} is an integer in canonical form: optional minus, no leading zero, digits only. */
    public static boolean isCanonicalInteger(String text) {
        int length = text.length();
        if (length == 0) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == length || (text.charAt(start) == '0' && length > start + 1)) {
            return false;
        }
        if (start == 1 && length == 2 && text.charAt(1) == '0') {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the family's values order as numbers rather than as text. */
    public static boolean numeric(TypeFamily family) {
        return family == TypeFamily.INTEGER || family == TypeFamily.DECIMAL || family == TypeFamily.FLOAT;
    }

    /** The order of values of one family: numeric for numeric families, lexical (by UTF-16 units) otherwise. */
    public static Comparator<String> order(TypeFamily family) {
        if (numeric(family)) {
            return ValueText::compareNumbers;
        }
        return Comparator.naturalOrder();
    }

    /**
     * Compares two texts numerically when both are numbers, lexically otherwise. Canonical numbers (as
     * {@link #canonicalNumber} writes them) compare without parsing.
     */
    public static int compareNumbers(String left, String right) {
        if (isCanonicalDecimal(left) && isCanonicalDecimal(right)) {
            return compareCanonicalDecimals(left, right);
        }
        BigDecimal leftNumber = parse(left);
        BigDecimal rightNumber = parse(right);
        if (leftNumber == null || rightNumber == null) {
            return left.compareTo(right);
        }
        return leftNumber.compareTo(rightNumber);
    }

    /** Compares texts as numbers when both parse, else as text: what a consumer with no type at hand can do. */
    public static int compareAny(String left, String right) {
        return compareNumbers(left, right);
    }

    /** The value as a number, empty when it is not one. */
    public static java.util.Optional<BigDecimal> number(String text) {
        return java.util.Optional.ofNullable(parse(text));
    }

    static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?} and not {@code -0}. */
    static boolean isCanonicalDecimal(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (start == length) {
            return false;
        }
        int dot = text.indexOf('.', start);
        int integerEnd = dot < 0 ? length : dot;
        if (integerEnd == start || (text.charAt(start) == '0' && integerEnd > start + 1)) {
            return false;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        if (dot >= 0 && (dot == length - 1 || text.charAt(length - 1) == '0')) {
            return false;
        }
        return !(start == 1 && integerEnd == 2 && text.charAt(1) == '0' && dot < 0);
    }

    private static int compareCanonicalDecimals(String left, String right) {
        boolean leftNegative = left.charAt(0) == '-';
        boolean rightNegative = right.charAt(0) == '-';
        if (leftNegative != rightNegative) {
            return leftNegative ? -1 : 1;
        }
        int magnitude = compareMagnitudes(left, leftNegative ? 1 : 0, right, rightNegative ? 1 : 0);
        return leftNegative ? -magnitude : magnitude;
    }

    private static int compareMagnitudes(String left, int leftStart, String right, int rightStart) {
        int leftDot = left.indexOf('.', leftStart);
        int rightDot = right.indexOf('.', rightStart);
        int leftIntegerEnd = leftDot < 0 ? left.length() : leftDot;
        int rightIntegerEnd = rightDot < 0 ? right.length() : rightDot;
        int leftDigits = leftIntegerEnd - leftStart;
        int rightDigits = rightIntegerEnd - rightStart;
        if (leftDigits != rightDigits) {
            return Integer.compare(leftDigits, rightDigits);
        }
        for (int i = 0; i < leftDigits; i++) {
            int byDigit = Character.compare(left.charAt(leftStart + i), right.charAt(rightStart + i));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        // equal integer parts: fractions (no trailing zeros) compare as text, a missing one is smallest
        String leftFraction = leftDot < 0 ? "" : left.substring(leftDot + 1);
        String rightFraction = rightDot < 0 ? "" : right.substring(rightDot + 1);
        return leftFraction.compareTo(rightFraction);
    }
}
