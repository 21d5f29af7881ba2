package io.tacit.inference.signals;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A measurement's features: names in sorted order and their values, in two arrays. Immutable. Scoring reads
 * every feature of every measurement of every candidate; a tree map's nodes are scattered over the heap, two
 * arrays are not.
 */
final class FeatureMap extends AbstractMap<String, Double> {
    private static final FeatureMap EMPTY = new FeatureMap(new String[0], new double[0]);

    private final String[] names;
    private final double[] values;

    private FeatureMap(String[] names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** The features of {@code features}, sorted by name; {@code features} itself when it is one already. */
    static FeatureMap copyOf(Map<String, Double> features) {
        if (features instanceof FeatureMap map) {
            return map;
        }
        if (features.isEmpty()) {
            return EMPTY;
        }
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(features).entrySet()) {
            names[i] = java.util.Objects.requireNonNull(entry.getKey(), "a feature name is null");
            values[i] = java.util.Objects.requireNonNull(entry.getValue(), "feature " + entry.getKey() + " is null");
            i++;
        }
        return new FeatureMap(names, values);
    }

    /** From parallel arrays it takes over; sorts them by name. A name given twice keeps its last value. */
    static FeatureMap of(String[] names, double[] values) {
        // insertion sort: a signal has a handful of features
        for (int i = 1; i < names.length; i++) {
            String name = names[i];
            double value = values[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
                j--;
            }
            names[j + 1] = name;
            values[j + 1] = value;
        }
        int unique = 0;
        for (int i = 0; i < names.length; i++) {
            if (unique > 0 && names[unique - 1].equals(names[i])) {
                values[unique - 1] = values[i];
            } else {
                names[unique] = names[i];
                values[unique] = values[i];
                unique++;
            }
        }
        return unique == names.length ? new FeatureMap(names, values)
                : new FeatureMap(Arrays.copyOf(names, unique), Arrays.copyOf(values, unique));
    }

    /** Every feature, unboxed. */
    void forEachValue(Measurement.FeatureConsumer action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && Arrays.binarySearch(names, name) >= 0;
    }

    @Override
    public Double get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        int index = Arrays.binarySearch(names, name);
        return index >= 0 ? values[index] : null;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Double> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Double> entry = new AbstractMap.SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
