package io.tacit.inference.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atteo.evo.inflector.English;

/**
 * Name normalisation shared by the candidate index and the signals: tokens of snake_case, camelCase and
 * mixed spellings, singular and plural forms, and the compact form (tokens without separators) that makes
 * {@code ProductCategoryID}, {@code product_category_id} and {@code productcategoryid} meet.
 */
public final class Names {
    /** Last tokens that mark a column as a reference or key ({@code customer_id}, {@code o_custkey}). */
    public static final Set<String> KEY_SUFFIXES = Set.of(
            "id", "key", "no", "num", "nr", "number", "code", "ref", "fk", "uuid", "guid", "sk", "cd");
    /** Whole names too generic to identify a key on their own. */
    public static final Set<String> GENERIC_KEY_NAMES = Set.of(
            "id", "key", "no", "num", "nr", "number", "code", "ref", "uuid", "guid", "pk", "name", "type", "oid",
            "value", "status", "rowid");
    private static final Map<String, String> IRREGULAR_SINGULAR = Map.of(
            "people", "person", "children", "child", "men", "man", "women", "woman", "data", "data",
            "criteria", "criterion", "indices", "index", "statuses", "status", "addresses", "address");

    private Names() {
    }

    /** Names longer than this (comments) are split every time instead of remembered. */
    private static final int CACHED_LENGTH = 64;
    /** Entries before a cache starts over: bounded memory however many schemas one process reads. */
    private static final int CACHE_LIMIT = 100_000;
    private static final Map<String, List<String>> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> COMPACT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Lower-case tokens: split at non-alphanumerics and at camelCase boundaries. Unmodifiable; remembered per
     * name, since every column name is looked at by many candidates and signals.
     */
    public static List<String> tokens(String name) {
        if (name.length() > CACHED_LENGTH) {
            return split(name);
        }
        List<String> cached = TOKENS.get(name);
        if (cached == null) {
            if (TOKENS.size() >= CACHE_LIMIT) {
                TOKENS.clear();
            }
            cached = split(name);
            TOKENS.put(name, cached);
        }
        return cached;
    }

    private static List<String> split(String name) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, tokens);
                continue;
            }
            if (current.length() > 0 && Character.isUpperCase(c)) {
                char previous = name.charAt(i - 1);
                boolean nextIsLower = i + 1 < length && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower)) {
                    flush(current, tokens);
                }
            }
            current.append(Character.toLowerCase(c));
        }
        flush(current, tokens);
        return List.copyOf(tokens);
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    /** Tokens joined without separators. */
    public static String compact(List<String> tokens) {
        return String.join("", tokens);
    }

    /** {@code compact(tokens).hashCode()}, without building the compact form. */
    public static int compactHash(List<String> tokens) {
        return compactHash(0, tokens);
    }

    /** {@code (compact(first) + compact(second)).hashCode()}, without building either. */
    public static int compactHash(List<String> first, List<String> second) {
        return compactHash(compactHash(0, first), second);
    }

    /** {@code name.substring(start).hashCode()}, without the substring. */
    public static int hashFrom(String name, int start) {
        int hash = 0;
        for (int i = start; i < name.length(); i++) {
            hash = 31 * hash + name.charAt(i);
        }
        return hash;
    }

    private static int compactHash(int hash, List<String> tokens) {
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            for (int i = 0; i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
        }
        return hash;
    }

    public static String compact(String name) {
        if (name.length() > CACHED_LENGTH) {
            return compact(tokens(name));
        }
        String cached = COMPACT.get(name);
        if (cached == null) {
            if (COMPACT.size() >= CACHE_LIMIT) {
                COMPACT.clear();
            }
            cached = compact(tokens(name));
            COMPACT.put(name, cached);
        }
        return cached;
    }

    /**
     * Whether the compact form of {@code left} followed by {@code right} would run two numbers together:
     * {@code region_3} and {@code 1} compact to {@code region31}, another name than either says.
     */
    public static boolean gluesNumbers(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        String last = left.get(left.size() - 1);
        return !last.isEmpty() && Character.isDigit(last.charAt(last.length() - 1))
                && !right.get(0).isEmpty() && Character.isDigit(right.get(0).charAt(0));
    }

    /** The singular of one lower-case English word (a small rule set; the inflector only pluralises). */
    public static String singular(String word) {
        String irregular = IRREGULAR_SINGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 3) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    public static String plural(String word) {
        if (word.isEmpty() || !Character.isLetter(word.charAt(word.length() - 1))) {
            return word;
        }
        return English.plural(word).toLowerCase(Locale.ROOT);
    }

    /** The compact singular and plural forms of a token list (inflecting the last token). */
    public static List<String> inflections(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<String> forms = new ArrayList<>(3);
        forms.add(compact(tokens));
        String last = tokens.get(tokens.size() - 1);
        for (String variant : List.of(singular(last), plural(last))) {
            List<String> changed = new ArrayList<>(tokens);
            changed.set(changed.size() - 1, variant);
            String form = compact(changed);
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }
        return forms;
    }

    /** Whether two compact words are the same word up to number. */
    public static boolean sameWord(String left, String right) {
        return left.equals(right) || singular(left).equals(singular(right));
    }
}
