package io.tacit.orm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rails' default English inflections (ActiveSupport's rule list), for table and class names: {@code person}
 * becomes {@code people}, {@code category} becomes {@code categories}. The rules work on one word at a time;
 * in a compound name only the last word changes, as in Rails.
 */
final class RailsInflector {
    private record Rule(Pattern pattern, String replacement) {
        static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
        }
    }

    private static final Set<String> UNCOUNTABLE = Set.of("equipment", "information", "rice", "money", "species",
            "series", "fish", "sheep", "jeans", "police");
    private static final Map<String, String> IRREGULAR = Map.of("person", "people", "man", "men", "child", "children",
            "sex", "sexes", "move", "moves", "zombie", "zombies");

    /** Tried in order; the first that matches wins (Rails tries the last defined first). */
    private static final List<Rule> PLURALS = List.of(
            Rule.of("(quiz)$", "$1zes"), Rule.of("^(oxen)$", "$1"), Rule.of("^(ox)$", "$1en"),
            Rule.of("^(m|l)ice$", "$1ice"), Rule.of("^(m|l)ouse$", "$1ice"),
            Rule.of("(matr|vert|ind)(?:ix|ex)$", "$1ices"), Rule.of("(x|ch|ss|sh)$", "$1es"),
            Rule.of("([^aeiouy]|qu)y$", "$1ies"), Rule.of("(hive)$", "$1s"),
            Rule.of("(?:([^f])fe|([lr])f)$", "$1$2ves"), Rule.of("sis$", "ses"), Rule.of("([ti])a$", "$1a"),
            Rule.of("([ti])um$", "$1a"), Rule.of("(buffal|tomat)o$", "$1oes"), Rule.of("(bu)s$", "$1ses"),
            Rule.of("(alias|status)(es)?$", "$1es"), Rule.of("(octop|vir)(us|i)$", "$1i"),
            Rule.of("^(ax|test)is$", "$1es"), Rule.of("s$", "s"), Rule.of("$", "s"));

    private static final List<Rule> SINGULARS = List.of(
            Rule.of("(database)s$", "$1"), Rule.of("(quiz)zes$", "$1"), Rule.of("(matr)ices$", "$1ix"),
            Rule.of("(vert|ind)ices$", "$1ex"), Rule.of("^(ox)en", "$1"), Rule.of("(alias|status)(es)?$", "$1"),
            Rule.of("(octop|vir)(us|i)$", "$1us"), Rule.of("^(a)x[ie]s$", "$1xis"),
            Rule.of("(cris|test)(is|es)$", "$1is"), Rule.of("(shoe)s$", "$1"), Rule.of("(o)es$", "$1"),
            Rule.of("(bus)(es)?$", "$1"), Rule.of("^(m|l)ice$", "$1ouse"), Rule.of("(x|ch|ss|sh)es$", "$1"),
            Rule.of("(m)ovies$", "$1ovie"), Rule.of("(s)eries$", "$1eries"),
            Rule.of("([^aeiouy]|qu)ies$", "$1y"), Rule.of("([lr])ves$", "$1f"), Rule.of("(tive)s$", "$1"),
            Rule.of("(hive)s$", "$1"), Rule.of("([^f])ves$", "$1fe"), Rule.of("(^analy)(sis|ses)$", "$1sis"),
            Rule.of("((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$", "$1sis"),
            Rule.of("([ti])a$", "$1um"), Rule.of("(n)ews$", "$1ews"), Rule.of("(ss)$", "$1"), Rule.of("s$", ""));

    private RailsInflector() {
    }

    static String pluralize(String word) {
        return inflect(word, PLURALS, IRREGULAR);
    }

    static String singularize(String word) {
        Map<String, String> reversed = new java.util.HashMap<>();
        IRREGULAR.forEach((singular, plural) -> reversed.put(plural, singular));
        return inflect(word, SINGULARS, reversed);
    }

    private static String inflect(String word, List<Rule> rules, Map<String, String> irregular) {
        int split = word.lastIndexOf('_') + 1;
        String head = word.substring(0, split);
        String last = word.substring(split);
        String lower = last.toLowerCase(Locale.ROOT);
        if (last.isEmpty() || UNCOUNTABLE.contains(lower)) {
            return word;
        }
        if (irregular.containsKey(lower)) {
            return head + irregular.get(lower);
        }
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(last);
            if (matcher.find()) {
                return head + matcher.replaceFirst(rule.replacement().replace("$2", groupOrEmpty(matcher, 2))
                        .replace("$1", groupOrEmpty(matcher, 1)));
            }
        }
        return word;
    }

    private static String groupOrEmpty(Matcher matcher, int group) {
        if (group > matcher.groupCount() || matcher.group(group) == null) {
            return "";
        }
        return Matcher.quoteReplacement(matcher.group(group));
    }

    /** {@code Admin::LineItem} gives {@code admin/line_item}. */
    static String underscore(String camel) {
        return underscore(camel, List.of());
    }

    /**
     * With the application's acronyms ({@code inflect.acronym "GitHub"}), which Rails keeps whole:
     * {@code GitHubAction} gives {@code github_action}.
     */
    static String underscore(String camel, List<String> acronyms) {
        StringBuilder out = new StringBuilder();
        String text = camel.replace("::", "/");
        int i = 0;
        while (i < text.length()) {
            String acronym = acronymAt(text, i, acronyms);
            boolean boundary = i > 0 && text.charAt(i - 1) != '/';
            if (acronym != null) {
                if (boundary) {
                    out.append('_');
                }
                out.append(acronym.toLowerCase(Locale.ROOT));
                i += acronym.length();
                continue;
            }
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && boundary
                    && (Character.isLowerCase(text.charAt(i - 1)) || Character.isDigit(text.charAt(i - 1))
                            || i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))
                                    && Character.isUpperCase(text.charAt(i - 1)))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
            i++;
        }
        return out.toString();
    }

    /** The longest acronym that starts a word at {@code index} and ends one (no lower-case letter after it). */
    private static String acronymAt(String text, int index, List<String> acronyms) {
        if (index > 0 && Character.isLowerCase(text.charAt(index - 1))
                && !Character.isUpperCase(text.charAt(index))) {
            return null;
        }
        String found = null;
        for (String acronym : acronyms) {
            int end = index + acronym.length();
            if (text.startsWith(acronym, index) && (end == text.length() || !Character.isLowerCase(text.charAt(end)))
                    && (found == null || acronym.length() > found.length())) {
                found = acronym;
            }
        }
        return found;
    }

    /** {@code line_item} gives {@code LineItem}. */
    static String camelize(String snake) {
        return camelize(snake, List.of());
    }

    /** With the application's acronyms: {@code github_action} gives {@code GitHubAction}. */
    static String camelize(String snake, List<String> acronyms) {
        StringBuilder out = new StringBuilder();
        for (String path : snake.split("/", -1)) {
            if (out.length() > 0) {
                out.append("::");
            }
            for (String word : path.split("_")) {
                String acronym = acronyms.stream().filter(a -> a.equalsIgnoreCase(word)).findFirst().orElse(null);
                if (acronym != null) {
                    out.append(acronym);
                }
                else if (!word.isEmpty()) {
                    out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return out.toString();
    }

    static String demodulize(String className) {
        return className.substring(className.lastIndexOf(':') + 1);
    }

    /** The table Rails gives a model class by default: {@code Person} gives {@code people}. */
    static String tableize(String className) {
        return tableize(className, List.of());
    }

    static String tableize(String className, List<String> acronyms) {
        return pluralize(underscore(demodulize(className), acronyms));
    }
}
