package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The last two answers of a lookup, kept (the least recently used one goes first): one candidate's signals ask about the same two tables or columns
 * over and over, and a hit here touches two small objects where the schema-wide map touched its own.
 * Not thread-safe, like the {@link SignalContext} that holds it.
 */
final class Recent<K, V> {
    private final Function<K, V> lookup;
    private K firstKey;
    private V firstValue;
    private K secondKey;
    private V secondValue;
    /** Whether the first entry was used last: a miss replaces the other one. */
    private boolean firstUsedLast;

    Recent(Function<K, V> lookup) {
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    V get(K key) {
        if (key.equals(firstKey)) {
            firstUsedLast = true;
            return firstValue;
        }
        if (key.equals(secondKey)) {
            firstUsedLast = false;
            return secondValue;
        }
        V value = lookup.apply(key);
        // the least recently used goes: a run of candidates from one table keeps that table while targets change
        if (firstUsedLast) {
            secondKey = key;
            secondValue = value;
        } else {
            firstKey = key;
            firstValue = value;
        }
        firstUsedLast = !firstUsedLast;
        return value;
    }
}
