package io.tacit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Instant next(String cron, ZoneId zone, String after) {
        return CronExpression.parse(cron, zone).next(Instant.parse(after));
    }

    @Test
    void everyField() {
        assertThat(next("*/15 * * * *", UTC, "2026-03-01T10:07:30Z")).isEqualTo("2026-03-01T10:15:00Z");
        assertThat(next("0 2 * * *", UTC, "2026-03-01T02:00:00Z")).isEqualTo("2026-03-02T02:00:00Z");
        assertThat(next("30 9 * * MON-FRI", UTC, "2026-03-06T10:00:00Z")).isEqualTo("2026-03-09T09:30:00Z");
        assertThat(next("0 0 1 JAN,jul *", UTC, "2026-02-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(next("0 12 29 2 *", UTC, "2026-03-01T00:00:00Z")).isEqualTo("2028-02-29T12:00:00Z");
        assertThat(next("@daily", UTC, "2026-03-01T10:00:00Z")).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(next("5 4 * * 7", UTC, "2026-03-01T05:00:00Z")).as("7 is Sunday").isEqualTo("2026-03-08T04:05:00Z");
    }

    @Test
    void bothDayFieldsRestrictedMatchEither() {
        // 2026-03-13 is a Friday; the 15th comes later
        assertThat(next("0 0 15 * FRI", UTC, "2026-03-10T00:00:00Z")).isEqualTo("2026-03-13T00:00:00Z");
    }

    @Test
    void timeZoneAndDaylightSaving() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(next("0 2 * * *", paris, "2026-01-10T12:00:00Z")).isEqualTo("2026-01-11T01:00:00Z");
        // 2026-03-29 02:30 does not exist in Paris: it fires at the jump, 03:00 CEST = 01:00Z
        assertThat(next("30 2 * * *", paris, "2026-03-28T12:00:00Z")).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void mistakesNameTheField() {
        assertThatThrownBy(() -> CronExpression.parse("0 2 * *", UTC)).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronExpression.parse("61 * * * *", UTC)).hasMessageContaining("minute field");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * FOO *", UTC)).hasMessageContaining("month field");
        assertThatThrownBy(() -> CronExpression.parse("0 0 30 2 *", UTC).next(Instant.EPOCH)).hasMessageContaining("never");
    }
}
