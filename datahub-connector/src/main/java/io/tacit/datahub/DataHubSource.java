package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.datahub.util.RecordUtils;
import com.linkedin.common.urn.Urn;
import com.linkedin.data.DataMap;
import com.linkedin.data.template.GetMode;
import com.linkedin.dataset.DatasetFieldProfile;
import com.linkedin.dataset.DatasetProfile;
import com.linkedin.schema.ForeignKeyConstraint;
import com.linkedin.schema.SchemaField;
import com.linkedin.schema.SchemaMetadata;
import io.tacit.datahub.GmsClient.Aspect;
import io.tacit.error.TacitException;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.ForeignKey;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import io.tacit.spi.StatisticsProvider;
import io.tacit.spi.ValueProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * DataHub as a source: the datasets of one platform (and instance, env, database) with their
 * {@code schemaMetadata} (fields, types, primary keys, foreign keys others declared) and the latest
 * {@code datasetProfile} (row, distinct and null counts, min, max) as catalog statistics. Reads only.
 * Foreign keys tacit wrote itself ({@code tacit_...}) are not read back as declared.
 */
public final class DataHubSource implements Source {
    private final DataHubSettings settings;
    private final GmsClient gms;
    private final Map<TableName, String> urns = new TreeMap<>();
    private ServerVersion version = ServerVersion.UNKNOWN;

    DataHubSource(DataHubSettings settings, GmsClient gms) {
        this.settings = requireNonNull(settings, "settings is null");
        this.gms = requireNonNull(gms, "gms is null");
    }

    static DataHubSource create(DataHubSettings settings) {
        RetryPolicy retry = new RetryPolicy(settings.maxRetries(), settings.retryBackoff());
        return new DataHubSource(settings, new GmsClient(settings.serverUrl().orElseThrow(), settings.token(),
                settings.timeout(), retry));
    }

    @Override
    public SchemaSnapshot readSchema(SchemaFilter filter, ProgressListener progress) {
        version = gms.version();
        if (!(version.needsProbing() ? gms.hasOpenApiV3() : version.hasOpenApiV3())) {
            throw TacitException.source("DataHub " + version + " at " + gms.server() + " is too old to read from",
                    "tacit reads through the OpenAPI v3 entity API of DataHub 0.13 or later", null);
        }
        progress.stageStarted("datahub: datasets", 0);
        List<GmsClient.EntityAspects> datasets = gms.scroll("dataset", List.of("schemaMetadata"), false);
        List<Table> tables = new ArrayList<>();
        Map<TableName, SchemaMetadata> schemas = new TreeMap<>();
        urns.clear();
        for (GmsClient.EntityAspects dataset : datasets) {
            Optional<TableName> name = settings.naming().table(dataset.urn());
            Optional<Aspect> schemaAspect = dataset.aspect("schemaMetadata");
            if (name.isEmpty() || schemaAspect.isEmpty() || !filter.includes(name.get())) {
                continue;
            }
            if (urns.containsKey(name.get())) {
                progress.note("datahub: " + dataset.urn() + " names the same table as " + urns.get(name.get()) + "; skipped");
                continue;
            }
            SchemaMetadata schema = ForeignKeyMerge.parse(schemaAspect.get().json());
            urns.put(name.get(), dataset.urn());
            schemas.put(name.get(), schema);
            tables.add(table(name.get(), schema));
            progress.advanced(1);
        }
        Map<String, TableName> byUrn = new TreeMap<>();
        urns.forEach((table, urn) -> byUrn.put(urn, table));
        List<ForeignKey> declared = new ArrayList<>();
        schemas.forEach((table, schema) -> declared.addAll(foreignKeys(table, schema, byUrn)));
        progress.stageFinished("datahub: datasets");
        return new SchemaSnapshot("datahub " + gms.server() + " " + settings.naming().scope(), "DataHub " + version,
                Instant.now(), tables, declared);
    }

    private static Table table(TableName name, SchemaMetadata schema) {
        List<Column> columns = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        int position = 1;
        for (SchemaField field : schema.getFields()) {
            String column = columnName(field.getFieldPath());
            DataMap typeUnion = field.getType().data().getDataMap("type");
            String datahubType = typeUnion == null || typeUnion.isEmpty() ? "" : typeUnion.keySet().iterator().next();
            Optional<String> comment = Optional.ofNullable(field.getDescription(GetMode.NULL)).filter(text -> !text.isBlank());
            columns.add(new Column(column, position++, TypeFamilies.dataType(field.getNativeDataType(), datahubType),
                    field.isNullable(), Optional.empty(), comment));
            if (field.isIsPartOfKey()) {
                keyColumns.add(column);
            }
        }
        if (schema.getPrimaryKeys(GetMode.NULL) != null && !schema.getPrimaryKeys().isEmpty()) {
            keyColumns = schema.getPrimaryKeys().stream().map(DataHubSource::columnName).toList();
        }
        Optional<Key> primaryKey = keyColumns.isEmpty()
                ? Optional.empty()
                : Optional.of(new Key(KeyKind.PRIMARY, "primary", keyColumns));
        return new Table(name, TableKind.TABLE, columns, primaryKey, List.of(), Optional.empty(), OptionalLong.empty(),
                Optional.empty());
    }

