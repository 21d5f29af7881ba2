package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Origin;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.TableName;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import io.tacit.openmetadata.TacitState.PublishedEdge;
import io.tacit.spi.PublishPlan.Action;
import io.tacit.spi.PublishPlan.PlannedChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.openmetadata.schema.api.lineage.AddLineage;
import org.openmetadata.schema.entity.data.Table;
import org.openmetadata.schema.type.Column;
import org.openmetadata.schema.type.ColumnJoin;
import org.openmetadata.schema.type.ColumnLineage;
import org.openmetadata.schema.type.EntitiesEdge;
import org.openmetadata.schema.type.EntityReference;
import org.openmetadata.schema.type.JoinedWith;
import org.openmetadata.schema.type.LineageDetails;
import org.openmetadata.schema.type.TableConstraint;
import org.openmetadata.schema.type.TableJoins;
import org.openmetadata.schema.type.TagLabel;

/**
 * Computes what to write for each referencing table from the relationships to publish and the catalog's
 * current state. Pure: no I/O, the same inputs give the same plan. The ownership rules live here:
 * <ul>
 *   <li>tacit's own constraints, tags and lineage edges are those recorded in the table's {@code tacitState}
 *       (tags: labelType Automated in tacit's classification; lineage: description starting "tacit:");
 *       nothing else is ever removed or replaced;</li>
 *   <li>a recorded constraint missing from the table (the source's metadata ingestion resets constraints) is
 *       added again; an identical constraint someone else wrote is left as theirs;</li>
 *   <li>an edge is rejected, and retired for good, when a steward puts the {@code Rejected} tag on one of its
 *       columns (a tacit tag that disappeared is put back: the server drops tags of re-created columns);</li>
 *   <li>a foreign key is a set of (column, referred column) pairs, sent ordered by local column, because the
 *       server sorts {@code columns} in place and leaves {@code referredColumns} alone;</li>
 *   <li>edges no longer inferred (or now below the confidence threshold) are retired.</li>
 * </ul>
 */
final class PlanBuilder {
    static final String LINEAGE_PREFIX = "tacit:";
    static final String FOREIGN_KEY_TAG = "InferredForeignKey";
    static final String REJECTED_TAG = "Rejected";
    static final String HIGH = "ConfidenceHigh";
    static final String MEDIUM = "ConfidenceMedium";
    static final String LOW = "ConfidenceLow";
    private static final ObjectMapper MAPPER = OpenMetadataClient.mapper();

    private final PublishOptions options;
    private final ServerVersion version;
    private final RunContext run;
    private final LocalDate joinDate;
    private final LocalDate windowStart;

    PlanBuilder(PublishOptions options, ServerVersion version, RunContext run, LocalDate today) {
        this.options = requireNonNull(options, "options is null");
        this.version = requireNonNull(version, "version is null");
        this.run = requireNonNull(run, "run is null");
        // OpenMetadata accepts join dates from today back 30 days in its own zone; yesterday is always inside
        this.joinDate = today.minusDays(1);
        this.windowStart = today.minusDays(29);
    }

    /** One table as the catalog holds it. */
    record CatalogTable(TableName name, Table table, TacitState state, boolean malformedState) {
        CatalogTable {
            requireNonNull(name, "name is null");
            requireNonNull(table, "table is null");
            requireNonNull(state, "state is null");
        }

        String fqn() {
            return table.getFullyQualifiedName();
        }

