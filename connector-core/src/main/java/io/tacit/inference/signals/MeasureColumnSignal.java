package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.Column;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.TypeFamily;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the referencing integer column looks like a flag, a count or a measure rather than an id: a name that
 * says so ({@code is_deleted}, {@code hidden}, {@code sort_order}, {@code position}, {@code len},
 * {@code num_children}, {@code nr}), a default of 0, a boolean-like domain (only 0 and 1) or only a handful of
 * distinct values. Prevents: such a column being taken for a reference because its small values fall inside
 * some table's dense 1..N ids, so containment says yes ({@code hidden} "referencing" a {@code hidden} table,
 * {@code sort_order} contained in {@code users.userid}). Each is a separate feature, so a real reference that
 * defaults to 0 (a sentinel for "none") weighs only that.
 */
public final class MeasureColumnSignal implements Signal {
    public static final String NAME = "measure-column";
    /** At most this many distinct values is "a handful": a code or a small enum, rarely a reference. */
    static final long FEW_VALUES = 5;

    /** Words that end (or are) a name of a flag, count, order or size. */
    private static final Set<String> MEASURE_WORDS = Set.of(
            "count", "counts", "cnt", "num", "nr", "len", "length", "size", "position", "pos", "sort", "sortorder",
            "order", "ordering", "rank", "level", "depth", "flag", "flags", "priority", "seq", "sequence", "idx",
            "index", "weight", "width", "height", "total", "qty", "quantity", "amount", "version", "enabled",
            "disabled", "deleted", "hidden", "visible", "active", "inactive", "locked", "status", "state", "mode",
            "attempts", "retries", "score", "votes", "children", "items", "bytes");
    /** Words that begin the name of a flag or a count ({@code is_}, {@code has_}, {@code num_}). */
    private static final Set<String> MEASURE_PREFIXES = Set.of("is", "has", "can", "use", "allow", "show", "num", "nr", "n");
    /** A name ending so is a reference by its name, whatever else it says ({@code level_id}, {@code sort_key}). */
    private static final Set<String> REFERENCE_WORDS = Set.of("id", "key", "ref", "fk", "uuid", "guid");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        if (!candidate.from().isSingleColumn() || candidate.discriminator().isPresent()) {
            return Optional.empty();
        }
        Optional<Column> column = context.column(candidate.from().columnNames().get(0));
        if (column.isEmpty() || column.get().type().family() != TypeFamily.INTEGER) {
            return Optional.empty();
        }
        boolean measureName = measureName(column.get().name());
        boolean zeroDefault = column.get().defaultValue().map(MeasureColumnSignal::isZero).orElse(false);
        Optional<ColumnStatistics> statistics = context.statistics(candidate.from().columnNames().get(0));
        long distinct = statistics.flatMap(ColumnStatistics::distinct).map(count -> count.value()).orElse(-1L);
        boolean booleanDomain = statistics.map(MeasureColumnSignal::booleanDomain).orElse(false);
        boolean few = distinct >= 0 && distinct <= FEW_VALUES;
        String detail = (measureName ? "named like a flag, count or measure" : "not named like a measure")
                + (zeroDefault ? ", defaults to 0" : "") + (booleanDomain ? ", only 0 and 1" : "")
                + (few && !booleanDomain ? ", " + distinct + " distinct values" : "");
        int score = (measureName ? 1 : 0) + (zeroDefault ? 1 : 0) + (booleanDomain ? 1 : 0) + (few ? 1 : 0);
        return Optional.of(Measurement.of(NAME, score, detail,
                "name", measureName ? 1 : 0, "zero_default", zeroDefault ? 1 : 0,
                "boolean_domain", booleanDomain ? 1 : 0, "few_values", few ? 1 : 0));
    }

    /** Whether a column name says flag, count, order or size: its last word, or a first word such as {@code is}. */
    static boolean measureName(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || REFERENCE_WORDS.contains(words.get(words.size() - 1))) {
            return false;
        }
        return MEASURE_WORDS.contains(words.get(words.size() - 1))
                || words.size() > 1 && MEASURE_PREFIXES.contains(words.get(0));
    }

    /** The lower-case words of a snake_case or camelCase name. */
    static List<String> words(String name) {
        List<String> words = new java.util.ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = c == '_' || c == '-' || c == ' '
                    || Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (boundary && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean booleanDomain(ColumnStatistics statistics) {
        if (statistics.min().isEmpty() || statistics.max().isEmpty()) {
            return false;
        }
        String min = statistics.min().get().strip();
        String max = statistics.max().get().strip();
        return (min.equals("0") || min.equals("1")) && (max.equals("0") || max.equals("1"));
    }

    private static boolean isZero(String expression) {
        String value = expression.strip().toLowerCase(Locale.ROOT);
        int cast = value.indexOf("::");
        if (cast >= 0) {
            value = value.substring(0, cast);
        }
        value = value.replace("'", "").replace("(", "").replace(")", "").strip();
        return value.equals("0");
    }
}
