package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.evaluation.BenchmarkDataset;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.training.ModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tacit train} on three small shared datasets (no database): the trainer, run from the command line. */
class TrainCommandTest {
    private static final List<String> DATASETS = List.of("employees", "imdb_job", "oracle_hr");

    @TempDir
    Path folder;

    private Path benchmarks;

    @BeforeEach
    void linkSmallDatasets() throws IOException {
        Path shared = BenchmarkDataset.defaultRoot();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("oracle_hr")), "shared benchmarks not found at " + shared);
        benchmarks = Files.createDirectory(folder.resolve("benchmarks"));
        for (String name : DATASETS) {
            Files.createSymbolicLink(benchmarks.resolve(name), shared.resolve(name).toAbsolutePath());
        }
    }

    @Test
    void writesTheModelTheTrainerWritesAndPrintsTheReport() throws IOException {
        Path fromCli = folder.resolve("cli-model.txt");
        Path direct = folder.resolve("direct-model.txt");
        Path report = folder.resolve("report.md");

        CliRun run = CliRun.of("train", "--benchmarks", benchmarks.toString(), "--out", fromCli.toString(),
                "--report", report.toString());
        String directReport = ModelTrainer.train(benchmarks, direct);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllBytes(fromCli)).isEqualTo(Files.readAllBytes(direct));
        assertThat(run.out()).isEqualTo(directReport).contains("oracle_hr");
        assertThat(Files.readString(report)).isEqualTo(directReport);
        assertThat(ScoringModel.load(fromCli).weights()).containsKey("name-affinity.matched");
        assertThat(Files.readString(fromCli)).contains("on [employees, imdb_job, oracle_hr]");
    }

    @Test
    void withoutLeavesTheDatasetOutOfTheModel() throws IOException {
        Path model = folder.resolve("without.txt");

        CliRun run = CliRun.of("train", "--benchmarks", benchmarks.toString(), "--without", "imdb_job",
                "--out", model.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(model)).contains("on [employees, oracle_hr]; left out: imdb_job");
    }

    @Test
    void anUnknownDatasetOrAMissingOutIsAConfigurationError() {
        CliRun unknown = CliRun.of("train", "--benchmarks", benchmarks.toString(), "--without", "nosuch",
                "--out", folder.resolve("x.txt").toString());
        CliRun noOut = CliRun.of("train", "--benchmarks", benchmarks.toString());
        CliRun twoModes = CliRun.of("train", "--benchmarks", benchmarks.toString(), "--nested", "--kinds");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no dataset named nosuch").contains("employees, imdb_job, oracle_hr");
        assertThat(folder.resolve("x.txt")).doesNotExist();
        assertThat(noOut.exitCode()).as(noOut.toString()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out FILE");
        assertThat(twoModes.exitCode()).as(twoModes.toString()).isEqualTo(2);
    }
}
