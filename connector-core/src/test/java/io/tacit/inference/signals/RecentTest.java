package io.tacit.inference.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTest {
    @Test
    void keepsTheTwoMostRecentlyUsedAnswers() {
        List<String> looked = new ArrayList<>();
        Recent<String, String> recent = new Recent<>(key -> {
            looked.add(key);
            return key.toUpperCase();
        });

        // a run of candidates from one table (a) with changing targets (b, c, d): a is looked up once
        for (String key : List.of("a", "b", "a", "c", "a", "d", "a")) {
            assertThat(recent.get(key)).isEqualTo(key.toUpperCase());
        }
        assertThat(looked).containsExactly("a", "b", "c", "d");

        // the least recently used goes: after d and a, b is gone and a is kept
        recent.get("b");
        recent.get("a");
        assertThat(looked).containsExactly("a", "b", "c", "d", "b");
    }
}
