package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.ProfileSettings;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import org.junit.jupiter.api.Test;

class SqliteStatisticsIT extends AbstractStatisticsIT {
    @Override
    StatsDatabase open() throws Exception {
        return new StatsDatabase.Sqlite();
    }

    @Override
    String indexTable(String table) {
        return database.dialect().quoteIdentifier(table);
    }

    @Test
    void engineLevelReadsSqliteStat1() {
        Statistics statistics = collect(StatisticsLevel.ENGINE, ProfileSettings.DEFAULTS);

        // lineitem has no index: sqlite_stat1 still knows its rows
        assertThat(statistics.table(table("lineitem")).orElseThrow().rows()).isEqualTo(LINEITEMS);
        assertThat(statistics.table(table("orders")).orElseThrow().rows()).isEqualTo(ORDERS);
    }
}