    /** The column name of a field path: v1 paths are the name; v2 paths end in it. */
    static String columnName(String fieldPath) {
        if (fieldPath.startsWith("[version=2.0]")) {
            return DataHubMapping.lastSegment(fieldPath);
        }
        return fieldPath;
    }

    private static List<ForeignKey> foreignKeys(TableName table, SchemaMetadata schema, Map<String, TableName> byUrn) {
        List<ForeignKey> keys = new ArrayList<>();
        if (schema.getForeignKeys(GetMode.NULL) == null) {
            return keys;
        }
        for (ForeignKeyConstraint constraint : schema.getForeignKeys()) {
            if (ForeignKeyMerge.isTacit(constraint)) {
                continue;
            }
            TableName target = byUrn.get(constraint.getForeignDataset().toString());
            if (target == null || constraint.getSourceFields().size() != constraint.getForeignFields().size()
                    || constraint.getSourceFields().isEmpty()) {
                continue;
            }
            List<String> from = constraint.getSourceFields().stream().map(DataHubSource::fieldOf).map(DataHubSource::columnName).toList();
            List<String> to = constraint.getForeignFields().stream().map(DataHubSource::fieldOf).map(DataHubSource::columnName).toList();
            keys.add(new ForeignKey(constraint.getName(), new ColumnSet(table, from), new ColumnSet(target, to)));
        }
        return keys;
    }

    /** The field path of a schemaField URN: its last tuple part, percent-decoded. */
    static String fieldOf(Urn schemaField) {
        String text = schemaField.toString();
        int comma = text.lastIndexOf(',');
        String encoded = text.substring(comma + 1, text.length() - 1);
        return encoded.replace("%2C", ",").replace("%28", "(").replace("%29", ")").replace("%25", "%");
    }

    @Override
    public StatisticsProvider statistics() {
        return this::collect;
    }

    private Statistics collect(SchemaSnapshot snapshot, StatisticsLevel level, ProgressListener progress) {
        if (level == StatisticsLevel.METADATA) {
            return Statistics.none();
        }
        progress.stageStarted("datahub: profiles", snapshot.tables().size());
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        Map<TableName, TableStatistics> result = new LinkedHashMap<>();
        try {
            Map<TableName, Future<Optional<Aspect>>> futures = new LinkedHashMap<>();
            for (Table table : snapshot.tables()) {
                String urn = urns.getOrDefault(table.name(), settings.naming().datasetUrn(table.name()));
                futures.put(table.name(), pool.submit(() -> gms.aspect("dataset", urn, "datasetProfile")));
            }
            for (Map.Entry<TableName, Future<Optional<Aspect>>> entry : futures.entrySet()) {
                Optional<Aspect> profile = entry.getValue().get();
                progress.advanced(1);
                profile.flatMap(aspect -> statistics(entry.getKey(), aspect))
                        .ifPresent(statistics -> result.put(entry.getKey(), statistics));
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TacitException tacit) {
                throw tacit;
            }
            throw TacitException.source("cannot read dataset profiles from DataHub: " + e.getCause(), null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TacitException.source("interrupted while reading DataHub profiles", null, e);
        } finally {
            pool.shutdownNow();
            progress.stageFinished("datahub: profiles");
        }
        return new Statistics(StatisticsLevel.ENGINE, result);
    }

    static Optional<TableStatistics> statistics(TableName table, Aspect aspect) {
        DatasetProfile profile = RecordUtils.toRecordTemplate(DatasetProfile.class, aspect.json());
        Long rows = profile.getRowCount(GetMode.NULL);
        Map<String, ColumnStatistics> columns = new TreeMap<>();
        if (profile.getFieldProfiles(GetMode.NULL) != null) {
            for (DatasetFieldProfile field : profile.getFieldProfiles()) {
                String column = columnName(field.getFieldPath());
                ColumnStatistics.Builder builder = ColumnStatistics.builder(new ColumnName(table, column), StatisticsOrigin.CATALOG);
                if (rows != null) {
                    builder.rows(rows);
                }
                Long nulls = field.getNullCount(GetMode.NULL);
                if (nulls != null) {
                    builder.nulls(nulls);
                }
                Long unique = field.getUniqueCount(GetMode.NULL);
                if (unique != null) {
                    // profilers may sample or approximate: treat as an estimate
                    builder.distinct(DistinctCount.estimated(unique));
                }
                builder.min(field.getMin(GetMode.NULL)).max(field.getMax(GetMode.NULL));
                columns.put(column, builder.build());
            }
        }
        if (rows == null && columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableStatistics(table, StatisticsOrigin.CATALOG, rows == null ? 0 : rows, false, columns));
    }

    @Override
    public ValueProbe valueProbe() {
        return ValueProbe.NONE;
    }

    @Override
    public void close() {
        gms.close();
    }
}
