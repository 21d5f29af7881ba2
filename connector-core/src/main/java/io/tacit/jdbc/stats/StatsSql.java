package io.tacit.jdbc.stats;

import io.tacit.error.TacitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * SQL kept in resource files beside the classes that run it (this package's generic queries, each dialect's
 * own in its package); {@code ${name}} placeholders take already-quoted SQL.
 *
 * <p>A template is split into text and placeholders once, when it is loaded; rendering copies the values in
 * and never looks at them again. A value may hold anything a quoted identifier can, {@code ${table}}
 * included: filling placeholders one after another with {@code String.replace} would expand such text inside
 * an earlier value and break the quoting. Whether every placeholder has a value is a property of the template
 * and the caller's keys, never of the values.
 */
public final class StatsSql {
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    private StatsSql() {
    }

    /** The text of a file of this package without placeholders. */
    static String load(String file) {
        return load(StatsSql.class, file);
    }

    /** The text of a file without placeholders, in the package of {@code owner}. */
    public static String load(Class<?> owner, String file) {
        Template template = template(owner, file);
        if (!template.names().isEmpty()) {
            throw TacitException.internal("SQL template " + file + " needs values for " + template.names(), null);
        }
        return template.pieces().get(0);
    }

    /** The placeholder names of a file's template in this package. */
    static Set<String> placeholders(String file) {
        return placeholders(StatsSql.class, file);
    }

    /** The placeholder names of a file's template, in the package of {@code owner}. */
    static Set<String> placeholders(Class<?> owner, String file) {
        return new TreeSet<>(template(owner, file).names());
    }

    /** As {@link #render(Class, String, Map)} for a file of this package. */
    static String render(String file, Map<String, String> parameters) {
        return render(StatsSql.class, file, parameters);
    }

    /**
     * The text of a file in the package of {@code owner} with each {@code ${key}} replaced by its value, in one
     * pass over the template.
     */
    public static String render(Class<?> owner, String file, Map<String, String> parameters) {
        Template template = template(owner, file);
        Set<String> names = new TreeSet<>(template.names());
        if (!names.equals(parameters.keySet())) {
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(parameters.keySet());
            Set<String> unused = new TreeSet<>(parameters.keySet());
            unused.removeAll(names);
            throw TacitException.internal("SQL template " + file + " takes " + names + ": no value for "
                    + missing.stream().map(name -> "${" + name + "}").toList() + ", no placeholder for " + unused, null);
        }
        StringBuilder sql = new StringBuilder(template.pieces().get(0));
        for (int i = 0; i < template.names().size(); i++) {
            sql.append(parameters.get(template.names().get(i)));
            sql.append(template.pieces().get(i + 1));
        }
        return sql.toString();
    }

    /**
     * A template as {@code pieces[0] ${names[0]} pieces[1] ... ${names[n-1]} pieces[n]}.
     */
    private record Template(List<String> pieces, List<String> names) {
    }

    private static Template template(Class<?> owner, String file) {
        String path = "/" + owner.getPackageName().replace('.', '/') + "/" + file;
        return CACHE.computeIfAbsent(path, StatsSql::parse);
    }

    private static Template parse(String file) {
        String text = read(file);
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int position = 0;
        while (true) {
            int open = text.indexOf("${", position);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw TacitException.internal("SQL template " + file + " has an unclosed ${ at " + open, null);
            }
            String name = text.substring(open + 2, close);
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw TacitException.internal("SQL template " + file + " has a malformed placeholder ${" + name + "}", null);
            }
            pieces.add(text.substring(position, open));
            names.add(name);
            position = close + 1;
        }
        pieces.add(text.substring(position));
        return new Template(List.copyOf(pieces), List.copyOf(names));
    }

    private static String read(String file) {
        try (InputStream in = StatsSql.class.getResourceAsStream(file)) {
            if (in == null) {
                throw TacitException.internal("SQL resource " + file + " is missing", null);
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
