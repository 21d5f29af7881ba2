package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import java.util.Optional;

/**
 * How many other targets the same referencing columns were matched to by name. A column that fits many
 * tables is ambiguous. Prevents: over-confidence in one of five equally plausible targets of a shared key
 * name ({@code businessentityid}). A rival whose target key is named after this candidate's target table
 * ({@code country_area.area} for {@code area.id}) is no alternative: it is itself a reference to that table.
 * Targets cut by the candidate generator's cap count as rivals, and the detail says the list was cut.
 */
public final class RivalsSignal implements Signal {
    public static final String NAME = "rivals";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        java.util.List<String> aliases = context.perTarget(NAME, candidate.to(), to -> context.index().facts(to.table())
                .map(io.tacit.inference.candidates.TableFacts::aliases).orElse(java.util.List.of()));
        int others = 0;
        for (Candidate rival : context.candidatesFrom(candidate.from())) {
            boolean same = rival.to().equals(candidate.to()) && rival.discriminator().equals(candidate.discriminator());
            if (rival != candidate && !same && !(rival.to().isSingleColumn()
                    && aliases.contains(io.tacit.inference.candidates.Names.compact(rival.to().columns().get(0))))) {
                others++;
            }
        }
        int dropped = candidate.droppedRivals();
        others += dropped;
        String detail = others == 0 ? "the only target matched by name" : others + " other targets matched by name";
        if (dropped > 0) {
            detail += " (" + dropped + " of them not scored: the list of targets was cut)";
        }
        return Optional.of(Measurement.of(NAME, others, detail,
                "log_others", Math.log1p(others), "alone", others == 0 ? 1 : 0));
    }
}
