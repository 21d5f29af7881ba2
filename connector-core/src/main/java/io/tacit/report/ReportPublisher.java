package io.tacit.report;

import static java.util.Objects.requireNonNull;

import io.tacit.model.InferenceResult;
import io.tacit.output.AtomicFile;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the result as a report file: a sink of type {@code json}, {@code markdown} or {@code csv}. The file is
 * replaced in one step ({@link AtomicFile}): a failed run leaves the previous report whole.
 */
public final class ReportPublisher implements Publisher<ReportPublisher.FilePlan> {
    private final ReportFormat format;
    private final Path path;

    public ReportPublisher(ReportFormat format, Path path) {
        this.format = requireNonNull(format, "format is null");
        this.path = requireNonNull(path, "path is null");
    }

    @Override
    public String name() {
        return format.label() + "-report";
    }

    @Override
    public FilePlan plan(InferenceResult result, ProgressListener progress) {
        PublishPlan.Action action = PublishPlan.Action.ADD;
        if (Files.exists(path)) {
            action = PublishPlan.Action.CHANGE;
        }
        String what = "write " + result.relationships().size() + " relationships as " + format.label();
        return new FilePlan(List.of(new PublishPlan.PlannedChange(action, path.toString(), what)), format.render(result));
    }

    @Override
    public PublishReport apply(FilePlan plan, ProgressListener progress) {
        AtomicFile.write(path, plan.content());
        int added = plan.changes().get(0).action() == PublishPlan.Action.ADD ? 1 : 0;
        return new PublishReport(name(), added, 1 - added, 0, 0,
                List.of(new PublishReport.Outcome(path.toString(), true, "written")));
    }

    /** The file to write and what goes in it. */
    public record FilePlan(List<PublishPlan.PlannedChange> changes, String content) implements PublishPlan {
        public FilePlan {
            changes = List.copyOf(requireNonNull(changes, "changes is null"));
            requireNonNull(content, "content is null");
        }
    }
}
