package io.tacit.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.InferenceResult;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RobustnessTest {
    private final RelationshipInference inference = new RelationshipInference(InferenceSettings.DEFAULTS);

    @Test
    void anEmptySchemaGivesNoRelationships() {
        SchemaSnapshot empty = new SchemaSnapshot("test://empty", "TestDB", Instant.EPOCH, List.of(), List.of());
        InferenceResult result = inference.infer(TestSchemas.RUN, empty, Statistics.none(), ValueProbe.NONE,
                ProgressListener.NONE);
        assertThat(result.relationships()).isEmpty();
        assertThat(result.candidatesConsidered()).isZero();
    }

    @Test
    void oddNamesNeitherCrashNorMatchEachOther() {
        TestSchemas schema = new TestSchemas();
        schema.table("___").id("___").column("1", TestSchemas.INT);
        schema.table("a\"; drop table x; --").id("id").column("___", TestSchemas.INT).column("", TestSchemas.INT);
        schema.table("ünïcødé_tàble").id("ünïcødé_id").column("ünïcødé_tàble_id", TestSchemas.INT);
        schema.table("empty_table");
        InferenceResult result = inference.infer(TestSchemas.RUN, schema.snapshot(), Statistics.none(), ValueProbe.NONE,
                ProgressListener.NONE);
        assertThat(result.relationships()).noneMatch(relationship -> relationship.from().columns().contains("___")
                || relationship.from().columns().contains(""));
    }

    @Test
    void aProbeThatCannotTellChangesNothing() {
        TestSchemas shop = ShopFixture.withData();
        InferenceResult silent = inference.infer(TestSchemas.RUN, shop.snapshot(), shop.statistics(),
                (from, to, where) -> Optional.empty(), ProgressListener.NONE);
        InferenceResult none = inference.infer(TestSchemas.RUN, ShopFixture.withData().snapshot(),
                ShopFixture.withData().statistics(), ValueProbe.NONE, ProgressListener.NONE);
        assertThat(silent.relationships()).isEqualTo(none.relationships());
    }
}
