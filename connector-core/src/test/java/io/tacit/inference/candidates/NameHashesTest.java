package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameHashesTest {
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
        NameHashes hashes = new NameHashes();
        for (int i = 0; i < 1_000; i++) {
            hashes.add("table" + i);
        }
        hashes.add("");
        for (int i = 0; i < 1_000; i++) {
            assertThat(hashes.mightContain(("table" + i).hashCode())).isTrue();
        }
        assertThat(hashes.mightContain(0)).isTrue();
        long falseYes = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> hashes.mightContain(("other" + i).hashCode())).count();
        // a hash is an int: another name hits one of the thousand only by a rare collision
        assertThat(falseYes).isLessThan(5);
        assertThat(new NameHashes().mightContain(0)).isFalse();
        assertThat(new NameHashes().mightContain("x".hashCode())).isFalse();
    }
}
