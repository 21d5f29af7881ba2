package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.openmetadata.TacitState.PublishedEdge;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.openmetadata.schema.entity.data.Table;
import org.openmetadata.schema.type.ColumnConstraint;
import org.openmetadata.schema.type.TableConstraint;

/**
 * OpenMetadata as a source: service, databases, schemas and tables with columns and constraints, read with
 * the bot token (no database credentials). Table names map back to {@code TableName(schema, table)}; the
 * FOREIGN_KEY constraints tacit published itself are not reported as declared, so a run on the catalog does
 * not mistake its own earlier inferences for declarations.
 */
public final class OpenMetadataSource implements Source {
    static final String FIELDS = "columns,tableConstraints,extension";

    private final OpenMetadataClient client;
    private final CatalogReader reader;
    private final String serviceName;
    private final Optional<String> database;
    private final boolean profiles;
    private final Map<TableName, String> tableFqns = new LinkedHashMap<>();

    public OpenMetadataSource(OpenMetadataClient client, String serviceName, Optional<String> database, boolean profiles) {
        this.client = requireNonNull(client, "client is null");
        this.reader = new CatalogReader(client);
        this.serviceName = requireNonNull(serviceName, "serviceName is null");
        this.database = requireNonNull(database, "database is null");
        this.profiles = profiles;
    }

    @Override
    public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
        ServerVersion version = client.version();
        reader.service(serviceName);
        List<String> databaseFqns = new ArrayList<>();
        if (database.isPresent()) {
            databaseFqns.add(reader.databaseFqn(serviceName, database));
        } else {
            for (JsonNode node : reader.databases(serviceName)) {
                databaseFqns.add(node.path("fullyQualifiedName").asText());
            }
        }
        Map<String, String> schemaFqns = new LinkedHashMap<>();
        for (String databaseFqn : databaseFqns) {
            for (Map.Entry<String, String> schema : reader.schemas(databaseFqn).entrySet()) {
                if (!filter.includesSchema(schema.getKey())) {
                    continue;
                }
                String earlier = schemaFqns.putIfAbsent(schema.getKey(), schema.getValue());
                if (earlier != null) {
                    throw TacitException.config("schema '" + schema.getKey() + "' exists in more than one database of service '"
                                    + serviceName + "' (" + earlier + ", " + schema.getValue() + ")",
                            "set database to the one tacit should read");
                }
            }
        }
        progress.stageStarted("read OpenMetadata tables", schemaFqns.size());
        List<Table> catalogTables = new ArrayList<>();
        Map<Table, TableName> names = new HashMap<>();
        for (Map.Entry<String, String> schema : schemaFqns.entrySet()) {
            for (Table table : reader.tables(schema.getValue(), FIELDS)) {
                TableName name = new TableName(schema.getKey(), table.getName());
                if (!filter.includes(name)) {
                    continue;
                }
                catalogTables.add(table);
                names.put(table, name);
            }
            progress.advanced(1);
        }
        progress.stageFinished("read OpenMetadata tables");

