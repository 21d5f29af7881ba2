package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One benchmark dataset folder: {@code schema.sql} (PostgreSQL DDL without foreign keys), {@code truth.csv},
 * optionally {@code truth_extra.csv} and {@code data/<table>.csv} (see the benchmarks README).
 */
public record BenchmarkDataset(String name, Path directory, Path schema, Path truth, Optional<Path> extraTruth,
        Optional<Path> dataDirectory) {
    public BenchmarkDataset {
        requireNonNull(name, "name is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(extraTruth, "extraTruth is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
    }

    /** Opens a dataset folder, checking that the files it needs are there. */
    public static BenchmarkDataset open(Path directory) {
        requireNonNull(directory, "directory is null");
        Path folder = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw TacitException.config("dataset folder " + folder + " does not exist",
                    "pass a folder holding schema.sql and truth.csv, e.g. ../shared/benchmarks/chinook");
        }
        Path schema = folder.resolve("schema.sql");
        Path truth = folder.resolve("truth.csv");
        for (Path required : List.of(schema, truth)) {
            if (!Files.isRegularFile(required)) {
                throw TacitException.config("dataset file " + required + " is missing",
                        "a dataset folder needs schema.sql and truth.csv (see the benchmarks README)");
            }
        }
        Path extra = folder.resolve("truth_extra.csv");
        Path data = folder.resolve("data");
        return new BenchmarkDataset(folder.getFileName().toString(), folder, schema, truth,
                Files.isRegularFile(extra) ? Optional.of(extra) : Optional.empty(),
                Files.isDirectory(data) ? Optional.of(data) : Optional.empty());
    }

    /**
     * Where the shared benchmarks are: the {@code tacit.benchmarks} system property when it names a folder,
     * else the first {@code shared/benchmarks} folder found going up from the working directory (the repo
     * root's {@code ../shared/benchmarks}), else {@code ../shared/benchmarks}.
     */
    public static Path defaultRoot() {
        String property = System.getProperty("tacit.benchmarks");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("benchmarks");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared", "benchmarks");
    }

    /** Every dataset below {@code root} (folders holding a schema.sql), by name. */
    public static List<BenchmarkDataset> all(Path root) {
        requireNonNull(root, "root is null");
        if (!Files.isDirectory(root)) {
            throw TacitException.config("benchmarks folder " + root + " does not exist",
                    "pass --benchmarks DIR (the folder holding one folder per dataset)");
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("schema.sql")))
                    .sorted()
                    .map(BenchmarkDataset::open)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    public boolean hasData() {
        return dataDirectory.isPresent();
    }

    /** The data files, by name; empty for a schema-only dataset. */
    public List<Path> dataFiles() {
        if (dataDirectory.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDirectory.get())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDirectory.get(), e);
        }
    }
}
