package io.tacit.openmetadata;

import static io.tacit.openmetadata.Fixtures.CUSTOMER;
import static io.tacit.openmetadata.Fixtures.ORDERS;
import static io.tacit.openmetadata.Fixtures.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.tacit.model.TypeFamily;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import io.tacit.spi.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenMetadataSourceTest {
    private final FakeOpenMetadata fake = Fixtures.shop("1.4.0");

    @AfterEach
    void close() {
        assertThat(fake.violations()).isEmpty();
        fake.close();
    }

    private OpenMetadataSource source() {
        return new OpenMetadataSource(Fixtures.client(fake, Fixtures.TOKEN), Fixtures.SERVICE, Optional.empty(), true);
    }

    @Test
    void readsTablesColumnsKeysAndDeclaredForeignKeysAcrossPages() {
        fake.addConstraint(ORDERS, "FOREIGN_KEY", List.of("product_id"), List.of(PRODUCT + ".id"));
        fake.addConstraint(ORDERS, "UNIQUE", List.of("note"), null);
        try (OpenMetadataSource source = source()) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);

            assertThat(snapshot.tables()).extracting(table -> table.name().qualified())
                    .containsExactly("public.customer", "public.order.items", "public.orders", "public.product");
            assertThat(snapshot.product()).isEqualTo("OpenMetadata 1.4.0");
            Table orders = snapshot.table(Fixtures.table("orders")).orElseThrow();
            assertThat(orders.primaryKey().orElseThrow().columns()).containsExactly("id");
            assertThat(orders.uniqueKeys()).extracting(key -> key.columns()).containsExactly(List.of("note"));
            assertThat(orders.column("customer_id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
            assertThat(orders.column("note").orElseThrow().type().family()).isEqualTo(TypeFamily.STRING);
            assertThat(snapshot.declared()).extracting(ForeignKey::from, ForeignKey::to).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(io.tacit.model.ColumnSet.of(Fixtures.table("orders"), "product_id"),
                            io.tacit.model.ColumnSet.of(Fixtures.table("product"), "id")));
        }
    }

    @Test
    void tacitsOwnPublishedConstraintsAreNotReadAsDeclared() {
        var run = Fixtures.run("tacit-run-1");
        try (OpenMetadataPublisher publisher = Fixtures.publisher(fake, Fixtures.options(), run)) {
            publisher.apply(publisher.plan(Fixtures.shopResult(run), ProgressListener.NONE), ProgressListener.NONE);
        }
        fake.addConstraint(ORDERS, "FOREIGN_KEY", List.of("note"), List.of(CUSTOMER + ".name"));
        try (OpenMetadataSource source = source()) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            assertThat(snapshot.declared()).extracting(key -> key.from().columns()).containsExactly(List.of("note"));
        }
    }

    @Test
    void tacitsOwnCompositeConstraintIsRecognisedWhateverPairingTheServerStored() {
        Fixtures.unsortedCompositeFromAnEarlierVersion(fake);
        try (OpenMetadataSource source = source()) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.all(), ProgressListener.NONE);
            assertThat(snapshot.declared()).isEmpty();
        }
    }

    @Test
    void latestProfilesBecomeCatalogStatistics() {
        ObjectNode tableProfile = JsonNodeFactory.instance.objectNode();
        tableProfile.put("timestamp", 1_700_000_000_000L);
        tableProfile.put("rowCount", 1000.0);
        ObjectNode customerId = JsonNodeFactory.instance.objectNode();
        customerId.put("name", "customer_id");
        customerId.put("timestamp", 1_700_000_000_000L);
        customerId.put("valuesCount", 990.0);
        customerId.put("nullCount", 10.0);
        customerId.put("distinctCount", 42.0);
        customerId.put("min", 1.0);
        customerId.put("max", 42.0);
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.put("name", "note");
        note.put("timestamp", 1_700_000_000_000L);
        note.put("min", "aardvark");
        note.put("uniqueCount", 5.0);
        note.put("valuesCount", 5.0);
        fake.setProfile(ORDERS, tableProfile, Map.of("customer_id", customerId, "note", note));
        try (OpenMetadataSource source = source()) {
            SchemaSnapshot snapshot = source.readSchema(SchemaFilter.schemas(List.of("public")), ProgressListener.NONE);
            Statistics statistics = source.statistics().collect(snapshot, StatisticsLevel.ENGINE, ProgressListener.NONE);

            assertThat(statistics.tables()).containsOnlyKeys(Fixtures.table("orders"));
            assertThat(statistics.table(Fixtures.table("orders")).orElseThrow().rows()).isEqualTo(1000);
            ColumnStatistics column = statistics.column(Fixtures.table("orders").qualified().isEmpty() ? null
                    : new io.tacit.model.ColumnName(Fixtures.table("orders"), "customer_id")).orElseThrow();
            assertThat(column.origin()).isEqualTo(StatisticsOrigin.CATALOG);
            assertThat(column.rows()).hasValue(1000);
            assertThat(column.nulls()).hasValue(10);
            assertThat(column.distinct().orElseThrow().value()).isEqualTo(42);
            assertThat(column.distinct().orElseThrow().exact()).isTrue();
            assertThat(column.min()).contains("1");
            assertThat(column.max()).contains("42");
            ColumnStatistics text = statistics.column(new io.tacit.model.ColumnName(Fixtures.table("orders"), "note")).orElseThrow();
            assertThat(text.min()).contains("aardvark");
            assertThat(text.distinct().orElseThrow().value()).isEqualTo(5);

            assertThat(source.statistics().collect(snapshot, StatisticsLevel.METADATA, ProgressListener.NONE).tables()).isEmpty();
        }
    }

    @Test
    void unknownServiceNamesTheOnesThatExist() {
        try (OpenMetadataSource source = new OpenMetadataSource(Fixtures.client(fake, Fixtures.TOKEN), "shopp",
                Optional.empty(), false)) {
            assertThatThrownBy(() -> source.readSchema(SchemaFilter.all(), ProgressListener.NONE))
                    .isInstanceOfSatisfying(TacitException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                        assertThat(e.oneLine()).contains("shopp", "[shop]");
                    });
        }
    }
}
