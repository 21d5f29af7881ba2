package io.tacit.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text form of a one-dimensional PostgreSQL array ({@code {1,2,"a b","x\"y",NULL}}), as
 * {@code pg_stats.most_common_vals::text} prints it. Elements of nested arrays come back as their own text.
 */
final class PostgresArrayLiteral {
    private PostgresArrayLiteral() {
    }

    /** The elements in order; {@code NULL} elements are left out. Empty for null or malformed input. */
    static List<String> parse(String literal) {
        List<String> elements = new ArrayList<>();
        if (literal == null) {
            return elements;
        }
        String text = literal.strip();
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return elements;
        }
        int position = 1;
        int end = text.length() - 1;
        StringBuilder element = new StringBuilder();
        while (position < end) {
            element.setLength(0);
            boolean quoted = false;
            char first = text.charAt(position);
            if (first == '"') {
                quoted = true;
                position++;
                while (position < end && text.charAt(position) != '"') {
                    char c = text.charAt(position);
                    if (c == '\\' && position + 1 < end) {
                        position++;
                        c = text.charAt(position);
                    }
                    element.append(c);
                    position++;
                }
                position++; // closing quote
            } else if (first == '{') {
                // a nested array element: keep its text
                int depth = 0;
                do {
                    char c = text.charAt(position);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}') {
                        depth--;
                    }
                    element.append(c);
                    position++;
                } while (position < end && depth > 0);
            } else {
                while (position < end && text.charAt(position) != ',') {
                    element.append(text.charAt(position));
                    position++;
                }
            }
            String value = element.toString();
            if (quoted || !value.equals("NULL")) {
                elements.add(value);
            }
            // skip the separator
            while (position < end && text.charAt(position) != ',') {
                position++;
            }
            position++;
        }
        return elements;
    }
}
