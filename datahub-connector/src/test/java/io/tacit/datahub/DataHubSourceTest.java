package io.tacit.datahub;

import static io.tacit.datahub.Fixtures.NAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkedin.common.UrnArray;
import com.linkedin.dataset.DatasetFieldProfile;
import com.linkedin.dataset.DatasetFieldProfileArray;
import com.linkedin.dataset.DatasetProfile;
import com.linkedin.schema.ForeignKeyConstraint;
import com.linkedin.schema.ForeignKeyConstraintArray;
import com.linkedin.schema.SchemaMetadata;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.ForeignKey;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataHubSourceTest {
    private final FakeGms gms = new FakeGms();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = gms.serve();
        List<Table> tables = Fixtures.shopTables();
        Fixtures.ingest(gms, tables);
        String orders = NAMING.datasetUrn(TableName.of("public", "orders"));
        String customers = NAMING.datasetUrn(TableName.of("public", "customers"));
        SchemaMetadata schema = gms.get(orders, "schemaMetadata", SchemaMetadata.class).orElseThrow();
        schema.getFields().get(1).setNativeDataType("BIGINT");
        ForeignKeyConstraint declared = new ForeignKeyConstraint().setName("orders_customer_fk")
                .setForeignDataset(Fixtures.urn(customers))
                .setSourceFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + orders + ",customer_id)"))))
                .setForeignFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + customers + ",id)"))));
        ForeignKeyConstraint ours = new ForeignKeyConstraint().setName("tacit_product_id__products_id")
                .setForeignDataset(Fixtures.urn(NAMING.datasetUrn(TableName.of("public", "products"))))
                .setSourceFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + orders + ",product_id)"))))
                .setForeignFields(new UrnArray(List.of(Fixtures.urn("urn:li:schemaField:(" + NAMING.datasetUrn(
                        TableName.of("public", "products")) + ",id)"))));
        schema.setForeignKeys(new ForeignKeyConstraintArray(List.of(declared, ours)));
        gms.put(orders, "schemaMetadata", schema);
        gms.put(orders, "datasetProfile", new DatasetProfile().setTimestampMillis(1L).setRowCount(1000L)
                .setFieldProfiles(new DatasetFieldProfileArray(List.of(
                        new DatasetFieldProfile().setFieldPath("customer_id").setUniqueCount(87L).setNullCount(12L)
                                .setMin("1").setMax("90")))));
        // another platform and another database: not read
        gms.put("urn:li:dataset:(urn:li:dataPlatform:mysql,shop.orders,PROD)", "schemaMetadata",
                Fixtures.schema("x", Fixtures.table("shop", "orders", "id")));
        gms.put("urn:li:dataset:(urn:li:dataPlatform:postgres,other.public.orders,PROD)", "schemaMetadata",
                Fixtures.schema("x", Fixtures.table("public", "orders", "id")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Source source(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "serverUrl", server.url("/").toString(), "token", FakeGms.TOKEN, "platform", "postgres", "database", "shop"));
        values.putAll(overrides);
        return new DataHubSourceFactory().create(new MapConfigSection(new DataHubSourceFactory().settings(), values));
    }

    @Test
    void readsTablesKeysForeignKeysAndProfiles() {
        try (Source source = source(Map.of())) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            assertThat(snapshot.tables()).extracting(table -> table.name().qualified())
                    .containsExactly("public.customers", "public.orders", "public.products", "public.reviews");
            Table orders = snapshot.table(TableName.of("public", "orders")).orElseThrow();
            assertThat(orders.primaryKey()).get().extracting(key -> key.columns()).isEqualTo(List.of("id"));
            assertThat(orders.column("customer_id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
            assertThat(snapshot.declared()).extracting(ForeignKey::name).containsExactly("orders_customer_fk");
            ForeignKey declared = snapshot.declared().get(0);
            assertThat(declared.to().table()).isEqualTo(TableName.of("public", "customers"));
            assertThat(declared.from().columns()).containsExactly("customer_id");

            Statistics statistics = source.statistics().collect(snapshot, StatisticsLevel.ENGINE, ProgressListener.NONE);
            ColumnStatistics customer = statistics.column(orders.columnName("customer_id")).orElseThrow();
            assertThat(customer.origin()).isEqualTo(StatisticsOrigin.CATALOG);
            assertThat(customer.rows()).hasValue(1000);
            assertThat(customer.nulls()).hasValue(12);
            assertThat(customer.distinct()).get().extracting(count -> count.value()).isEqualTo(87L);
            assertThat(customer.min()).contains("1");
            assertThat(customer.max()).contains("90");
            assertThat(statistics.table(TableName.of("public", "customers"))).isEmpty();
            assertThat(source.statistics().collect(snapshot, StatisticsLevel.METADATA, ProgressListener.NONE).tables()).isEmpty();
        }
    }

    @Test
    void filterSelectsTables() {
        try (Source source = source(Map.of())) {
            SchemaSnapshot snapshot = source.readSchema(new SchemaFilter(List.of(), List.of("orders", "customers"), List.of()),
                    ProgressListener.NONE);
            assertThat(snapshot.tables()).hasSize(2);
        }
    }

    @Test
    void badTokenIsACatalogError() {
        try (Source source = source(Map.of("token", "nope"))) {
            assertThatThrownBy(() -> source.readSchema(SchemaFilter.all(), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CATALOG));
        }
    }
}
