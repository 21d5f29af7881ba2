package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.Names;
import io.tacit.inference.candidates.TableFacts;
import io.tacit.model.Column;
import java.util.List;
import java.util.Optional;

/**
 * Whether the referencing column's comment names the target table ("Foreign key to location_id column of
 * locations table"). Prevents: a commented column being matched to a different table than its comment
 * names; a comment naming another table counts against (comments can be wrong, so it is only a feature).
 */
public final class CommentSignal implements Signal {
    public static final String NAME = "comment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        Optional<Column> column = context.column(candidate.from().columnNames().get(0));
        if (column.isEmpty() || column.get().comment().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = Names.tokens(column.get().comment().get());
        List<String> aliases = context.index().facts(candidate.to().table()).map(TableFacts::aliases).orElse(List.of());
        boolean names = false;
        for (int i = 0; i < words.size() && !names; i++) {
            for (int length = 1; length <= 3 && i + length <= words.size(); length++) {
                if (aliases.contains(Names.compact(words.subList(i, i + length)))) {
                    names = true;
                    break;
                }
            }
        }
        return Optional.of(Measurement.of(NAME, names ? 1 : 0,
                names ? "column comment names " + candidate.to().table().table() : "column comment does not name the target",
                "names_target", names ? 1 : 0, "silent", names ? 0 : 1));
    }
}
