package io.tacit.datahub;

import com.linkedin.common.urn.Urn;
import com.linkedin.data.DataMap;
import com.linkedin.data.template.StringArray;
import com.linkedin.schema.OtherSchema;
import com.linkedin.schema.SchemaField;
import com.linkedin.schema.SchemaFieldArray;
import com.linkedin.schema.SchemaFieldDataType;
import com.linkedin.schema.SchemaMetadata;
import com.linkedin.schema.NumberType;
import com.linkedin.schema.StringType;
import io.tacit.model.Cardinality;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.net.URISyntaxException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built inference results and DataHub datasets for the tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final DatasetNaming NAMING = new DatasetNaming("postgres", Optional.empty(), "PROD", Optional.of("shop"), false);

    private Fixtures() {
    }

    static RunContext run(String id) {
        return new RunContext(new RunId(id), "0.1.0-test", T0);
    }

    static Table table(String schema, String name, String... columns) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            list.add(Column.of(columns[i], i + 1, DataType.of("int4", Types.INTEGER, TypeFamily.INTEGER), true));
        }
        return new Table(TableName.of(schema, name), TableKind.TABLE, list,
                Optional.of(new Key(KeyKind.PRIMARY, name + "_pkey", List.of(columns[0]))), List.of(), Optional.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    static Relationship edge(RunContext run, String fromTable, String fromColumn, String toTable, String toColumn, double confidence) {
        Provenance provenance = new Provenance(run.runId(), run.toolVersion(), run.startedAt(), "postgresql://db/shop",
                List.of(new Evidence("name-affinity", 0.9, 1.2, fromColumn + " names " + toTable),
                        new Evidence("containment", 1.0, 2.0, "100% of values found in " + toTable + "." + toColumn)),
                Optional.empty());
        return new Relationship(ColumnSet.of(TableName.of("public", fromTable), fromColumn),
                ColumnSet.of(TableName.of("public", toTable), toColumn), RelationshipKind.FOREIGN_KEY, Origin.INFERRED,
                Cardinality.MANY_TO_ONE, confidence, Optional.empty(), provenance);
    }

    static List<Table> shopTables() {
        return List.of(
                table("public", "customers", "id", "name"),
                table("public", "orders", "id", "customer_id", "product_id"),
                table("public", "products", "id", "title"),
                table("public", "reviews", "id", "order_id"));
    }

    static InferenceResult result(RunContext run, List<Table> tables, List<Relationship> edges) {
        SchemaSnapshot snapshot = new SchemaSnapshot("postgresql://db/shop", "PostgreSQL 15", T0, tables, List.of());
        return new InferenceResult(run, snapshot, StatisticsLevel.ENGINE, edges, edges.size() * 3L, Map.of());
    }

    /** schemaMetadata as the postgres ingestion writes it. */
    static SchemaMetadata schema(String datasetUrn, Table table) {
        SchemaFieldArray fields = new SchemaFieldArray();
        for (Column column : table.columns()) {
            SchemaFieldDataType type = new SchemaFieldDataType();
            if (column.type().family() == TypeFamily.STRING) {
                type.setType(SchemaFieldDataType.Type.create(new StringType()));
            } else {
                type.setType(SchemaFieldDataType.Type.create(new NumberType()));
            }
            fields.add(new SchemaField().setFieldPath(column.name()).setNativeDataType(column.type().nativeName())
                    .setType(type).setNullable(column.nullable()).setIsPartOfKey(column.position() == 1));
        }
        SchemaMetadata.PlatformSchema platformSchema = SchemaMetadata.PlatformSchema.create(new OtherSchema().setRawSchema(""));
        try {
            return new SchemaMetadata()
                    .setSchemaName(table.name().qualified())
                    .setPlatform(com.linkedin.common.urn.DataPlatformUrn.createFromString("urn:li:dataPlatform:postgres"))
                    .setVersion(0)
                    .setHash("")
                    .setPlatformSchema(platformSchema)
                    .setFields(fields)
                    .setPrimaryKeys(new StringArray(List.of(table.columns().get(0).name())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts every table's schemaMetadata into the fake, as if the database had been ingested. */
    static void ingest(FakeGms gms, List<Table> tables) {
        for (Table table : tables) {
            String urn = NAMING.datasetUrn(table.name());
            gms.put(urn, "schemaMetadata", schema(urn, table));
        }
    }

    static Urn urn(String text) {
        return DataHubMapping.urn(text);
    }

    static DataMap data(String json) {
        return com.datahub.util.RecordUtils.toDataMap(json);
    }
}
