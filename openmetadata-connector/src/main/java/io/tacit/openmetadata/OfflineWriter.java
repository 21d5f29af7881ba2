package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.output.AtomicFile;
import io.tacit.output.WriteFailure;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishReport;
import io.tacit.spi.PublishReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Offline mode: saves every planned write as {@code NNNN-METHOD-what.json} ({@code {method, path, contentType,
 * purpose, body}}, path relative to the server's {@code /api}) plus {@code plan.txt} and {@code requests.json}
 * (all of them in order), so that a reviewer can read them and replay them with any HTTP client. Each file is
 * replaced in one step ({@link AtomicFile}).
 */
final class OfflineWriter {
    private final Path directory;

    OfflineWriter(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    PublishReport write(OpenMetadataPlan plan, String publisher) {
        try {
            Files.createDirectories(directory);
            ArrayNode all = OpenMetadataClient.mapper().createArrayNode();
            int number = 0;
            for (CatalogRequest request : plan.requests()) {
                number++;
                ObjectNode node = OpenMetadataClient.mapper().createObjectNode();
                node.put("method", request.method());
                node.put("path", "/api" + request.path());
                if (request.contentType() != null) {
                    node.put("contentType", request.contentType());
                }
                node.put("purpose", request.purpose());
                if (request.body() != null) {
                    node.set("body", OpenMetadataClient.mapper().valueToTree(request.body()));
                }
                all.add(node);
                String file = String.format(Locale.ROOT, "%04d-%s-%s.json", number, request.method(), slug(request.purpose()));
                AtomicFile.write(directory.resolve(file), OpenMetadataClient.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(node) + "\n");
            }
            AtomicFile.write(directory.resolve("requests.json"),
                    OpenMetadataClient.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
            AtomicFile.write(directory.resolve("plan.txt"), plan.render());
            List<Outcome> outcomes = new ArrayList<>();
            for (TablePlan table : plan.tables()) {
                String message = table.problem().map(problem -> "skipped: " + problem)
                        .orElse(table.requests().size() + " request(s) written to " + directory);
                outcomes.add(new Outcome(table.fqn(), true, message));
            }
            return new PublishReport(publisher, count(plan, Action.ADD), count(plan, Action.CHANGE),
                    count(plan, Action.RETIRE), (int) plan.tables().stream().mapToLong(TablePlan::unchanged).sum(), outcomes);
        } catch (IOException e) {
            throw WriteFailure.of(directory, e);
        }
    }

    private static int count(OpenMetadataPlan plan, Action action) {
        return (int) plan.tables().stream().mapToLong(table -> table.count(action)).sum();
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}
