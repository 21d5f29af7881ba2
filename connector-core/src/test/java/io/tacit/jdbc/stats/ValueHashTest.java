package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueHashTest {
    @Test
    void similarValuesDoNotCollide() {
        Set<Long> hashes = new HashSet<>();
        int values = 0;
        for (int i = 0; i < 300_000; i++) {
            for (String text : new String[] {Integer.toString(i), "C" + i, "customer-" + i + "-padding-for-length", ""}) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (hashes.add(ValueHash.hash(bytes, bytes.length))) {
                    values++;
                }
            }
        }
        // every distinct text hashed apart ("" once)
        assertThat(values).isEqualTo(3 * 300_000 + 1);
    }

    @Test
    void hashesOnlyTheGivenPrefix() {
        byte[] padded = "AB   ".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "AB".getBytes(StandardCharsets.UTF_8);

        assertThat(ValueHash.hash(padded, 2)).isEqualTo(ValueHash.hash(plain, 2));
        assertThat(ValueHash.hash(padded, 5)).isNotEqualTo(ValueHash.hash(plain, 2));
        // a trailing zero byte is not the same value as its absence
        assertThat(ValueHash.hash(new byte[] {1, 0}, 2)).isNotEqualTo(ValueHash.hash(new byte[] {1}, 1));
    }
}
