package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tacit.evaluation.BenchmarkDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandIT {
    @TempDir
    Path directory;

    private static String chinook() {
        return BenchmarkDataset.defaultRoot().resolve("chinook").toString();
    }

    @Test
    void evaluatesADatasetAsJson() throws Exception {
        CliRun run = CliRun.of("evaluate", "--dataset", chinook(), "--target", "sqlite", "--level", "metadata",
                "--format", "json", "--sqlite-dir", directory.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out()).get("runs").get(0);
        assertThat(result.get("dataset").asText()).isEqualTo("chinook");
        assertThat(result.get("target").asText()).isEqualTo("sqlite");
        assertThat(result.get("truthEdges").asInt()).isEqualTo(11);
        assertThat(result.get("truePositives").asInt() + result.get("falseNegatives").asInt()).isEqualTo(11);
        assertThat(run.err()).contains("loading chinook into sqlite");
    }

    @Test
    void scoresAnAlreadyLoadedDatabaseAgainstATruthFile() throws Exception {
        Path keep = directory.resolve("loaded");
        Files.createDirectories(keep);
        CliRun load = CliRun.of("evaluate", "--dataset", chinook(), "--target", "sqlite", "--level", "metadata",
                "--keep-databases", "--sqlite-dir", keep.toString(), "--out", directory.resolve("first.md").toString());
        assertThat(load.exitCode()).as(load.toString()).isZero();
        Path database = keep.resolve("tacit_eval_chinook.sqlite");
        assertThat(database).exists();
        Path truth = Path.of(chinook(), "truth.csv");
        CliRun run = CliRun.of("evaluate", "--jdbc-url", "jdbc:sqlite:" + database, "--truth", truth.toString(),
                "--level", "metadata", "--format", "markdown");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("| metadata | 11 | 11 |");
        assertThat(Files.readString(directory.resolve("first.md"))).contains("| chinook | sqlite | metadata | 11 | 11 |");

        Path recipe = directory.resolve("recipe.yaml");
        Files.writeString(recipe, "source:\n  type: jdbc\n  url: jdbc:sqlite:" + database + "\ninference:\n  level: metadata\n");
        CliRun byRecipe = CliRun.of("evaluate", "-c", recipe.toString(), "--truth", truth.toString(), "--format", "json");
        assertThat(byRecipe.exitCode()).as(byRecipe.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(byRecipe.out()).get("runs").get(0);
        assertThat(result.get("level").asText()).isEqualTo("metadata");
        assertThat(result.get("truthEdges").asInt()).isEqualTo(11);

        Path wrongTruth = directory.resolve("truth.csv");
        Files.writeString(wrongTruth, "fk_table,fk_columns,pk_table,pk_columns\npublic.album,maker_id,public.artist,artist_id\n");
        CliRun wrong = CliRun.of("evaluate", "-c", recipe.toString(), "--truth", wrongTruth.toString());
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).contains("truth.csv:2").contains("public.album.maker_id");
    }
}
