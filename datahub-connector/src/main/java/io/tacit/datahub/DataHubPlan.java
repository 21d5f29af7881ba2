package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.mxe.MetadataChangeProposal;
import io.tacit.spi.PublishPlan;
import java.util.List;
import java.util.Optional;

/**
 * What the DataHub publisher would write: the plain-words changes for {@code --dry-run}, and per catalog
 * entity the proposals that carry them out, in order. Entities are independent: a failure on one does not
 * stop the others.
 */
public final class DataHubPlan implements PublishPlan {
    private final List<PlannedChange> changes;
    private final List<TargetWork> work;
    private final List<String> notes;
    private final List<String> missingDatasets;

    DataHubPlan(List<PlannedChange> changes, List<TargetWork> work, List<String> notes, List<String> missingDatasets) {
        this.changes = List.copyOf(requireNonNull(changes, "changes is null"));
        this.work = List.copyOf(requireNonNull(work, "work is null"));
        this.notes = List.copyOf(requireNonNull(notes, "notes is null"));
        this.missingDatasets = List.copyOf(requireNonNull(missingDatasets, "missingDatasets is null"));
    }

    @Override
    public List<PlannedChange> changes() {
        return changes;
    }

    /** Per entity, the proposals to send; entities with nothing to send are absent. */
    List<TargetWork> work() {
        return work;
    }

    /** Things a user should know: edges skipped, features unavailable on this server. */
    public List<String> notes() {
        return notes;
    }

    /** Dataset URNs an edge needs that DataHub does not have (wrong naming settings, or not ingested yet). */
    public List<String> missingDatasets() {
        return missingDatasets;
    }

    public int proposalCount() {
        return work.stream().mapToInt(target -> target.proposals().size()).sum();
    }

    /** All proposals in send order. */
    List<MetadataChangeProposal> proposals() {
        return work.stream().flatMap(target -> target.proposals().stream()).map(Proposal::mcp).toList();
    }

    /** The proposals for one entity, sent one after the other. */
    record TargetWork(String target, List<Proposal> proposals) {
        TargetWork {
            requireNonNull(target, "target is null");
            proposals = List.copyOf(requireNonNull(proposals, "proposals is null"));
        }
    }

    /**
     * One proposal. {@code foreignKeys} is set for a version-checked schemaMetadata write: the tacit keys it
     * merges, so that a write that lost a race with the source ingestion can be merged again on the new version.
     */
    record Proposal(MetadataChangeProposal mcp, Optional<ForeignKeyMerge> foreignKeys) {
        Proposal {
            requireNonNull(mcp, "mcp is null");
            requireNonNull(foreignKeys, "foreignKeys is null");
        }

        static Proposal of(MetadataChangeProposal mcp) {
            return new Proposal(mcp, Optional.empty());
        }
    }
}
