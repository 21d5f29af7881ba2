package io.tacit.inference.selection;

import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.scoring.ScoredCandidate;
import io.tacit.model.ColumnSet;
import io.tacit.model.Discriminator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a consistent set of relationships schema-wide, greedily from the most confident: at most one
 * target per referencing column set (per discriminator value for polymorphic pairs), and never both
 * directions of a key-to-key pair (two tables sharing a key name link one way, not both).
 *
 * <p>The candidates are read once, in the order given, and turned into small numbers: each one's confidence,
 * referencing column set and slot, and its target's number as a referencing set (only a target that references
 * something itself can be the other direction of a chosen pair). The sort and the greedy pass then work on
 * primitive arrays. (Sorting the candidates themselves by confidence read them in random order, a cache miss per
 * comparison once a large schema's candidates no longer fit the processor's cache: selection grew 8 to 10 times
 * for 4 times the candidates.)
 */
public final class GlobalSelection {
    private GlobalSelection() {
    }

    /**
     * The chosen candidates, most confident first. Of equally confident candidates the earlier in
     * {@code scored} is taken first: pass them in candidate order ({@code CandidateGenerator#generate}) for a
     * choice that does not depend on how they were collected.
     */
    public static List<ScoredCandidate> select(List<ScoredCandidate> scored) {
        int[] chosen = choose(scored);
        List<ScoredCandidate> result = new ArrayList<>(chosen.length);
        for (int position : chosen) {
            result.add(scored.get(position));
        }
        return result;
    }

    /** The positions in {@code scored} of the candidates {@link #select} chooses, most confident first. */
    public static int[] choose(List<ScoredCandidate> scored) {
        int count = scored.size();
        double[] confidence = new double[count];
        // each referencing column set by number; a polymorphic candidate's slot is its set and discriminator value
        int[] from = new int[count];
        int[] slot = new int[count];
        ColumnSet[] to = new ColumnSet[count];
        Map<ColumnSet, Integer> fromIds = new HashMap<>();
        Map<Slot, Integer> polymorphicSlots = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ScoredCandidate candidate = scored.get(i);
            Candidate edge = candidate.candidate();
            confidence[i] = candidate.confidence();
            to[i] = edge.to();
            from[i] = id(fromIds, edge.from());
            slot[i] = edge.discriminator().isEmpty() ? from[i]
                    : -1 - id(polymorphicSlots, new Slot(edge.from(), edge.discriminator()));
        }
        // the target as a referencing set too, or -1: only then can the reverse edge be a candidate as well
        int[] toAsFrom = new int[count];
        for (int i = 0; i < count; i++) {
            toAsFrom[i] = fromIds.getOrDefault(to[i], -1);
        }
        boolean[] taken = new boolean[fromIds.size()];
        boolean[] polymorphicTaken = new boolean[polymorphicSlots.size()];
        Set<Long> chosenPairs = new HashSet<>();
        int[] chosen = new int[count];
        int size = 0;
        for (long key : mostConfidentFirst(confidence)) {
            int i = (int) key;
            boolean slotTaken = slot[i] >= 0 ? taken[slot[i]] : polymorphicTaken[-1 - slot[i]];
            if (slotTaken || (toAsFrom[i] >= 0 && chosenPairs.contains(pair(toAsFrom[i], from[i])))) {
                continue;
            }
            if (slot[i] >= 0) {
                taken[slot[i]] = true;
            } else {
                polymorphicTaken[-1 - slot[i]] = true;
            }
            if (toAsFrom[i] >= 0) {
                chosenPairs.add(pair(from[i], toAsFrom[i]));
            }
            chosen[size++] = i;
        }
        return Arrays.copyOf(chosen, size);
    }

    private static long pair(int from, int to) {
        return (long) from << 32 | to;
    }

    /** The number of {@code key} in {@code ids}, a new one (the next free) when it has none yet. */
    private static <K> int id(Map<K, Integer> ids, K key) {
        Integer known = ids.putIfAbsent(key, ids.size());
        return known == null ? ids.size() - 1 : known;
    }

    /**
     * Sort keys of the positions, most confident first and equal confidences in position order: the rank of
     * each confidence among the distinct ones (in the order of {@link Double#compare}, highest first) in the
     * upper half of a long, the position in the lower half.
     */
    private static long[] mostConfidentFirst(double[] confidence) {
        double[] distinct = confidence.clone();
        Arrays.sort(distinct);
        int size = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (size == 0 || Double.compare(distinct[size - 1], distinct[i]) != 0) {
                distinct[size++] = distinct[i];
            }
        }
        long[] keys = new long[confidence.length];
        for (int i = 0; i < confidence.length; i++) {
            long rank = size - 1 - Arrays.binarySearch(distinct, 0, size, confidence[i]);
            keys[i] = rank << 32 | i;
        }
        Arrays.sort(keys);
        return keys;
    }

    /** What one target is chosen for: a column set, per discriminator value. */
    private record Slot(ColumnSet from, Optional<Discriminator> discriminator) {
    }
}
