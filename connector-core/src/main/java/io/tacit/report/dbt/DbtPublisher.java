package io.tacit.report.dbt;

import static java.util.Objects.requireNonNull;

import io.tacit.model.InferenceResult;
import io.tacit.model.RunWarning;
import io.tacit.output.AtomicFile;
import io.tacit.report.JsonReport;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import java.util.List;
import java.util.Optional;

/**
 * The {@code dbt} sink: writes relationships tests into a dbt schema file, keeping what people wrote there. The
 * run's review decisions were applied before publishing, so accepted edges arrive marked and rejected ones not at
 * all. The file is replaced in one step ({@link AtomicFile}).
 */
public final class DbtPublisher implements Publisher<DbtPublisher.FilePlan> {
    private final DbtExport export;

    public DbtPublisher(DbtExport export) {
        this.export = requireNonNull(export, "export is null");
    }

    @Override
    public String name() {
        return "dbt";
    }

    @Override
    public FilePlan plan(InferenceResult result, ProgressListener progress) {
        Optional<String> existing = export.existing();
        String content = export.render(JsonReport.tree(result), Optional.empty(),
                problem -> progress.warning(new RunWarning(Optional.empty(), "dbt", problem)));
        PublishPlan.Action action = existing.isPresent() ? PublishPlan.Action.CHANGE : PublishPlan.Action.ADD;
        List<PublishPlan.PlannedChange> changes = List.of();
        if (!existing.equals(Optional.of(content))) {
            changes = List.of(new PublishPlan.PlannedChange(action, export.path().toString(),
                    "write relationships tests as dbt " + export.layout().label()));
        }
        return new FilePlan(changes, content);
    }

    @Override
    public PublishReport apply(FilePlan plan, ProgressListener progress) {
        if (plan.changes().isEmpty()) {
            return new PublishReport(name(), 0, 0, 0, 1,
                    List.of(new PublishReport.Outcome(export.path().toString(), true, "unchanged")));
        }
        AtomicFile.write(export.path(), plan.content());
        int added = plan.changes().get(0).action() == PublishPlan.Action.ADD ? 1 : 0;
        return new PublishReport(name(), added, 1 - added, 0, 0,
                List.of(new PublishReport.Outcome(export.path().toString(), true, "written")));
    }

    /** The file's new text, and whether it changes. */
    public record FilePlan(List<PublishPlan.PlannedChange> changes, String content) implements PublishPlan {
        public FilePlan {
            changes = List.copyOf(requireNonNull(changes, "changes is null"));
            requireNonNull(content, "content is null");
        }
    }
}
