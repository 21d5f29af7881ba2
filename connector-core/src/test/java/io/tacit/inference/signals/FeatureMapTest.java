package io.tacit.inference.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeatureMapTest {
    @Test
    void sortsByNameAndBehavesLikeASortedMap() {
        FeatureMap map = FeatureMap.of(new String[] {"b.two", "a.one", "c.three"}, new double[] {2, 1, 3});
        assertThat(map.keySet()).containsExactly("a.one", "b.two", "c.three");
        assertThat(map).isEqualTo(new TreeMap<>(Map.of("a.one", 1.0, "b.two", 2.0, "c.three", 3.0)));
        assertThat(map.hashCode()).isEqualTo(Map.of("a.one", 1.0, "b.two", 2.0, "c.three", 3.0).hashCode());
        assertThat(map.get("b.two")).isEqualTo(2.0);
        assertThat(map.get("missing")).isNull();
        assertThat(map.containsKey("c.three")).isTrue();
        List<String> seen = new ArrayList<>();
        map.forEachValue((name, value) -> seen.add(name + "=" + value));
        assertThat(seen).containsExactly("a.one=1.0", "b.two=2.0", "c.three=3.0");
    }

    @Test
    void aNameGivenTwiceKeepsItsLastValue() {
        FeatureMap map = FeatureMap.of(new String[] {"x", "y", "x"}, new double[] {1, 2, 3});
        assertThat(map).containsExactly(Map.entry("x", 3.0), Map.entry("y", 2.0));
    }

    @Test
    void isUnmodifiableAndCopiesOtherMaps() {
        Map<String, Double> source = new TreeMap<>(Map.of("k", 1.0));
        Measurement measurement = new Measurement("s", 1, source, "detail");
        source.put("k", 5.0);
        assertThat(measurement.features()).containsExactly(Map.entry("k", 1.0));
        assertThatThrownBy(() -> measurement.features().put("k", 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> measurement.features().entrySet().iterator().next().setValue(2.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
