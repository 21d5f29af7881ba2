package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.statistics.LongHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactHashTest {
    @Test
    void compactHashesEqualTheHashesOfTheBuiltNames() {
        List<String> tokens = List.of("release", "group", "ümlaut", "7");
        assertThat(Names.compactHash(tokens)).isEqualTo(Names.compact(tokens).hashCode());
        assertThat(Names.compactHash(List.of())).isEqualTo("".hashCode());
        assertThat(Names.compactHash(List.of("artist"), List.of("type", "x"))).isEqualTo("artisttypex".hashCode());
        assertThat(Names.hashFrom("billtoaddress", 6)).isEqualTo("address".hashCode());
        assertThat(Names.hashFrom("日本語テーブル", 3)).isEqualTo("テーブル".hashCode());
    }

    @Test
    void answersNoOnlyForHashesNeverAdded() {
        // how the name index keeps the hash codes of its names
        LongHashSet hashes = new LongHashSet();
        for (int i = 0; i < 1_000; i++) {
            hashes.add(("table" + i).hashCode());
        }
        hashes.add("".hashCode());
        for (int i = 0; i < 1_000; i++) {
            assertThat(hashes.contains(("table" + i).hashCode())).isTrue();
        }
        assertThat(hashes.contains(0)).isTrue();
        long falseYes = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> hashes.contains(("other" + i).hashCode())).count();
        // a hash is an int: another name hits one of the thousand only by a rare collision
        assertThat(falseYes).isLessThan(5);
        assertThat(new LongHashSet().contains(0)).isFalse();
        assertThat(new LongHashSet().contains("x".hashCode())).isFalse();
    }
}
