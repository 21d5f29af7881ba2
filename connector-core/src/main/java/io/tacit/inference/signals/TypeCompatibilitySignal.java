package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the two sides have the same native type, the same family, or only joinable families. Prevents: a
 * {@code varchar(2)} country code scoring like an {@code int4} id against an {@code int4} key (candidates
 * whose families cannot join are never generated; this signal ranks the rest).
 */
public final class TypeCompatibilitySignal implements Signal {
    public static final String NAME = "type-compatibility";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        List<ColumnName> from = candidate.from().columnNames();
        List<ColumnName> to = candidate.to().columnNames();
        boolean sameNative = true;
        boolean sameFamily = true;
        for (int i = 0; i < from.size(); i++) {
            Optional<Column> left = context.column(from.get(i));
            Optional<Column> right = context.column(to.get(i));
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            sameNative &= baseType(left.get()).equals(baseType(right.get()));
            sameFamily &= left.get().type().family() == right.get().type().family();
        }
        double value = sameNative ? 1.0 : sameFamily ? 0.7 : 0.3;
        String detail = sameNative ? "same type" : sameFamily ? "same type family" : "different but joinable type families";
        return Optional.of(Measurement.of(NAME, value, detail,
                "same_native", sameNative ? 1 : 0, "cross_family", sameFamily ? 0 : 1));
    }

    private static String baseType(Column column) {
        String name = column.type().nativeName().toLowerCase(Locale.ROOT);
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        return name.strip();
    }
}
