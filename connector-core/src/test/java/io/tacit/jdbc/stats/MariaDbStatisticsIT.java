package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import org.junit.jupiter.api.Test;

class MariaDbStatisticsIT extends AbstractStatisticsIT {
    @Override
    StatsDatabase open() throws Exception {
        return new StatsDatabase.MariaDb();
    }

    @Test
    void engineLevelReadsColumnStatsWhenReadable() {
        Statistics statistics = collect(StatisticsLevel.ENGINE, ProfileSettings.DEFAULTS);

        ColumnStatistics customerId = column(statistics, "orders", "customer_id");
        assertThat(customerId.nulls().getAsLong()).isBetween(400L, 600L);
        assertThat(customerId.min()).contains("2");
        assertThat(customerId.max()).contains("1050");
        ColumnStatistics amount = column(statistics, "orders", "amount");
        assertThat(amount.min()).contains("0.5");
        assertThat(amount.max()).contains("99.5");
    }

    @Test
    void wideTextIsNotProfiledOnceTheEngineKnowsItsWidth() {
        Statistics statistics = collect(StatisticsLevel.FULL, ProfileSettings.DEFAULTS);

        ColumnStatistics note = column(statistics, "orders", "note");
        assertThat(note.origin()).isEqualTo(StatisticsOrigin.ENGINE);
        assertThat(note.sketch()).isEmpty();
    }
}