        Map<String, TableName> byFqn = new HashMap<>();
        for (Table table : catalogTables) {
            byFqn.put(table.getFullyQualifiedName(), names.get(table));
            tableFqns.put(names.get(table), table.getFullyQualifiedName());
        }
        List<io.tacit.model.Table> tables = new ArrayList<>();
        List<ForeignKey> declared = new ArrayList<>();
        for (Table table : catalogTables) {
            TableName name = names.get(table);
            tables.add(toModel(name, table));
            declared.addAll(foreignKeys(name, table, byFqn, progress));
        }
        return new SchemaSnapshot("openmetadata:" + client.baseUrl() + " service " + serviceName,
                "OpenMetadata " + version, Instant.now(), tables, declared);
    }

    static io.tacit.model.Table toModel(TableName name, Table table) {
        List<Column> columns = new ArrayList<>();
        Optional<Key> primaryKey = Optional.empty();
        List<Key> uniqueKeys = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        List<org.openmetadata.schema.type.Column> catalogColumns =
                table.getColumns() == null ? List.of() : table.getColumns();
        int position = 0;
        for (org.openmetadata.schema.type.Column column : catalogColumns) {
            position++;
            String dataType = column.getDataType() == null ? null : column.getDataType().value();
            TypeFamily family = CatalogTypes.family(dataType);
            String nativeName = column.getDataTypeDisplay() != null ? column.getDataTypeDisplay()
                    : dataType == null ? "unknown" : dataType.toLowerCase(java.util.Locale.ROOT);
            int size = column.getDataLength() != null && column.getDataLength() > 0 ? column.getDataLength() : 0;
            ColumnConstraint constraint = column.getConstraint();
            boolean nullable = constraint != ColumnConstraint.NOT_NULL && constraint != ColumnConstraint.PRIMARY_KEY;
            int ordinal = column.getOrdinalPosition() != null && column.getOrdinalPosition() > 0
                    ? column.getOrdinalPosition() : position;
            columns.add(new Column(column.getName(), ordinal, new DataType(nativeName, CatalogTypes.jdbcType(family), family, size),
                    nullable, Optional.empty(), Optional.ofNullable(column.getDescription())));
            if (constraint == ColumnConstraint.PRIMARY_KEY) {
                pkColumns.add(column.getName());
            } else if (constraint == ColumnConstraint.UNIQUE) {
                uniqueKeys.add(new Key(KeyKind.UNIQUE, name.table() + "_" + column.getName() + "_key", List.of(column.getName())));
            }
        }
        if (table.getTableConstraints() != null) {
            for (TableConstraint constraint : table.getTableConstraints()) {
                if (constraint.getConstraintType() == null || constraint.getColumns() == null
                        || constraint.getColumns().isEmpty()) {
                    continue;
                }
                if (constraint.getConstraintType() == TableConstraint.ConstraintType.PRIMARY_KEY && primaryKey.isEmpty()) {
                    primaryKey = Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey", constraint.getColumns()));
                } else if (constraint.getConstraintType() == TableConstraint.ConstraintType.UNIQUE) {
                    Key key = new Key(KeyKind.UNIQUE, name.table() + "_" + String.join("_", constraint.getColumns()) + "_key",
                            constraint.getColumns());
                    if (uniqueKeys.stream().noneMatch(existing -> existing.columns().equals(key.columns()))) {
                        uniqueKeys.add(key);
                    }
                }
            }
        }
        if (primaryKey.isEmpty() && !pkColumns.isEmpty()) {
            primaryKey = Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey", pkColumns));
        }
        // ordinal positions from the catalog may have gaps or repeats; keep their order, number them 1..n
        columns.sort(java.util.Comparator.comparingInt(Column::position));
        List<Column> renumbered = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            renumbered.add(new Column(column.name(), i + 1, column.type(), column.nullable(), column.defaultValue(),
                    column.comment()));
        }
        return new io.tacit.model.Table(name, CatalogTypes.kind(table.getTableType()), renumbered, primaryKey, uniqueKeys,
                Optional.ofNullable(table.getDescription()), OptionalLong.empty(), Optional.empty());
    }

    private static List<ForeignKey> foreignKeys(TableName name, Table table, Map<String, TableName> byFqn,
            ProgressListener progress) {
        List<ForeignKey> keys = new ArrayList<>();
        if (table.getTableConstraints() == null) {
            return keys;
        }
        TacitState state = CatalogReader.extension(table, TacitState.PROPERTY).flatMap(TacitState::parse)
                .orElse(TacitState.EMPTY);
        for (TableConstraint constraint : table.getTableConstraints()) {
            if (constraint.getConstraintType() != TableConstraint.ConstraintType.FOREIGN_KEY
                    || constraint.getColumns() == null || constraint.getReferredColumns() == null
                    || constraint.getColumns().isEmpty()
                    || constraint.getColumns().size() != constraint.getReferredColumns().size()) {
                continue;
            }
            if (isTacits(state, constraint)) {
                continue;
            }
            String referredTable = Fqn.parent(constraint.getReferredColumns().get(0));
            TableName target = byFqn.get(referredTable);
            if (target == null) {
                List<String> parts = Fqn.split(referredTable);
                if (parts.size() < 2) {
                    progress.note("skipped foreign key of " + name + ": cannot read referred column "
                            + constraint.getReferredColumns().get(0));
                    continue;
                }
                target = new TableName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
            }
            List<String> targetColumns = new ArrayList<>();
            boolean sameTable = true;
            for (String referred : constraint.getReferredColumns()) {
                sameTable &= Fqn.parent(referred).equals(referredTable);
                targetColumns.add(Fqn.last(referred));
            }
            if (!sameTable) {
                progress.note("skipped foreign key of " + name + ": its referred columns span several tables");
                continue;
            }
            // the server keeps a constraint's columns sorted and its referred columns as sent: the lists are a set of
            // pairs whose order means nothing, so they are read in one canonical order (by local column)
            java.util.TreeMap<String, String> pairs = new java.util.TreeMap<>();
            for (int i = 0; i < constraint.getColumns().size(); i++) {
                pairs.put(constraint.getColumns().get(i), targetColumns.get(i));
            }
            if (pairs.size() != constraint.getColumns().size()) {
                progress.note("skipped foreign key of " + name + ": a column appears twice in it");
                continue;
            }
            List<String> localColumns = new ArrayList<>(pairs.keySet());
            String keyName = "fk_" + name.table() + "_" + String.join("_", localColumns);
            keys.add(new ForeignKey(keyName, new ColumnSet(name, localColumns), new ColumnSet(target, new ArrayList<>(pairs.values()))));
        }
        return keys;
    }

    /**
     * Whether tacit wrote this constraint. Compared as sets of (column, referred column) pairs, and also in the
     * form the server gave an earlier unsorted write (columns sorted in place, referred columns as sent).
     */
    static boolean isTacits(TacitState state, TableConstraint constraint) {
        for (PublishedEdge edge : state.edges()) {
            if (!edge.ownsConstraint()) {
                continue;
            }
            if (PlanBuilder.pairs(edge.columns(), edge.referredColumns())
                    .equals(PlanBuilder.pairs(constraint.getColumns(), constraint.getReferredColumns()))
                    || !PlanBuilder.repairedByServer(List.of(constraint), edge).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The FQN of each table the last {@link #readSchema} call read. */
    Map<TableName, String> tableFqns() {
        return Map.copyOf(tableFqns);
    }

    @Override
    public StatisticsProvider statistics() {
        if (!profiles) {
            return StatisticsProvider.NONE;
        }
        return new CatalogProfiles(client, this::tableFqns);
    }

    @Override
    public ValueProbe valueProbe() {
        return ValueProbe.NONE;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "OpenMetadataSource[" + client.baseUrl() + ", service " + serviceName + "]";
    }
}
