package io.tacit.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.inference.TestSchemas;
import io.tacit.model.InferenceResult;
import io.tacit.model.Relationship;
import io.tacit.model.StatisticsLevel;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A regression guard for the committed model on two small benchmarks it was trained on (so these are not
 * generalisation figures; {@link ModelTrainer} reports those, leave-one-dataset-out).
 */
class CommittedModelTest {
    private static Set<String> predicted(BenchmarkDataset dataset, StatisticsLevel level) {
        ValueProbe probe = level == StatisticsLevel.METADATA ? ValueProbe.NONE : dataset.probe();
        InferenceResult result = new RelationshipInference(InferenceSettings.DEFAULTS)
                .infer(TestSchemas.RUN, dataset.snapshot(level), dataset.statistics(level), probe, ProgressListener.NONE);
        return result.inferred().stream().map(Relationship::key).collect(Collectors.toSet());
    }

    private static BenchmarkDataset dataset(String name) {
        Path folder = Path.of(System.getProperty("tacit.benchmarks", "../shared/benchmarks"), name);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(folder),
                "shared benchmarks not found at " + folder);
        return BenchmarkDataset.load(folder);
    }

    @Test
    void findsChinooksRelationshipsIncludingTheSelfReferenceAndSupportRep() {
        BenchmarkDataset chinook = dataset("chinook");
        Set<String> found = predicted(chinook, StatisticsLevel.FULL);
        assertThat(found).containsAll(chinook.truth());
        assertThat(found).hasSize(chinook.truth().size());
    }

    @Test
    void findsTpchsPrefixedKeysFromNamesAlone() {
        BenchmarkDataset tpch = dataset("tpch");
        Set<String> found = predicted(tpch, StatisticsLevel.METADATA);
        // the model trained on all 27 benchmarks takes lineitem's two halves (l_partkey -> part, l_suppkey ->
        // supplier, both real: truth_extra) over the composite key to partsupp from names alone
        assertThat(found).contains("public.orders(o_custkey)->public.customer(c_custkey)",
                "public.lineitem(l_partkey)->public.part(p_partkey)", "public.lineitem(l_suppkey)->public.supplier(s_suppkey)");
        assertThat(found).allMatch(edge -> tpch.truth().contains(edge) || tpch.extra().contains(edge));
    }
}
