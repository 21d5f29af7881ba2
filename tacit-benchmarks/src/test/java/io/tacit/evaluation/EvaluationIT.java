package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.TacitException;
import io.tacit.model.StatisticsLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole harness on chinook: load, discover with declared keys ignored, score. */
class EvaluationIT {
    @TempDir
    Path directory;

    private Evaluation evaluation() {
        return new Evaluation(EvaluationServers.DEFAULTS.withSqliteDirectory(directory), Evaluation.Options.DEFAULTS);
    }

    private static BenchmarkDataset chinook() {
        return BenchmarkDataset.open(BenchmarkDataset.defaultRoot().resolve("chinook"));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void scoresChinookOnEveryTarget(Target target) {
        List<EvaluationResult> results = evaluation().run(chinook(), target,
                List.of(StatisticsLevel.METADATA, StatisticsLevel.FULL));
        assertThat(results).extracting(EvaluationResult::level)
                .containsExactly(StatisticsLevel.METADATA, StatisticsLevel.FULL);
        for (EvaluationResult result : results) {
            assertThat(result.tables()).isEqualTo(11);
            assertThat(result.columns()).isEqualTo(64);
            assertThat(result.rows()).isEqualTo(15_607L);
            Score score = result.score();
            assertThat(score.truthEdges()).isEqualTo(11);
            assertThat(score.truePositives() + score.falseNegatives()).isEqualTo(11);
            assertThat(score.missed()).hasSize(score.falseNegatives());
            assertThat(score.wrong()).hasSize(score.falsePositives());
            assertThat(score.categories()).filteredOn(c -> c.category() == HardCase.SELF_REFERENCE)
                    .singleElement().satisfies(c -> assertThat(c.edges()).isEqualTo(1));
            assertThat(result.stageMillis()).containsKeys(Evaluation.LOAD, Evaluation.READ_SCHEMA,
                    Evaluation.STATISTICS, Evaluation.INFERENCE);
        }
        String markdown = EvaluationReport.markdown(results);
        assertThat(markdown).contains("| chinook | " + target.label() + " | full | 11 | 11 |");
        assertThat(EvaluationReport.json(results)).contains("\"dataset\" : \"chinook\"", "\"truthEdges\" : 11");
    }

    @Test
    void aTruthEdgeNamingAMissingColumnStopsBeforeScoring() throws IOException {
        Path copy = directory.resolve("chinook");
        Files.createDirectories(copy);
        Files.copy(chinook().schema(), copy.resolve("schema.sql"));
        Files.createSymbolicLink(copy.resolve("data"), chinook().dataDirectory().orElseThrow());
        Files.writeString(copy.resolve("truth.csv"), "fk_table,fk_columns,pk_table,pk_columns\n"
                + "public.album,artist_id,public.artist,artist_id\n"
                + "public.track,composer_id,public.artist,artist_id\n");
        assertThatThrownBy(() -> evaluation().run(BenchmarkDataset.open(copy), Target.SQLITE, StatisticsLevel.METADATA))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("truth.csv:3")
                .hasMessageContaining("public.track.composer_id");
    }
}
