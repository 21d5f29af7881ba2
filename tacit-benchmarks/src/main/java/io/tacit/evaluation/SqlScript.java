package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script (as pg_dump writes it) into statements at top-level semicolons, skipping
 * comments and respecting quoted strings, quoted identifiers and dollar quoting, so each statement can run on
 * its own and a failure can name the line it starts on.
 */
final class SqlScript {
    private SqlScript() {
    }

    /** One statement and the 1-based line of the script it starts on. */
    record Statement(int line, String sql) {
        Statement {
            requireNonNull(sql, "sql is null");
        }
    }

    static List<Statement> split(String script) {
        requireNonNull(script, "script is null");
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int length = script.length();
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? length : end;
                continue;
            }
            if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < length) {
                    if (script.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (script.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        if (script.charAt(i) == '\n') {
                            line++;
                        }
                        i++;
                    }
                }
                current.append(' ');
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c == ';') {
                String sql = current.toString().strip();
                if (!sql.isEmpty()) {
                    statements.add(new Statement(startLine, sql));
                }
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = closing(script, i, c);
            } else if (c == '$') {
                String tag = dollarTag(script, i);
                if (tag != null) {
                    int close = script.indexOf(tag, i + tag.length());
                    end = close < 0 ? length : close + tag.length();
                }
            }
            for (int k = i; k < end; k++) {
                char d = script.charAt(k);
                if (d == '\n' && k > i) {
                    line++;
                }
                current.append(d);
            }
            i = end;
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty()) {
            statements.add(new Statement(startLine, rest));
        }
        return statements;
    }

    /** Index just past the closing quote; a doubled quote stays inside the literal. */
    private static int closing(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** {@code $tag$} or {@code $$} starting at {@code start}, or null when the dollar is something else ($1). */
    private static String dollarTag(String script, int start) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '$') {
                return script.substring(start, i + 1);
            }
            if (!(Character.isLetter(c) || c == '_' || (i > start + 1 && Character.isDigit(c)))) {
                return null;
            }
            i++;
        }
        return null;
    }
}
