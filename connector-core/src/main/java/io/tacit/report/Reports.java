package io.tacit.report;

import io.tacit.model.ColumnSet;
import io.tacit.model.Evidence;
import io.tacit.model.Relationship;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the report formats share: how an edge's sides, confidence and strongest evidence are written. */
final class Reports {
    private Reports() {
    }

    static String side(ColumnSet side) {
        return side.table().qualified() + "(" + String.join(", ", side.columns()) + ")";
    }

    static String confidence(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    static double rounded(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** The evidence that moved the score most (the first one when none has a contribution). */
    static Optional<Evidence> topEvidence(Relationship relationship) {
        List<Evidence> evidence = relationship.provenance().evidence();
        return evidence.stream().max(Comparator.comparingDouble((Evidence item) -> Math.abs(item.contribution()))
                .thenComparing(item -> -evidence.indexOf(item)));
    }

    static String topEvidenceText(Relationship relationship) {
        return topEvidence(relationship).map(Evidence::detail).orElse("");
    }
}
