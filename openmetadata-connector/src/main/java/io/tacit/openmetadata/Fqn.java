package io.tacit.openmetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openmetadata.schema.utils.EntityInterfaceUtil;

/**
 * OpenMetadata fully qualified names: {@code service.database.schema.table[.column]}. A name part that
 * contains a dot is wrapped in double quotes (the rule of {@code EntityInterfaceUtil.quoteName} in the 1.4
 * spec jar, which tacit calls so that it never drifts from the server's own rule).
 */
public final class Fqn {
    private Fqn() {
    }

    public static String quote(String name) {
        Objects.requireNonNull(name, "name is null");
        return EntityInterfaceUtil.quoteName(name);
    }

    public static String build(String... parts) {
        List<String> quoted = new ArrayList<>();
        for (String part : parts) {
            quoted.add(quote(part));
        }
        return String.join(".", quoted);
    }

    /** Appends one more (quoted) part to an FQN the server returned. */
    public static String child(String parentFqn, String name) {
        return parentFqn + "." + quote(name);
    }

    /** Splits an FQN into its unquoted parts; dots inside double quotes do not split. */
    public static List<String> split(String fqn) {
        Objects.requireNonNull(fqn, "fqn is null");
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < fqn.length(); i++) {
            char c = fqn.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '.' && !inQuotes) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** The FQN without its last part (a column's table, a table's schema), spelled exactly as given. */
    public static String parent(String fqn) {
        int dot = lastSeparator(fqn);
        if (dot < 0) {
            throw new IllegalArgumentException("'" + fqn + "' has no parent");
        }
        return fqn.substring(0, dot);
    }

    private static int lastSeparator(String fqn) {
        boolean inQuotes = false;
        int last = -1;
        for (int i = 0; i < fqn.length(); i++) {
            char c = fqn.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '.' && !inQuotes) {
                last = i;
            }
        }
        return last;
    }

    public static String last(String fqn) {
        List<String> parts = split(fqn);
        return parts.get(parts.size() - 1);
    }
}
