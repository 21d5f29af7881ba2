package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tacit.error.TacitException;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DistinctCount;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.openmetadata.OpenMetadataClient.Path;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.StatisticsProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.openmetadata.schema.entity.data.Table;
import org.openmetadata.schema.type.ColumnProfile;
import org.openmetadata.schema.type.TableProfile;
import org.openmetadata.schema.type.TableProfilerConfig;

/**
 * Statistics from OpenMetadata's profiler: the latest table and column profile of each table
 * ({@code GET /v1/tables/{fqn}/tableProfile/latest}), read with bounded concurrency. Tables never profiled
 * (or whose profile the bot may not see) are simply absent.
 */
final class CatalogProfiles implements StatisticsProvider {
    private final OpenMetadataClient client;
    private final Supplier<Map<TableName, String>> tableFqns;

    CatalogProfiles(OpenMetadataClient client, Supplier<Map<TableName, String>> tableFqns) {
        this.client = requireNonNull(client, "client is null");
        this.tableFqns = requireNonNull(tableFqns, "tableFqns is null");
    }

    @Override
    public Statistics collect(SchemaSnapshot snapshot, StatisticsLevel level, ProgressListener progress) {
        if (level == StatisticsLevel.METADATA) {
            return new Statistics(level, Map.of());
        }
        Map<TableName, String> fqns = tableFqns.get();
        progress.stageStarted("read OpenMetadata profiles", snapshot.tables().size());
        ExecutorService executor = Executors.newFixedThreadPool(client.settings().concurrency());
        try {
            Map<TableName, Future<Optional<TableStatistics>>> pending = new LinkedHashMap<>();
            for (io.tacit.model.Table table : snapshot.tables()) {
                String fqn = fqns.get(table.name());
                if (fqn == null) {
                    continue;
                }
                pending.put(table.name(), executor.submit(() -> {
                    Optional<TableStatistics> statistics = profile(table.name(), fqn, progress);
                    progress.advanced(1);
                    return statistics;
                }));
            }
            Map<TableName, TableStatistics> tables = new TreeMap<>();
            for (Map.Entry<TableName, Future<Optional<TableStatistics>>> entry : pending.entrySet()) {
                await(entry.getValue()).ifPresent(statistics -> tables.put(entry.getKey(), statistics));
            }
            progress.stageFinished("read OpenMetadata profiles");
            return new Statistics(level, tables);
        } finally {
            executor.shutdownNow();
        }
    }

    private Optional<TableStatistics> profile(TableName name, String fqn, ProgressListener progress) {
        Optional<JsonNode> answer;
        try {
            answer = client.find(Path.of("v1", "tables", fqn, "tableProfile", "latest"), Map.of());
        } catch (CatalogHttpException e) {
            if (e.status() == 403) {
                progress.note("no profile for " + fqn + ": the bot may not view data profiles (403)");
                return Optional.empty();
            }
            throw e;
        }
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        return toStatistics(name, CatalogReader.toTable(answer.get()));
    }

    static Optional<TableStatistics> toStatistics(TableName name, Table table) {
        TableProfile tableProfile = table.getProfile();
        Double rowCount = tableProfile == null ? null : tableProfile.getRowCount();
        boolean sampled = tableProfile != null && tableProfile.getProfileSample() != null
                && !(tableProfile.getProfileSampleType() == TableProfilerConfig.ProfileSampleType.PERCENTAGE
                && tableProfile.getProfileSample() >= 100.0);
        Map<String, ColumnStatistics> columns = new LinkedHashMap<>();
        List<org.openmetadata.schema.type.Column> catalogColumns =
                table.getColumns() == null ? new ArrayList<>() : table.getColumns();
        for (org.openmetadata.schema.type.Column column : catalogColumns) {
            ColumnProfile profile = column.getProfile();
            if (profile == null) {
                continue;
            }
            ColumnStatistics.Builder builder = ColumnStatistics.builder(new ColumnName(name, column.getName()),
                    StatisticsOrigin.CATALOG);
            Double nulls = profile.getNullCount();
            Double values = profile.getValuesCount();
            Long rows = rowCount != null ? Long.valueOf(Math.round(rowCount))
                    : values != null && nulls != null ? Long.valueOf(Math.round(values + nulls)) : null;
            if (rows != null) {
                builder.rows(rows);
            }
            if (nulls != null) {
                builder.nulls(Math.round(nulls));
            }
            if (profile.getDistinctCount() != null) {
                long distinct = Math.round(profile.getDistinctCount());
                builder.distinct(sampled ? DistinctCount.estimated(distinct) : DistinctCount.exact(distinct));
            } else if (profile.getUniqueCount() != null && values != null
                    && Math.round(profile.getUniqueCount()) == Math.round(values)) {
                // every value occurs once, so the unique count is the distinct count
                builder.distinct(sampled ? DistinctCount.estimated(Math.round(values)) : DistinctCount.exact(Math.round(values)));
            }
            text(profile.getMin()).ifPresent(builder::min);
            text(profile.getMax()).ifPresent(builder::max);
            columns.put(column.getName(), builder.build());
        }
        if (rowCount == null && columns.isEmpty()) {
            return Optional.empty();
        }
        long rows = rowCount == null ? 0 : Math.max(0, Math.round(rowCount));
        return Optional.of(new TableStatistics(name, StatisticsOrigin.CATALOG, rows, !sampled && rowCount != null, columns));
    }

    /** A profile's min or max as text: numbers without a spurious ".0", strings as they are. */
    static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
            return Optional.of(decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString());
        }
        return Optional.of(value.toString());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TacitException.catalog("interrupted while reading OpenMetadata profiles", null, true, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw TacitException.internal("reading OpenMetadata profiles failed", e.getCause());
        }
    }
}
