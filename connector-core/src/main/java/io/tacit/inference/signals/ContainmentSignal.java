package io.tacit.inference.signals;

import io.tacit.inference.candidates.Candidate;
import io.tacit.model.Containment;
import java.util.Optional;

/**
 * Share of the referencing column's distinct values found in the target (exact from a probe or value lists,
 * estimated from sketches). Orphans lower the score but do not veto: real data has soft-deleted parents.
 * Prevents: {@code orders.store_id} -> {@code customers.customer_id}-style edges whose names fit but whose
 * values are not there. A column with no values says nothing (see {@link SupportSignal}). Every value pair of
 * several columns found in a composite key ({@code lineitem(l_partkey, l_suppkey)} in {@code partsupp}) is far
 * stronger evidence than one column's small integers found in a surrogate key: pairs rarely match by accident.
 * A polymorphic {@code commentable_id} is judged on its partition only ({@code commentable_type = 'Photo'}), so
 * a partition whose ids all happen to exist among the posts does not vouch for the photos edge.
 */
public final class ContainmentSignal implements Signal {
    public static final String NAME = "containment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Measurement> measure(Candidate candidate, SignalContext context) {
        Optional<Containment> containment = context.containment(candidate);
        if (containment.isEmpty() || !containment.get().hasValues()) {
            return Optional.empty();
        }
        Containment figures = containment.get();
        double ratio = figures.ratio();
        long missing = figures.distinctValues() - figures.foundValues();
        String orphans = figures.orphanRows() >= 0 ? ", " + figures.orphanRows() + " orphan rows" : "";
        // a polymorphic candidate is checked on its partition only: say which rows were counted
        String partition = candidate.discriminator().map(where -> " where " + where.condition()).orElse("");
        String detail = Figures.oneDecimal(100 * ratio) + "% of " + Figures.count(figures.distinctValues())
                + " distinct values" + partition + " found in " + candidate.to()
                + " (" + (figures.exact() ? "exact" : "estimated") + ")" + orphans + "; " + Figures.count(missing) + " missing";
        return Optional.of(Measurement.of(NAME, ratio, detail,
                "ratio", ratio,
                "complete", missing == 0 ? 1 : 0,
                "orphan_share", 1 - ratio,
                "mostly_missing", ratio < 0.5 ? 1 : 0,
                "composite_complete", missing == 0 && !candidate.from().isSingleColumn() ? 1 : 0));
    }
}
