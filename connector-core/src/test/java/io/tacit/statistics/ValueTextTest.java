package io.tacit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void canonicalNumbersAgreeWithBigDecimal() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String raw = randomNumberText(random);
            BigDecimal number = new BigDecimal(raw);
            String expected = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            assertThat(ValueText.canonicalNumber(raw)).as(raw).isEqualTo(expected);
        }
    }

    @Test
    void numericOrderAgreesWithBigDecimal() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String left = ValueText.canonicalNumber(randomNumberText(random));
            String right = ValueText.canonicalNumber(randomNumberText(random));
            int expected = Integer.signum(new BigDecimal(left).compareTo(new BigDecimal(right)));
            assertThat(Integer.signum(ValueText.compareNumbers(left, right))).as(left + " vs " + right)
                    .isEqualTo(expected);
        }
    }

    @Test
    void unusualSpellingsStillCanonicalise() {
        assertThat(ValueText.canonicalNumber("+5")).isEqualTo("5");
        assertThat(ValueText.canonicalNumber("00.50")).isEqualTo("0.5");
        assertThat(ValueText.canonicalNumber("-0.000")).isEqualTo("0");
        assertThat(ValueText.canonicalNumber("12.")).isEqualTo("12");
        assertThat(ValueText.canonicalNumber("abc")).isEqualTo("abc");
        assertThat(ValueText.compareNumbers("abc", "abd")).isNegative();
    }

    private static String randomNumberText(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('-');
        }
        int integerDigits = random.nextInt(6);
        if (integerDigits == 0) {
            text.append('0');
        } else {
            text.append(1 + random.nextInt(9));
            for (int i = 1; i < integerDigits; i++) {
                text.append(random.nextInt(10));
            }
        }
        int fractionDigits = random.nextInt(5);
        if (fractionDigits > 0) {
            text.append('.');
            for (int i = 0; i < fractionDigits; i++) {
                text.append(random.nextInt(3) == 0 ? 0 : random.nextInt(10));
            }
        }
        return text.toString();
    }
}
