package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import io.tacit.model.TableName;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishPlan.PlannedChange;
import java.util.List;
import java.util.Optional;

/**
 * Everything planned for one referencing table: the changes in plain words and the requests that make them
 * (one JSON Patch of the table, a joins write, lineage writes), applied in order.
 *
 * @param problem why nothing can be published for this table (not in the catalog), when that is so
 * @param notes what was left alone and why (an edge whose referenced table is missing, a foreign lineage edge)
 */
public record TablePlan(
        TableName table,
        String fqn,
        List<PlannedChange> changes,
        List<CatalogRequest> requests,
        Optional<String> problem,
        List<String> notes) {
    public TablePlan {
        requireNonNull(table, "table is null");
        requireNonNull(fqn, "fqn is null");
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
        requests = List.copyOf(requireNonNull(requests, "requests is null"));
        requireNonNull(problem, "problem is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /** Prefix of the UNCHANGED lines that say what was left alone and why. */
    public static final String NOTE = "left alone: ";
    /** Prefix of the UNCHANGED line of a table that is not in the catalog. */
    public static final String SKIPPED = "skipped: ";

    public static TablePlan missing(TableName table, String fqn, String problem) {
        return new TablePlan(table, fqn, List.of(new PlannedChange(Action.UNCHANGED, fqn, SKIPPED + problem)), List.of(),
                Optional.of(problem), List.of());
    }

    public boolean writes() {
        return !requests.isEmpty();
    }

    public long count(Action action) {
        return changes.stream().filter(change -> change.action() == action).count();
    }

    /** UNCHANGED lines about relationships already published (not notes, not skipped tables). */
    public long unchanged() {
        return changes.stream().filter(change -> change.action() == Action.UNCHANGED
                && !change.what().startsWith(NOTE) && !change.what().startsWith(SKIPPED)).count();
    }
}
