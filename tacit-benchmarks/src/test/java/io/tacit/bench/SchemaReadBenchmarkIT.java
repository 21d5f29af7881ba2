package io.tacit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.JdbcSource;
import io.tacit.model.Column;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Table;
import io.tacit.spi.ProgressListener;
import io.tacit.testing.TestingPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The generator and the benchmark work on a small schema; figures come from running the benchmark's main. */
class SchemaReadBenchmarkIT {
    @Test
    void generatesAnApplicationShapedSchemaAndMeasuresReadingIt() throws SQLException {
        try (TestingPostgres postgres = new TestingPostgres("tacit_jdbc_bench")) {
            ScaleSchemaGenerator.Generated generated = ScaleSchemaGenerator.generate(postgres.connection(), 40, 12, 25);
            assertThat(generated.columns()).isEqualTo(480);

            SchemaSnapshot snapshot;
            try (JdbcSource source = JdbcSource.open(postgres.settings())) {
                snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            }
            assertThat(snapshot.tables()).hasSize(40);
            assertThat(snapshot.columnCount()).isEqualTo(480);
            assertThat(snapshot.declared()).isEmpty();
            for (Table table : snapshot.tables()) {
                assertThat(table.primaryKey().orElseThrow().columns()).containsExactly("id");
                assertThat(table.estimatedRows()).hasValue(25);
            }
            assertThat(snapshot.tables()).flatExtracting(Table::columns).extracting(Column::name)
                    .anyMatch(name -> name.endsWith("_id") && !name.equals("id"));

            SchemaReadBenchmark.Result result = SchemaReadBenchmark.run(postgres.settings(), 3);
            assertThat(result.tables()).isEqualTo(40);
            assertThat(result.columns()).isEqualTo(480);
            assertThat(result.catalogFloorMillis()).isPresent();
            assertThat(result.ratio()).isPresent();
            assertThat(result.format()).contains("40 tables, 480 columns").contains("readSchema end to end")
                    .contains("catalog queries alone");
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(SchemaReadBenchmark.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(SchemaReadBenchmark.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
