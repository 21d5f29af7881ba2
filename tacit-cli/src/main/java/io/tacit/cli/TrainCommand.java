package io.tacit.cli;

import io.tacit.error.TacitException;
import io.tacit.evaluation.BenchmarkDataset;
import io.tacit.model.StatisticsLevel;
import io.tacit.output.AtomicFile;
import io.tacit.training.ModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the scoring model on the shared benchmarks without a database; the report goes to stdout. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Trains the inference scoring model on the benchmark datasets (read from their files, no "
                + "database) and prints the leave-one-dataset-out figures. Deterministic: the same benchmarks give "
                + "the same model file.",
                "With --without DATASET the model never sees that dataset (measure it with tacit evaluate --model); "
                        + "--nested prints the strict held-out figures and writes no model."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug)", "2:configuration error (benchmarks, flags)"})
public final class TrainCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--benchmarks", paramLabel = "DIR",
            description = "Folder of datasets (default: the nearest shared/benchmarks above the working directory).")
    Path benchmarks;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model file (needed unless --nested, --explain or --kinds).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report to FILE.")
    Path report;

    @Option(names = "--without", paramLabel = "DATASET", description = "Train on every dataset but this one.")
    String without;

    @Option(names = "--nested", description = "Score each dataset with the complete model trained without it; writes no model.")
    boolean nested;

    @Option(names = "--explain", paramLabel = "DATASET",
            description = "List a held-out dataset's misses and false positives with their features (with --level).")
    String explain;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "metadata",
            description = "Level for --explain: metadata or full (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--kinds", description = "Count the candidates of each name-match kind per dataset, and how many are true.")
    boolean kinds;

    @Option(names = "--ablate", description = "Leave-one-dataset-out figures with each signal, then each naming convention, removed in turn.")
    boolean ablate;

    public TrainCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Path root = benchmarks == null ? BenchmarkDataset.defaultRoot() : benchmarks;
        if (!Files.isDirectory(root)) {
            throw TacitException.config("no benchmarks folder at " + root, "give --benchmarks DIR");
        }
        int modes = (nested ? 1 : 0) + (explain != null ? 1 : 0) + (kinds ? 1 : 0) + (ablate ? 1 : 0);
        if (modes > 1 || (modes == 1 && (out != null || without != null))) {
            throw TacitException.config("choose one of: --out FILE [--without DATASET], --nested, --explain DATASET, --kinds, --ablate",
                    "see tacit train --help");
        }
        String text;
        if (nested) {
            text = ModelTrainer.nested(root);
        } else if (explain != null) {
            text = ModelTrainer.explain(root, explain, parseLevel());
        } else if (kinds) {
            text = ModelTrainer.kinds(root);
        } else if (ablate) {
            text = ModelTrainer.ablate(root);
        } else if (out == null) {
            throw TacitException.config("training writes a model file: give --out FILE",
                    "e.g. tacit train --out /tmp/model.txt, or --nested for figures only");
        } else if (without != null) {
            text = ModelTrainer.trainWithout(root, without, out);
        } else {
            text = ModelTrainer.train(root, out);
        }
        environment.out().print(text);
        environment.out().flush();
        if (report != null) {
            write(report, text);
        }
        return 0;
    }

    private StatisticsLevel parseLevel() {
        try {
            return StatisticsLevel.parse(level);
        } catch (IllegalArgumentException e) {
            throw TacitException.config(e.getMessage(), "e.g. --level metadata");
        }
    }

    private static void write(Path file, String text) {
        AtomicFile.write(file, text);
    }
}
