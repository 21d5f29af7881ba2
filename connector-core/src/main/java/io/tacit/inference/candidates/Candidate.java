package io.tacit.inference.candidates;

import static java.util.Objects.requireNonNull;

import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A possible relationship from referencing columns to a unique target, with the name matches that proposed
 * it. Mutable only while the pipeline runs: matches are merged during generation and the exact containment
 * is filled in by probes.
 */
public final class Candidate implements Comparable<Candidate> {
    /** {@link #key()}, built on first use: from, to and discriminator never change. */
    private String key;
    private final ColumnSet from;
    private final ColumnSet to;
    private final Optional<Discriminator> discriminator;
    private final EnumSet<MatchKind> matches = EnumSet.noneOf(MatchKind.class);
    private Optional<Containment> probed = Optional.empty();
    private int droppedRivals;

    public Candidate(ColumnSet from, ColumnSet to, Optional<Discriminator> discriminator) {
        this.from = requireNonNull(from, "from is null");
        this.to = requireNonNull(to, "to is null");
        this.discriminator = requireNonNull(discriminator, "discriminator is null");
    }

    public ColumnSet from() {
        return from;
    }

    public ColumnSet to() {
        return to;
    }

    public Optional<Discriminator> discriminator() {
        return discriminator;
    }

    public Set<MatchKind> matches() {
        return java.util.Collections.unmodifiableSet(matches);
    }

    public void addMatch(MatchKind kind) {
        matches.add(requireNonNull(kind, "kind is null"));
    }

    /** The strongest name match; {@link MatchKind#VALUES_ONLY} when there is none. */
    public MatchKind bestMatch() {
        if (matches.isEmpty()) {
            return MatchKind.VALUES_ONLY;
        }
        return matches.iterator().next();
    }

    /**
     * How many other targets its columns matched by name beyond the generator's bounds: those cut by
     * {@link CandidateGenerator#MAX_TARGETS}, plus the most that one name lookup left out
     * ({@link CandidateGenerator#MAX_LOOKUP}). They were never scored and count as rivals.
     */
    public int droppedRivals() {
        return droppedRivals;
    }

    void droppedRivals(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("dropped rivals cannot be negative: " + count);
        }
        this.droppedRivals = count;
    }

    public Optional<Containment> probed() {
        return probed;
    }

    public void probed(Containment containment) {
        this.probed = Optional.of(requireNonNull(containment, "containment is null"));
    }

    public boolean isSelfReference() {
        return from.table().equals(to.table());
    }

    /** A stable identity: from, to and discriminator. */
    public String key() {
        String built = key;
        if (built == null) {
            built = from + "->" + to + discriminator.map(d -> "[" + d.column() + "=" + d.value() + "]").orElse("");
            key = built;
        }
        return built;
    }

    @Override
    public int compareTo(Candidate other) {
        int byFrom = from.compareTo(other.from);
        if (byFrom != 0) {
            return byFrom;
        }
        int byTo = to.compareTo(other.to);
        if (byTo != 0) {
            return byTo;
        }
        return discriminator.map(Discriminator::value).orElse("")
                .compareTo(other.discriminator.map(Discriminator::value).orElse(""));
    }

    @Override
    public String toString() {
        return key() + " " + matches;
    }
}
