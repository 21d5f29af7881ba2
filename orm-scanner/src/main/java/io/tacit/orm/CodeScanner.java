package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a folder of application code for the schema its models declare. The entry point of this module: give it
 * a path and (optionally) a framework; with none, every framework whose files are present is read.
 */
public final class CodeScanner {
    private final Optional<Framework> framework;
    private final JpaNaming naming;

    public CodeScanner(Optional<Framework> framework, JpaNaming naming) {
        this.framework = requireNonNull(framework, "framework is null");
        this.naming = requireNonNull(naming, "naming is null");
    }

    public static CodeScanner auto() {
        return new CodeScanner(Optional.empty(), JpaNaming.HIBERNATE);
    }

    public CodeSchema scan(Path path) {
        requireNonNull(path, "path is null");
        if (!Files.exists(path)) {
            throw TacitException.config("code path " + path + " does not exist", "pass the folder of the application");
        }
        SourceTree tree;
        try {
            tree = SourceTree.walk(path);
        }
        catch (IOException e) {
            throw TacitException.source("cannot list " + path + " (" + e.getClass().getSimpleName() + ")",
                    "check that the folder is readable", e);
        }
        List<Framework> frameworks = framework.map(List::of).orElseGet(() -> detect(tree));
        List<CodeSchema> parts = new ArrayList<>();
        for (Framework each : frameworks) {
            parts.add(scan(tree, each));
        }
        CodeSchema merged = CodeSchema.merge(parts);
        List<ScanWarning> warnings = new ArrayList<>(merged.warnings());
        warnings.addAll(tree.warnings());
        return new CodeSchema(merged.frameworks(), merged.tables(), merged.edges(),
                warnings.stream().distinct().toList());
    }

    /** The frameworks whose files the folder holds. */
    public static List<Framework> detect(SourceTree tree) {
        List<Framework> found = new ArrayList<>();
        if (RailsScanner.detects(tree)) {
            found.add(Framework.RAILS);
        }
        if (DjangoScanner.detects(tree)) {
            found.add(Framework.DJANGO);
        }
        if (SqlAlchemyScanner.detects(tree)) {
            found.add(Framework.SQLALCHEMY);
        }
        if (JpaScanner.detects(tree)) {
            found.add(Framework.JPA);
        }
        return found;
    }

    private CodeSchema scan(SourceTree tree, Framework each) {
        return switch (each) {
            case JPA -> new JpaScanner(tree, naming).scan();
            case DJANGO -> new DjangoScanner(tree).scan();
            case SQLALCHEMY -> new SqlAlchemyScanner(tree).scan();
            case RAILS -> new RailsScanner(tree).scan();
        };
    }
}
