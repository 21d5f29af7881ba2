package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.ForeignKey;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunWarning;
import io.tacit.model.SchemaSnapshot;
import io.tacit.spi.ValueProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what model code declares with the constraints a database enforces. Names are matched as
 * {@link OrmEvidence} matches them. Orphans are counted by the source's own containment probe (one anti-join
 * per edge, identifiers quoted by the dialect, under the statement timeout); a check it cannot make is
 * "unknown" with a warning, never an error. Polymorphic edges are left out: no constraint can enforce them.
 */
public final class GapAnalysis {
    private final CodeSchema code;

    public GapAnalysis(CodeSchema code) {
        this.code = requireNonNull(code, "code is null");
    }

    /** @param probe {@link ValueProbe#NONE} when the level reads no data: orphans are then unknown */
    public GapReport compare(SchemaSnapshot snapshot, ValueProbe probe, boolean dataRead) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(probe, "probe is null");
        List<GapReport.UnenforcedEdge> unenforced = new ArrayList<>();
        List<GapReport.MissingInDatabase> missing = new ArrayList<>();
        Map<String, int[]> forms = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> known = new HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (ModelEdge edge : code.edges()) {
            if (edge.kind() == RelationshipKind.POLYMORPHIC || !seen.add(edge.key())) {
                continue;
            }
            // declared, enforced, not enforced, missing
            int[] counts = forms.computeIfAbsent(form(edge.declaration()), form -> new int[4]);
            counts[0]++;
            List<String> sentences = new ArrayList<>();
            Optional<ColumnSet> from = CodeMatch.columns(code, snapshot, edge, edge.fromTable(), edge.fromColumns(),
                    sentences);
            Optional<ColumnSet> to = Optional.empty();
            if (from.isPresent()) {
                to = CodeMatch.columns(code, snapshot, edge, edge.toTable(), edge.toColumns(), sentences);
            }
            if (from.isEmpty() || to.isEmpty()) {
                counts[3]++;
                for (String sentence : sentences) {
                    missing.add(new GapReport.MissingInDatabase(sentence, edge.location()));
                }
                continue;
            }
            known.add(pair(from.get(), to.get()));
            if (enforced(snapshot, from.get(), to.get())) {
                counts[1]++;
                continue;
            }
            counts[2]++;
            OptionalLong orphans = OptionalLong.empty();
            if (dataRead) {
                Optional<Containment> containment = probe.containment(from.get(), to.get());
                if (containment.isPresent() && containment.get().exact()) {
                    orphans = OptionalLong.of(containment.get().orphanRows());
                }
                else if (containment.isPresent()) {
                    warnings.add("orphans of " + from.get() + " -> " + to.get()
                            + " not counted: more distinct values than the check's cap");
                }
            }
            unenforced.add(new GapReport.UnenforcedEdge(from.get(), to.get(), edge.location(), edge.declaration(),
                    orphans));
        }
        for (RunWarning warning : probe.warnings()) {
            warnings.add(warning.message());
        }
        List<ForeignKey> unknownToCode = snapshot.declared().stream()
                .filter(key -> !known.contains(pair(key.from(), key.to()))).toList();
        List<GapReport.DeclarationCount> declarations = new ArrayList<>();
        forms.forEach((form, counts) -> declarations.add(
                new GapReport.DeclarationCount(form, counts[0], counts[1], counts[2], counts[3])));
        return new GapReport(snapshot.source(), code.frameworks(), dataRead, unenforced, unknownToCode, missing,
                declarations, warnings);
    }

    private static boolean enforced(SchemaSnapshot snapshot, ColumnSet from, ColumnSet to) {
        return snapshot.declared().stream().anyMatch(key -> key.from().equals(from) && key.to().equals(to));
    }

    private static String pair(ColumnSet from, ColumnSet to) {
        return from + "->" + to;
    }

    /** {@code belongs_to :author} → {@code belongs_to}; Django's opt-out of the constraint kept as its own form. */
    static String form(String declaration) {
        String head = declaration.strip();
        int end = head.length();
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '(' || Character.isWhitespace(c)) {
                end = i;
                break;
            }
        }
        String form = head.substring(0, end);
        if (declaration.contains("db_constraint=False")) {
            form = form + " db_constraint=False";
        }
        return form;
    }
}
