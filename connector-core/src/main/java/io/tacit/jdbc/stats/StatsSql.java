package io.tacit.jdbc.stats;

import io.tacit.error.TacitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The SQL of this package, kept in resource files; {@code ${name}} placeholders take already-quoted SQL. */
final class StatsSql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private StatsSql() {
    }

    static String load(String file) {
        return CACHE.computeIfAbsent(file, StatsSql::read);
    }

    /** The file's text with each {@code ${key}} replaced; values must be SQL built from quoted identifiers. */
    static String render(String file, Map<String, String> parameters) {
        String sql = load(file);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            sql = sql.replace("${" + parameter.getKey() + "}", parameter.getValue());
        }
        if (sql.contains("${")) {
            throw TacitException.internal("SQL template " + file + " has an unfilled placeholder", null);
        }
        return sql;
    }

    private static String read(String file) {
        try (InputStream in = StatsSql.class.getResourceAsStream(file)) {
            if (in == null) {
                throw TacitException.internal("SQL resource io/tacit/jdbc/stats/" + file + " is missing", null);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // comment lines go: some drivers count them as statements or choke on them
            return text.lines()
                    .filter(line -> !line.stripLeading().startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip();
        } catch (IOException e) {
            throw TacitException.internal("cannot read SQL resource " + file, e);
        }
    }
}
