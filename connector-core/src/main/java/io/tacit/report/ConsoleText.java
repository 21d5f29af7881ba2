package io.tacit.report;

/**
 * Makes text from a database or a catalog safe to print on a terminal: names and messages may hold escape
 * sequences (which recolour, move the cursor or retitle the window) or line breaks (which forge extra lines of
 * output). Each such character is shown as a visible escape ({@code \n}, {@code \u001b}) instead.
 */
public final class ConsoleText {
    private ConsoleText() {
    }

    /**
     * One printable line: C0 controls (line breaks and tabs included), DEL, C1 controls and the bidirectional
     * overrides (which reorder what is shown, "Trojan source") escaped.
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean keepTabs) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first), keepTabs)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepTabs)) {
                out.append(c);
            }
            else if (c == '\n') {
                out.append("\\n");
            }
            else if (c == '\r') {
                out.append("\\r");
            }
            else if (c == '\t') {
                out.append("\\t");
            }
            else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Several lines (a stack trace): each line escaped, the line breaks and tabs (indentation) kept. */
    public static String escapeLines(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(escape(lines[i], true));
        }
        return out.toString();
    }

    private static boolean unsafe(char c, boolean keepTabs) {
        if (c == '\t') {
            return !keepTabs;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
