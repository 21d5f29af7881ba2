package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import io.tacit.model.RunContext;
import io.tacit.spi.PublishPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the OpenMetadata publisher will write: setup steps (classification, tags, custom property
 * definitions, the ingestion pipeline) and one {@link TablePlan} per referencing table.
 *
 * @param pipelineFqn the ingestion pipeline runs are reported to, when pipeline status is on
 */
public record OpenMetadataPlan(
        String server,
        ServerVersion version,
        RunContext run,
        List<SetupStep> setup,
        List<TablePlan> tables,
        Optional<String> pipelineFqn) implements PublishPlan {
    public OpenMetadataPlan {
        requireNonNull(server, "server is null");
        requireNonNull(version, "version is null");
        requireNonNull(run, "run is null");
        setup = List.copyOf(requireNonNull(setup, "setup is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(pipelineFqn, "pipelineFqn is null");
    }

    /** A one-off write that prepares the catalog for tacit (done before any table is touched). */
    public record SetupStep(PlannedChange change, CatalogRequest request) {
        public SetupStep {
            requireNonNull(change, "change is null");
            requireNonNull(request, "request is null");
        }
    }

    @Override
    public List<PlannedChange> changes() {
        List<PlannedChange> changes = new ArrayList<>();
        setup.forEach(step -> changes.add(step.change()));
        tables.forEach(table -> changes.addAll(table.changes()));
        return changes;
    }

    /** True when applying would change nothing in the catalog (run status aside). */
    @Override
    public boolean isEmpty() {
        return setup.isEmpty() && tables.stream().noneMatch(TablePlan::writes);
    }

    /** Every planned write, setup first, then table by table. */
    public List<CatalogRequest> requests() {
        List<CatalogRequest> requests = new ArrayList<>();
        setup.forEach(step -> requests.add(step.request()));
        tables.forEach(table -> requests.addAll(table.requests()));
        return requests;
    }

    public List<TablePlan> missingTables() {
        return tables.stream().filter(table -> table.problem().isPresent()).toList();
    }

    /** The {@code --dry-run} text: one line per change, grouped by table, then what was left alone. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("OpenMetadata ").append(version).append(" at ").append(server).append(": ");
        long adds = count(Action.ADD);
        long changes = count(Action.CHANGE);
        long retires = count(Action.RETIRE);
        text.append(String.format(Locale.ROOT, "%d to add, %d to change, %d to retire, %d request(s)%n", adds, changes,
                retires, requests().size()));
        for (SetupStep step : setup) {
            line(text, step.change());
        }
        for (TablePlan table : tables) {
            table.changes().forEach(change -> line(text, change));
        }
        return text.toString();
    }

    private long count(Action action) {
        return changes().stream().filter(change -> change.action() == action).count();
    }

    private static void line(StringBuilder text, PlannedChange change) {
        text.append("  ").append(String.format(Locale.ROOT, "%-9s ", change.action())).append(change.target()).append(": ")
                .append(change.what()).append('\n');
    }

    @Override
    public String toString() {
        return render();
    }
}