        Optional<Integer> columnIndex(String column) {
            List<Column> columns = table.getColumns() == null ? List.of() : table.getColumns();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).getName().equals(column)) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }

        Optional<String> columnFqn(String column) {
            return columnIndex(column).map(index -> {
                Column found = table.getColumns().get(index);
                return found.getFullyQualifiedName() != null ? found.getFullyQualifiedName() : Fqn.child(fqn(), column);
            });
        }
    }

    /**
     * What the plan is computed from.
     *
     * @param catalog the tables found in the catalog
     * @param expectedFqns where each snapshot table should be (for messages about missing ones)
     * @param upstream per referencing table, its upstream lineage edges: from-entity id to lineageDetails
     * @param scope the tables of this run's snapshot: only their state is retired
     */
    record Inputs(
            Map<TableName, CatalogTable> catalog,
            Map<TableName, String> expectedFqns,
            Map<TableName, Map<String, JsonNode>> upstream,
            Set<TableName> scope) {
    }

    /** The relationships this publisher publishes: not declared ones, at or above the threshold. */
    static List<Relationship> publishable(InferenceResult result, double minConfidence) {
        return result.relationships().stream()
                .filter(relationship -> relationship.origin() != Origin.DECLARED)
                .filter(relationship -> relationship.confidence() >= minConfidence)
                .toList();
    }

    /** The referencing tables the plan looks at: those with edges to publish and those with tacit state. */
    static Set<TableName> referencingTables(List<Relationship> relationships, Inputs inputs) {
        Set<TableName> tables = new TreeSet<>();
        for (Relationship relationship : relationships) {
            tables.add(relationship.from().table());
        }
        for (CatalogTable table : inputs.catalog().values()) {
            if (!table.state().isEmpty() && inputs.scope().contains(table.name())) {
                tables.add(table.name());
            }
        }
        return tables;
    }

    List<TablePlan> build(List<Relationship> relationships, Inputs inputs) {
        Map<TableName, List<Relationship>> byTable = new TreeMap<>();
        for (Relationship relationship : relationships) {
            byTable.computeIfAbsent(relationship.from().table(), table -> new ArrayList<>()).add(relationship);
        }
        List<TablePlan> plans = new ArrayList<>();
        for (TableName table : referencingTables(relationships, inputs)) {
            plans.add(table(table, byTable.getOrDefault(table, List.of()), inputs));
        }
        return plans;
    }

    private record Resolved(Relationship relationship, String key, List<String> columns, CatalogTable target,
            List<String> referredColumns, double confidence) {
    }

    private TablePlan table(TableName name, List<Relationship> wanted, Inputs inputs) {
        CatalogTable table = inputs.catalog().get(name);
        String expected = inputs.expectedFqns().getOrDefault(name, name.qualified());
        if (table == null) {
            return TablePlan.missing(name, expected, "table " + expected + " is not in OpenMetadata; "
                    + wanted.size() + " relationship(s) not published (ingest the table, or check serviceName, "
                    + "database and schemaMapping)");
        }
        List<PlannedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (table.malformedState()) {
            notes.add("the tacitState property could not be read; treating every constraint and tag as someone else's");
        }
        TacitState state = table.state();

        // 1. resolve each wanted relationship against the catalog
        List<Resolved> resolved = new ArrayList<>();
        for (Relationship relationship : wanted) {
            resolve(relationship, table, inputs, notes).ifPresent(resolved::add);
        }

        // 2. rejections
        String rejectedTag = options.tag(REJECTED_TAG);
        Set<String> rejected = new TreeSet<>(state.rejected());
        for (Resolved edge : resolved) {
            if (edge.columns().stream().anyMatch(column -> hasTag(table, column, rejectedTag))) {
                rejected.add(edge.key());
            }
        }
        Map<String, String> retireReasons = new LinkedHashMap<>();
        for (PublishedEdge published : state.edges()) {
            // only the explicit tag rejects: a missing InferredForeignKey tag proves nothing, because the server
            // drops a column's tags when ingestion treats the column as deleted and re-added
            // (shared/reference/openmetadata.md, "Corrections"); tacit then tags the column again
            if (published.columns().stream().anyMatch(column -> hasTag(table, column, rejectedTag))) {
                rejected.add(published.key());
            }
        }
        List<Resolved> active = new ArrayList<>();
        for (Resolved edge : resolved) {
            if (rejected.contains(edge.key())) {
                if (!state.rejected().contains(edge.key()) && state.edge(edge.key()).isEmpty()) {
                    notes.add(edge.key() + " is tagged " + rejectedTag + ": not published");
                }
            } else {
                active.add(edge);
            }
        }
        Set<String> activeKeys = new HashSet<>();
        active.forEach(edge -> activeKeys.add(edge.key()));
        for (PublishedEdge published : state.edges()) {
            if (!activeKeys.contains(published.key())) {
                retireReasons.put(published.key(), rejected.contains(published.key())
                        ? "rejected by a steward" : "no longer inferred");
            }
        }

        List<ObjectNode> patch = new ArrayList<>();
        Map<String, Boolean> owns = new LinkedHashMap<>();

        // 3. constraints
        List<TableConstraint> constraints = table.table().getTableConstraints();
        TreeSet<Integer> removals = new TreeSet<>();
        for (PublishedEdge published : state.edges()) {
            if (activeKeys.contains(published.key())) {
                continue;
            }
            if (published.ownsConstraint()) {
                constraintIndex(constraints, published.columns(), published.referredColumns()).ifPresent(removals::add);
                removals.addAll(repairedByServer(constraints, published));
            }
            changes.add(new PlannedChange(Action.RETIRE, table.fqn(), "foreign key " + describe(published.columns(),
                    published.referredColumns()) + " (" + retireReasons.get(published.key()) + ")"));
        }
        List<Object> additions = new ArrayList<>();
        for (Resolved edge : active) {
            Optional<PublishedEdge> published = state.edge(edge.key());
            // a copy the server re-paired when tacit sent unsorted columns: remove it, the right one is added
            published.filter(PublishedEdge::ownsConstraint)
                    .ifPresent(before -> removals.addAll(repairedByServer(constraints, before)));
            Optional<Integer> existing = constraintIndex(constraints, edge.columns(), edge.referredColumns());
            String description = describe(edge.columns(), edge.referredColumns()) + String.format(Locale.ROOT,
                    ", confidence %.2f", edge.confidence());
            if (existing.isPresent() && !removals.contains(existing.get())) {
                owns.put(edge.key(), published.map(PublishedEdge::ownsConstraint).orElse(false));
                if (published.isEmpty()) {
                    changes.add(new PlannedChange(Action.ADD, table.fqn(), "relationship " + description
                            + " (its FOREIGN_KEY constraint already exists and stays someone else's)"));
                } else if (published.get().confidence() != edge.confidence()) {
                    changes.add(new PlannedChange(Action.CHANGE, table.fqn(), "relationship " + description
                            + String.format(Locale.ROOT, " (was %.2f)", published.get().confidence())));
                }
            } else {
                owns.put(edge.key(), true);
                additions.add(constraint(edge));
                if (published.isEmpty()) {
                    changes.add(new PlannedChange(Action.ADD, table.fqn(), "foreign key " + description));
                } else {
                    changes.add(new PlannedChange(Action.CHANGE, table.fqn(), "foreign key " + description
                            + " (constraint was removed from the table, most likely by the source's metadata ingestion;"
                            + " adding it again)"));
                }
            }
        }
        for (Integer index : removals.descendingSet()) {
            // the server runs every test before any remove and re-sorts constraints on each write: the index read
            // may point at another constraint by now, so the removal is guarded by the constraint's own value
            TableConstraint removed = constraints.get(index);
            String at = "/tableConstraints/" + index;
            patch.add(op("test", at + "/constraintType", MAPPER.getNodeFactory().textNode(removed.getConstraintType().value())));
            patch.add(op("test", at + "/columns", MAPPER.valueToTree(removed.getColumns())));
            patch.add(op("test", at + "/referredColumns", MAPPER.valueToTree(removed.getReferredColumns())));
            patch.add(op("remove", at, null));
        }
        if (!additions.isEmpty()) {
            if (constraints == null) {
                patch.add(op("add", "/tableConstraints", MAPPER.valueToTree(additions)));
            } else {
                for (Object addition : additions) {
                    patch.add(op("add", "/tableConstraints/-", MAPPER.valueToTree(addition)));
                }
            }
        }

        // 4. column tags
        patch.addAll(tagOperations(table, active, changes));

        // 5. joins and lineage
        List<CatalogRequest> requests = new ArrayList<>();
        Map<String, List<String>> joinDates = new LinkedHashMap<>();
        joins(table, active, state, joinDates, notes).ifPresent(requests::add);
        Map<String, Boolean> lineage = new LinkedHashMap<>();
        Set<String> lineageRemoved = new TreeSet<>();
        requests.addAll(lineage(table, active, state, inputs, lineage, lineageRemoved, changes, notes));

        // 6. the new state and the listing property
        List<PublishedEdge> edges = new ArrayList<>();
        for (Resolved edge : active) {
            Optional<PublishedEdge> published = state.edge(edge.key());
            String runId = published.filter(before -> before.confidence() == edge.confidence()
                            && before.referredColumns().equals(edge.referredColumns()))
                    .map(PublishedEdge::runId).orElse(run.runId().value());
            edges.add(new PublishedEdge(edge.key(), edge.columns(), edge.referredColumns(), edge.confidence(), runId,
                    owns.get(edge.key()), options.tags(), lineage.getOrDefault(edge.key(), false),
                    lineageRemoved.contains(edge.key()), joinDates.getOrDefault(edge.key(), List.of())));
        }
        TacitState newState = new TacitState(1, edges, new ArrayList<>(rejected));
        Map<String, String> wantedExtension = new LinkedHashMap<>();
        wantedExtension.put(TacitState.PROPERTY, newState.isEmpty() ? null : newState.toJson());
        wantedExtension.put(TacitState.LISTING_PROPERTY,
                options.customProperty() && !active.isEmpty() ? listing(active, edges) : null);
        patch.addAll(extensionOperations(table, wantedExtension, changes));

        if (!patch.isEmpty()) {
            Path path = version.acceptsPatchByName()
                    ? Path.of("v1", "tables", "name", table.fqn())
                    : Path.of("v1", "tables", table.table().getId().toString());
            // last: the patch carries tacitState, which must only record what the requests before it wrote
            requests.add(CatalogRequest.patch(path, patch, "update constraints, tags and tacit properties of " + table.fqn()));
        }
        if (changes.stream().noneMatch(change -> change.action() != Action.UNCHANGED) && !active.isEmpty()) {
            changes.add(new PlannedChange(Action.UNCHANGED, table.fqn(), active.size() + " relationship(s) already published"));
        }
        for (String note : notes) {
            changes.add(new PlannedChange(Action.UNCHANGED, table.fqn(), TablePlan.NOTE + note));
        }
        return new TablePlan(name, table.fqn(), changes, requests, Optional.empty(), notes);
    }

    private Optional<Resolved> resolve(Relationship relationship, CatalogTable table, Inputs inputs, List<String> notes) {
        String key = relationship.key();
        CatalogTable target = inputs.catalog().get(relationship.to().table());
        if (target == null) {
            notes.add(key + " not published: referenced table " + inputs.expectedFqns().getOrDefault(
                    relationship.to().table(), relationship.to().table().qualified()) + " is not in OpenMetadata");
            return Optional.empty();
        }
        for (String column : relationship.from().columns()) {
            if (table.columnIndex(column).isEmpty()) {
                notes.add(key + " not published: column " + column + " is not in " + table.fqn());
                return Optional.empty();
            }
        }
        List<String> referred = new ArrayList<>();
        for (String column : relationship.to().columns()) {
            Optional<String> fqn = target.columnFqn(column);
            if (fqn.isEmpty()) {
                notes.add(key + " not published: column " + column + " is not in " + target.fqn());
                return Optional.empty();
            }
            referred.add(fqn.get());
        }
        double confidence = Math.round(relationship.confidence() * 100.0) / 100.0;
        // pairs ordered by local column: the server sorts a constraint's columns in place and leaves referredColumns
        // as sent (TableRepository, shared/reference/openmetadata.md "Corrections"), so any other order is stored
        // with the wrong pairing
        TreeMap<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < relationship.from().columns().size(); i++) {
            pairs.put(relationship.from().columns().get(i), referred.get(i));
        }
        return Optional.of(new Resolved(relationship, key, new ArrayList<>(pairs.keySet()), target,
                new ArrayList<>(pairs.values()), confidence));
    }

    private Object constraint(Resolved edge) {
        TableConstraint constraint = new TableConstraint();
        constraint.setConstraintType(TableConstraint.ConstraintType.FOREIGN_KEY);
        constraint.setColumns(new ArrayList<>(edge.columns()));
        constraint.setReferredColumns(new ArrayList<>(edge.referredColumns()));
        if (!version.acceptsConstraintRelationshipType()) {
            return constraint;
        }
        // newer servers draw the cardinality in the UI; 1.4 refuses the field (additionalProperties: false)
        ObjectNode node = MAPPER.valueToTree(constraint);
        node.put("relationshipType", edge.relationship().kind() == RelationshipKind.ONE_TO_ONE ? "ONE_TO_ONE" : "MANY_TO_ONE");
        return node;
    }

    static Optional<Integer> constraintIndex(List<TableConstraint> constraints, List<String> columns, List<String> referred) {
        if (constraints == null) {
            return Optional.empty();
        }
        Set<String> wanted = pairs(columns, referred);
        for (int i = 0; i < constraints.size(); i++) {
            TableConstraint constraint = constraints.get(i);
            if (constraint.getConstraintType() == TableConstraint.ConstraintType.FOREIGN_KEY
                    && wanted.equals(pairs(constraint.getColumns(), constraint.getReferredColumns()))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A foreign key as a set of (local column, referred column FQN) pairs: the order of the lists carries no meaning. */
    static Set<String> pairs(List<String> columns, List<String> referred) {
        Set<String> pairs = new TreeSet<>();
        if (columns == null || referred == null || columns.size() != referred.size()) {
            return pairs;
        }
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(columns.get(i) + "\n" + referred.get(i));
        }
        return pairs;
    }

    /**
     * Indexes of constraints that are tacit's earlier write of {@code published} as the server stored it when tacit
     * still sent unsorted columns: columns sorted, referred columns as sent, hence wrongly paired.
     */
    static List<Integer> repairedByServer(List<TableConstraint> constraints, PublishedEdge published) {
        List<Integer> found = new ArrayList<>();
        List<String> sorted = new ArrayList<>(published.columns());
        java.util.Collections.sort(sorted);
        if (constraints == null || sorted.equals(published.columns())
                || pairs(sorted, published.referredColumns()).equals(pairs(published.columns(), published.referredColumns()))) {
            return found;
        }
        for (int i = 0; i < constraints.size(); i++) {
            TableConstraint constraint = constraints.get(i);
            if (constraint.getConstraintType() == TableConstraint.ConstraintType.FOREIGN_KEY
                    && sorted.equals(constraint.getColumns())
                    && published.referredColumns().equals(constraint.getReferredColumns())) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean hasTag(CatalogTable table, String column, String tagFqn) {
        return table.columnIndex(column)
                .map(index -> table.table().getColumns().get(index).getTags())
                .map(tags -> tags.stream().anyMatch(tag -> tagFqn.equals(tag.getTagFQN())))
                .orElse(false);
    }

    private boolean isTacitsTag(TagLabel tag) {
        return tag.getTagFQN() != null && tag.getTagFQN().startsWith(options.classification() + ".")
                && !tag.getTagFQN().equals(options.tag(REJECTED_TAG))
                && tag.getLabelType() == TagLabel.LabelType.AUTOMATED;
    }

    String band(double confidence) {
        if (confidence >= 0.9) {
            return options.tag(HIGH);
        }
        if (confidence >= 0.7) {
            return options.tag(MEDIUM);
        }
        return options.tag(LOW);
    }

    private List<ObjectNode> tagOperations(CatalogTable table, List<Resolved> active, List<PlannedChange> changes) {
        Map<String, Double> best = new TreeMap<>();
        if (options.tags()) {
            for (Resolved edge : active) {
                for (String column : edge.columns()) {
                    best.merge(column, edge.confidence(), Math::max);
                }
            }
        }
        List<ObjectNode> operations = new ArrayList<>();
        List<Column> columns = table.table().getColumns() == null ? List.of() : table.table().getColumns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            List<TagLabel> tags = column.getTags() == null ? List.of() : column.getTags();
            Set<String> wanted = new TreeSet<>();
            if (best.containsKey(column.getName())) {
                wanted.add(options.tag(FOREIGN_KEY_TAG));
                wanted.add(band(best.get(column.getName())));
            }
            List<Integer> removeAt = new ArrayList<>();
            Set<String> present = new HashSet<>();
            for (int j = 0; j < tags.size(); j++) {
                TagLabel tag = tags.get(j);
                present.add(tag.getTagFQN());
                if (isTacitsTag(tag) && !wanted.contains(tag.getTagFQN())) {
                    removeAt.add(j);
                }
            }
            List<String> add = wanted.stream().filter(tag -> !present.contains(tag)).toList();
            if (removeAt.isEmpty() && add.isEmpty()) {
                continue;
            }
            // the paths use indexes read a moment ago; the tests fail the patch if the columns moved since, or if
            // a tag added meanwhile shifted tacit's (tags come back sorted by FQN, and the server runs every test
            // before any remove), so no one else's tag is ever removed in place of tacit's
            operations.add(op("test", "/columns/" + i + "/name", MAPPER.getNodeFactory().textNode(column.getName())));
            for (int k = removeAt.size() - 1; k >= 0; k--) {
                String at = "/columns/" + i + "/tags/" + removeAt.get(k);
                operations.add(op("test", at + "/tagFQN", MAPPER.getNodeFactory().textNode(tags.get(removeAt.get(k)).getTagFQN())));
                operations.add(op("remove", at, null));
            }
            if (column.getTags() == null) {
                ArrayNode labels = MAPPER.createArrayNode();
                add.forEach(tag -> labels.add(MAPPER.<JsonNode>valueToTree(label(tag))));
                operations.add(op("add", "/columns/" + i + "/tags", labels));
            } else {
                for (String tag : add) {
                    operations.add(op("add", "/columns/" + i + "/tags/-", MAPPER.valueToTree(label(tag))));
                }
            }
            List<String> removed = removeAt.stream().map(index -> tags.get(index).getTagFQN()).toList();
            StringBuilder what = new StringBuilder("tags of column " + column.getName() + ":");
            if (!add.isEmpty()) {
                what.append(" add ").append(String.join(", ", add));
            }
            if (!removed.isEmpty()) {
                what.append(" remove ").append(String.join(", ", removed));
            }
            Action action = add.isEmpty() ? Action.RETIRE : removed.isEmpty() ? Action.ADD : Action.CHANGE;
            changes.add(new PlannedChange(action, table.fqn(), what.toString()));
        }
        return operations;
    }

    static TagLabel label(String tagFqn) {
        TagLabel label = new TagLabel();
        label.setTagFQN(tagFqn);
        label.setSource(TagLabel.TagSource.CLASSIFICATION);
        label.setLabelType(TagLabel.LabelType.AUTOMATED);
        label.setState(TagLabel.State.CONFIRMED);
        return label;
    }

    private Optional<CatalogRequest> joins(CatalogTable table, List<Resolved> active, TacitState state,
            Map<String, List<String>> joinDates, List<String> notes) {
        Map<String, Map<String, Integer>> current = new TreeMap<>();
        TableJoins existing = table.table().getJoins();
        if (existing != null && existing.getColumnJoins() != null) {
            for (ColumnJoin join : existing.getColumnJoins()) {
                if (join.getJoinedWith() == null) {
                    continue;
                }
                for (JoinedWith with : join.getJoinedWith()) {
                    current.computeIfAbsent(join.getColumnName(), column -> new TreeMap<>())
                            .merge(with.getFullyQualifiedName(), with.getJoinCount() == null ? 0 : with.getJoinCount(),
                                    Integer::sum);
                }
            }
        }
        Map<String, List<String>> toWrite = new TreeMap<>();
        String day = joinDate.toString();
        for (Resolved edge : active) {
            List<String> ownDates = state.edge(edge.key()).map(PublishedEdge::joinDates).orElse(List.of()).stream()
                    .filter(date -> !LocalDate.parse(date).isBefore(windowStart))
                    .toList();
            if (!options.joins()) {
                continue;
            }
            if (ownDates.contains(day)) {
                joinDates.put(edge.key(), ownDates);
                continue;
            }
            boolean safe = true;
            for (int i = 0; i < edge.columns().size(); i++) {
                int counted = current.getOrDefault(edge.columns().get(i), Map.of())
                        .getOrDefault(edge.referredColumns().get(i), 0);
                // counts beyond tacit's own come from another writer (the usage workflow); a write for a day
                // replaces that day's count, so tacit writes only when nobody else counts this pair
                if (counted > ownDates.size()) {
                    safe = false;
                }
            }
            if (!safe) {
                notes.add("join counts for " + describe(edge.columns(), edge.referredColumns())
                        + " come from another writer; left as they are");
                joinDates.put(edge.key(), ownDates);
                continue;
            }
            List<String> dates = new ArrayList<>(ownDates);
            dates.add(day);
            joinDates.put(edge.key(), dates);
            for (int i = 0; i < edge.columns().size(); i++) {
                toWrite.computeIfAbsent(edge.columns().get(i), column -> new ArrayList<>()).add(edge.referredColumns().get(i));
            }
        }
        if (toWrite.isEmpty()) {
            return Optional.empty();
        }
        TableJoins joins = new TableJoins();
        joins.setStartDate(day);
        joins.setDayCount(1);
        List<ColumnJoin> columnJoins = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : toWrite.entrySet()) {
            ColumnJoin join = new ColumnJoin();
            join.setColumnName(entry.getKey());
            List<JoinedWith> with = new ArrayList<>();
            for (String referred : new TreeSet<>(entry.getValue())) {
                JoinedWith joined = new JoinedWith();
                joined.setFullyQualifiedName(referred);
                joined.setJoinCount(1);
                with.add(joined);
            }
            join.setJoinedWith(with);
            columnJoins.add(join);
        }
        joins.setColumnJoins(columnJoins);
        joins.setDirectTableJoins(new ArrayList<>());
        return Optional.of(CatalogRequest.put(Path.of("v1", "tables", table.table().getId().toString(), "joins"), joins,
                "join count 1 on " + day + " for " + toWrite.size() + " column(s) of " + table.fqn()));
    }

    private List<CatalogRequest> lineage(CatalogTable table, List<Resolved> active, TacitState state, Inputs inputs,
            Map<String, Boolean> published, Set<String> removedByPerson, List<PlannedChange> changes, List<String> notes) {
        List<CatalogRequest> requests = new ArrayList<>();
        Map<String, JsonNode> upstream = inputs.upstream().get(table.name());
        if (upstream == null) {
            // lineage was not read (switched off and never published): keep what the state says
            for (Resolved edge : active) {
                state.edge(edge.key()).ifPresent(before -> {
                    published.put(edge.key(), before.lineage());
                    if (before.lineageRemoved()) {
                        removedByPerson.add(edge.key());
                    }
                });
            }
            return requests;
        }
        // group by referenced table: OpenMetadata keeps one lineage edge per table pair
        Map<TableName, List<Resolved>> wanted = new TreeMap<>();
        for (Resolved edge : active) {
            boolean removed = state.edge(edge.key()).map(PublishedEdge::lineageRemoved).orElse(false);
            if (removed) {
                removedByPerson.add(edge.key());
            } else if (options.lineage() && !edge.relationship().isSelfReference()) {
                wanted.computeIfAbsent(edge.target().name(), name -> new ArrayList<>()).add(edge);
            }
        }
        Map<TableName, List<PublishedEdge>> before = new TreeMap<>();
        for (PublishedEdge edge : state.edges()) {
            if (edge.lineage()) {
                TableName target = targetOf(edge, inputs);
                if (target != null) {
                    before.computeIfAbsent(target, name -> new ArrayList<>()).add(edge);
                }
            }
        }
        Set<TableName> targets = new TreeSet<>(wanted.keySet());
        targets.addAll(before.keySet());
        for (TableName targetName : targets) {
            CatalogTable target = inputs.catalog().get(targetName);
            if (target == null) {
                continue;
            }
            JsonNode current = upstream.get(target.table().getId().toString());
            boolean ours = current != null && current.path("description").asText("").startsWith(LINEAGE_PREFIX);
            List<Resolved> edges = wanted.getOrDefault(targetName, List.of());
            if (edges.isEmpty()) {
                if (ours) {
                    requests.add(CatalogRequest.delete(Path.of("v1", "lineage", "table", target.table().getId().toString(),
                            "table", table.table().getId().toString()), "remove lineage " + target.fqn() + " -> " + table.fqn()));
                    changes.add(new PlannedChange(Action.RETIRE, table.fqn(), "lineage from " + target.fqn()));
                }
                continue;
            }
            if (current == null && before.containsKey(targetName)) {
                // tacit had published this edge and someone deleted it: that is their decision
                edges.forEach(edge -> removedByPerson.add(edge.key()));
                notes.add("lineage from " + target.fqn() + " was deleted in OpenMetadata after tacit published it; not added again");
                continue;
            }
            if (current != null && !ours) {
                notes.add("lineage from " + target.fqn() + " exists and is not tacit's; left untouched");
                continue;
            }
            LineageDetails details = details(table, edges, state);
            JsonNode wantedDetails = MAPPER.valueToTree(details);
            edges.forEach(edge -> published.put(edge.key(), true));
            if (current != null && sameLineage(current, wantedDetails)) {
                continue;
            }
            EntitiesEdge edge = new EntitiesEdge();
            edge.setFromEntity(reference(target.table().getId()));
            edge.setToEntity(reference(table.table().getId()));
            edge.setLineageDetails(details);
            AddLineage body = new AddLineage();
            body.setEdge(edge);
            requests.add(CatalogRequest.put(Path.of("v1", "lineage"), body, "lineage " + target.fqn() + " -> " + table.fqn()));
            changes.add(new PlannedChange(current == null ? Action.ADD : Action.CHANGE, table.fqn(),
                    "lineage from " + target.fqn() + " with " + details.getColumnsLineage().size() + " column mapping(s)"));
        }
        return requests;
    }

    private static TableName targetOf(PublishedEdge edge, Inputs inputs) {
        if (edge.referredColumns().isEmpty()) {
            return null;
        }
        String tableFqn = Fqn.parent(edge.referredColumns().get(0));
        for (CatalogTable table : inputs.catalog().values()) {
            if (tableFqn.equals(table.fqn())) {
                return table.name();
            }
        }
        return null;
    }

    private LineageDetails details(CatalogTable table, List<Resolved> edges, TacitState state) {
        StringBuilder description = new StringBuilder(LINEAGE_PREFIX + " inferred relationship");
        List<ColumnLineage> columns = new ArrayList<>();
        for (Resolved edge : edges) {
            String runId = state.edge(edge.key()).filter(before -> before.confidence() == edge.confidence()
                            && before.referredColumns().equals(edge.referredColumns()))
                    .map(PublishedEdge::runId).orElse(run.runId().value());
            description.append("\n- ").append(describe(edge.columns(), edge.referredColumns()))
                    .append(String.format(Locale.ROOT, ": confidence %.2f", edge.confidence()))
                    .append("; evidence: ").append(evidence(edge.relationship()))
                    .append("; run ").append(runId);
            for (int i = 0; i < edge.columns().size(); i++) {
                ColumnLineage lineage = new ColumnLineage();
                lineage.setFromColumns(new ArrayList<>(List.of(edge.referredColumns().get(i))));
                lineage.setToColumn(table.columnFqn(edge.columns().get(i)).orElseThrow());
                columns.add(lineage);
            }
        }
        LineageDetails details = new LineageDetails();
        details.setDescription(description.toString());
        details.setColumnsLineage(columns);
        details.setSource(LineageDetails.Source.MANUAL);
        return details;
    }

    private static boolean sameLineage(JsonNode current, JsonNode wanted) {
        if (!current.path("description").asText("").equals(wanted.path("description").asText(""))) {
            return false;
        }
        if (!current.path("source").asText("Manual").equals(wanted.path("source").asText("Manual"))) {
            return false;
        }
        Set<String> have = new TreeSet<>();
        current.path("columnsLineage").forEach(node -> have.add(columnLineageKey(node)));
        Set<String> want = new TreeSet<>();
        wanted.path("columnsLineage").forEach(node -> want.add(columnLineageKey(node)));
        return have.equals(want);
    }

    private static String columnLineageKey(JsonNode node) {
        List<String> from = new ArrayList<>();
        node.path("fromColumns").forEach(column -> from.add(column.asText()));
        return from + "->" + node.path("toColumn").asText();
    }

    private static EntityReference reference(UUID id) {
        EntityReference reference = new EntityReference();
        reference.setId(id);
        reference.setType("table");
        return reference;
    }

    private List<ObjectNode> extensionOperations(CatalogTable table, Map<String, String> wanted, List<PlannedChange> changes) {
        Object extension = table.table().getExtension();
        JsonNode current = extension == null ? null : MAPPER.valueToTree(extension);
        boolean hasObject = current != null && current.isObject();
        List<ObjectNode> operations = new ArrayList<>();
        ObjectNode whole = MAPPER.createObjectNode();
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            JsonNode value = hasObject ? current.get(entry.getKey()) : null;
            String have = value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
            if (Objects.equals(have, entry.getValue())) {
                continue;
            }
            if (entry.getValue() == null) {
                operations.add(op("remove", "/extension/" + pointer(entry.getKey()), null));
            } else if (hasObject) {
                operations.add(op("add", "/extension/" + pointer(entry.getKey()), MAPPER.getNodeFactory().textNode(entry.getValue())));
            } else {
                whole.put(entry.getKey(), entry.getValue());
            }
            if (entry.getKey().equals(TacitState.LISTING_PROPERTY)) {
                changes.add(new PlannedChange(entry.getValue() == null ? Action.RETIRE : have == null ? Action.ADD : Action.CHANGE,
                        table.fqn(), "custom property " + TacitState.LISTING_PROPERTY));
            }
        }
        if (!whole.isEmpty()) {
            operations.add(op("add", "/extension", whole));
        }
        return operations;
    }

    private String listing(List<Resolved> active, List<PublishedEdge> edges) {
        Map<String, String> runs = new TreeMap<>();
        edges.forEach(edge -> runs.put(edge.key(), edge.runId()));
        StringBuilder text = new StringBuilder("Relationships inferred by tacit (not declared in the database).\n\n"
                + "| Column(s) | References | Confidence | Evidence | Run |\n|---|---|---|---|---|\n");
        for (Resolved edge : active) {
            text.append("| ").append(cell(String.join(", ", edge.columns())))
                    .append(" | ").append(cell(edge.target().name().qualified() + "(" + String.join(", ",
                            edge.referredColumns().stream().map(Fqn::last).toList()) + ")"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", edge.confidence()))
                    .append(" | ").append(cell(evidence(edge.relationship())))
                    .append(" | ").append(cell(runs.get(edge.key()))).append(" |\n");
        }
        text.append("\nTo reject one, tag its column ").append(options.tag(REJECTED_TAG)).append('.');
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String evidence(Relationship relationship) {
        List<String> details = new ArrayList<>();
        for (Evidence evidence : relationship.provenance().evidence()) {
            details.add(evidence.detail().isBlank() ? evidence.signal() : evidence.detail());
        }
        if (relationship.origin() == Origin.ORM) {
            relationship.provenance().location().ifPresent(location -> details.add("declared in " + location));
        }
        return details.isEmpty() ? relationship.origin().name().toLowerCase(Locale.ROOT) : String.join("; ", details);
    }

    private static String describe(List<String> columns, List<String> referred) {
        List<String> names = new ArrayList<>();
        for (String fqn : referred) {
            names.add(Fqn.last(fqn));
        }
        String referredTable = referred.isEmpty() ? "?" : Fqn.parent(referred.get(0));
        return "(" + String.join(", ", columns) + ") -> " + referredTable + "(" + String.join(", ", names) + ")";
    }

    private static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode op(String op, String path, JsonNode value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("op", op);
        node.put("path", path);
        if (value != null) {
            node.set("value", value);
        }
        return node;
    }
}
