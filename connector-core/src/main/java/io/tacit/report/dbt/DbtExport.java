package io.tacit.report.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.error.TacitException;
import io.tacit.review.ReviewDecisions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Writing a JSON report's edges into a dbt schema file, as {@code tacit export dbt} and the {@code dbt} sink do:
 * choose the edges ({@link DbtEdges}), read the file if it exists, merge ({@link DbtSchemaFile}).
 *
 * @param force rewrite a file that has comments; a YAML round trip loses them, so without it such a file is refused
 */
public record DbtExport(Path path, OptionalDouble minConfidence, boolean includeDeclared, DbtSchemaFile.Layout layout,
        String testsKey, boolean force) {
    public DbtExport {
        requireNonNull(path, "path is null");
        requireNonNull(minConfidence, "minConfidence is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(testsKey, "testsKey is null");
        if (minConfidence.isPresent() && (minConfidence.getAsDouble() < 0 || minConfidence.getAsDouble() > 1)) {
            throw TacitException.config("the minimum confidence " + minConfidence.getAsDouble() + " is not between 0 and 1",
                    "give a number such as 0.8");
        }
    }

    /** What the file holds now; empty when it does not exist. */
    public Optional<String> existing() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw TacitException.config("cannot read the dbt schema file " + path + ": " + e.getMessage(), "check the path");
        }
    }

    /** The file's new text. */
    public String render(ObjectNode report, Optional<ReviewDecisions> decisions, Consumer<String> warnings) {
        List<DbtEdges.Edge> edges = DbtEdges.choose(report, minConfidence, includeDeclared, decisions, warnings);
        String existing = existing().orElse("");
        if (!force && DbtSchemaFile.hasComments(existing)) {
            throw TacitException.config("the dbt schema file " + path + " has comments, which rewriting it would lose",
                    "remove the comments, or allow their loss with --force (sink setting force: true)");
        }
        return DbtSchemaFile.merge(existing, edges,
                new DbtSchemaFile.Options(layout, testsKey, report.path("runId").asText()));
    }
}
