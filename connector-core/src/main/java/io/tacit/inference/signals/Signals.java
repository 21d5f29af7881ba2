package io.tacit.inference.signals;

import java.util.List;

/** The signals every run measures, in evidence order. */
public final class Signals {
    private Signals() {
    }

    public static List<Signal> all() {
        return List.of(
                new NameAffinitySignal(),
                new TypeCompatibilitySignal(),
                new TargetUniquenessSignal(),
                new ContainmentSignal(),
                new CoverageSignal(),
                new RangeContainmentSignal(),
                new SupportSignal(),
                new DenseSurrogateSignal(),
                new MeasureColumnSignal(),
                new LookupTableSignal(),
                new UuidKeySignal(),
                new TableSizeRatioSignal(),
                new CommentSignal(),
                new KeyShapeSignal(),
                new TableAffinitySignal(),
                new RivalsSignal());
    }
}
