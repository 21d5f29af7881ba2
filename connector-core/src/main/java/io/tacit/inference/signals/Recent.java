package io.tacit.inference.signals;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The last two answers of a lookup, kept: one candidate's signals ask about the same two tables or columns
 * over and over, and a hit here touches two small objects where the schema-wide map touched its own.
 * Not thread-safe, like the {@link SignalContext} that holds it.
 */
final class Recent<K, V> {
    private final Function<K, V> lookup;
    private K firstKey;
    private V firstValue;
    private K secondKey;
    private V secondValue;
    private boolean replaceFirst = true;

    Recent(Function<K, V> lookup) {
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    V get(K key) {
        if (key.equals(firstKey)) {
            return firstValue;
        }
        if (key.equals(secondKey)) {
            return secondValue;
        }
        V value = lookup.apply(key);
        if (replaceFirst) {
            firstKey = key;
            firstValue = value;
        } else {
            secondKey = key;
            secondValue = value;
        }
        replaceFirst = !replaceFirst;
        return value;
    }
}
