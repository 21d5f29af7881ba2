package io.tacit.inference.signals;

import static io.tacit.inference.signals.SignalFixture.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.inference.candidates.MatchKind;
import io.tacit.model.Containment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per signal, each showing the false positive the signal exists to prevent. */
class SignalsTest {
    private static TestSchemas twoTables() {
        TestSchemas schema = new TestSchemas();
        schema.table("customers").id("customer_id").column("email", TestSchemas.TEXT).unique("email");
        schema.table("stores").id("store_id").column("name", TestSchemas.TEXT);
        schema.table("orders").id("order_id").column("customer_id", TestSchemas.INT).column("store_id", TestSchemas.INT)
                .column("quantity", TestSchemas.INT).column("customer_code", TestSchemas.TEXT);
        schema.rows("customers", "customer_id,email", 1, "a@x", 2, "b@x", 3, "c@x", 4, "d@x");
        schema.rows("stores", "store_id,name", 10, "north", 11, "south");
        schema.rows("orders", "order_id,customer_id,store_id,quantity",
                1, 1, 10, 1, 2, 2, 11, 2, 3, 3, 10, 1, 4, 4, 11, 3, 5, 4, 11, 9);
        return schema;
    }

    @Test
    void nameAffinityKeepsAnUnnamedColumnBelowANamedOne() {
        SignalFixture fixture = new SignalFixture(twoTables());
        NameAffinitySignal signal = new NameAffinitySignal();
        double named = fixture.measure(signal, candidate("orders", "customer_id", "customers", "customer_id",
                MatchKind.EXACT_KEY_NAME)).orElseThrow().value();
        double unnamed = fixture.measure(signal, candidate("orders", "quantity", "customers", "customer_id"))
                .orElseThrow().value();
        assertThat(named).isGreaterThan(unnamed);
        assertThat(fixture.feature(signal, candidate("orders", "quantity", "customers", "customer_id"), "matched"))
                .isEqualTo(0.0);
        assertThat(fixture.feature(signal, candidate("orders", "customer_id", "customers", "customer_id",
                MatchKind.EXACT_KEY_NAME, MatchKind.ABBREVIATION), "abbreviation")).isEqualTo(0.0);
    }

    @Test
    void containmentSeesThatStoreIdsAreNotCustomerIds() {
        SignalFixture fixture = new SignalFixture(twoTables());
        ContainmentSignal signal = new ContainmentSignal();
        assertThat(fixture.measure(signal, candidate("orders", "store_id", "customers", "customer_id")).orElseThrow().value())
                .isEqualTo(0.0);
        assertThat(fixture.measure(signal, candidate("orders", "customer_id", "customers", "customer_id")).orElseThrow().value())
                .isEqualTo(1.0);
    }

    @Test
    void containmentReportsOrphansWithoutVetoing() {
        SignalFixture fixture = new SignalFixture(twoTables());
        var candidate = candidate("orders", "customer_id", "customers", "customer_id");
        candidate.probed(new Containment(10, 9, 3, true));
        Measurement measurement = fixture.measure(new ContainmentSignal(), candidate).orElseThrow();
        assertThat(measurement.value()).isEqualTo(0.9);
        assertThat(measurement.detail()).contains("3 orphan rows");
    }

    @Test
    void containmentMarksEveryCompositeTupleFoundAsStrongerThanOneColumn() {
        TestSchemas schema = new TestSchemas();
        schema.table("partsupp").column("ps_partkey", TestSchemas.INT).column("ps_suppkey", TestSchemas.INT)
                .primaryKey("ps_partkey", "ps_suppkey");
        schema.table("lineitem").column("l_partkey", TestSchemas.INT).column("l_suppkey", TestSchemas.INT)
                .column("l_quantity", TestSchemas.INT);
        schema.table("part").id("p_partkey");
        SignalFixture fixture = new SignalFixture(schema);
        var pairs = new io.tacit.inference.candidates.Candidate(
                io.tacit.model.ColumnSet.of(io.tacit.model.TableName.of("public", "lineitem"), "l_partkey", "l_suppkey"),
                io.tacit.model.ColumnSet.of(io.tacit.model.TableName.of("public", "partsupp"), "ps_partkey", "ps_suppkey"),
                java.util.Optional.empty());
        pairs.probed(new Containment(500, 500, 0, true));
        assertThat(fixture.feature(new ContainmentSignal(), pairs, "composite_complete")).isEqualTo(1.0);
        // small integers of one column all found in a surrogate key: complete, but no tuple evidence
        var quantities = candidate("lineitem", "l_quantity", "part", "p_partkey");
        quantities.probed(new Containment(50, 50, 0, true));
        assertThat(fixture.feature(new ContainmentSignal(), quantities, "complete")).isEqualTo(1.0);
        assertThat(fixture.feature(new ContainmentSignal(), quantities, "composite_complete")).isEqualTo(0.0);
        pairs.probed(new Containment(500, 499, 1, true));
        assertThat(fixture.feature(new ContainmentSignal(), pairs, "composite_complete")).isEqualTo(0.0);
    }

    @Test
    void supportTreatsAnAllNullColumnAsNoEvidence() {
        TestSchemas schema = twoTables();
        schema.rows("orders", "customer_code", null, null, null, null, null);
        SignalFixture fixture = new SignalFixture(schema);
        var candidate = candidate("orders", "customer_code", "customers", "email");
        assertThat(fixture.measure(new ContainmentSignal(), candidate)).isEmpty();
        assertThat(fixture.feature(new SupportSignal(), candidate, "empty")).isEqualTo(1.0);
    }

    @Test
    void typeCompatibilityRanksSameTypesAboveMixedFamilies() {
        SignalFixture fixture = new SignalFixture(twoTables());
        TypeCompatibilitySignal signal = new TypeCompatibilitySignal();
        assertThat(fixture.feature(signal, candidate("orders", "customer_id", "customers", "customer_id"), "same_native"))
                .isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("orders", "customer_code", "customers", "customer_id"), "cross_family"))
                .isEqualTo(1.0);
    }

    @Test
    void targetUniquenessTellsAPrimaryKeyFromAUniqueEmail() {
        SignalFixture fixture = new SignalFixture(twoTables());
        TargetUniquenessSignal signal = new TargetUniquenessSignal();
        assertThat(fixture.feature(signal, candidate("orders", "customer_id", "customers", "customer_id"), "primary")).isEqualTo(1.0);
        var email = candidate("orders", "customer_code", "customers", "email");
        assertThat(fixture.feature(signal, email, "primary")).isEqualTo(0.0);
        assertThat(fixture.feature(signal, email, "key_named")).isEqualTo(0.0);
    }

    @Test
    void coverageFlagsAColumnWithMoreValuesThanItsTarget() {
        SignalFixture fixture = new SignalFixture(twoTables());
        CoverageSignal signal = new CoverageSignal();
        assertThat(fixture.feature(signal, candidate("orders", "customer_id", "stores", "store_id"), "exceeds")).isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("orders", "store_id", "stores", "store_id"), "exceeds")).isEqualTo(0.0);
    }

    @Test
    void rangeContainmentRejectsValuesPastTheLargestKey() {
        SignalFixture fixture = new SignalFixture(twoTables());
        RangeContainmentSignal signal = new RangeContainmentSignal();
        assertThat(fixture.feature(signal, candidate("orders", "quantity", "customers", "customer_id"), "outside")).isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("orders", "customer_id", "customers", "customer_id"), "inside")).isEqualTo(1.0);
    }

    @Test
    void denseSurrogateMarksAccidentalContainmentInASmallIdRange() {
        SignalFixture fixture = new SignalFixture(twoTables());
        DenseSurrogateSignal signal = new DenseSurrogateSignal();
        // customer ids are 1..4; order quantities 1..3 fall inside by accident... and so do real references
        assertThat(fixture.feature(signal, candidate("orders", "order_id", "customers", "customer_id"), "accidental"))
                .isEqualTo(0.0);
        TestSchemas schema = twoTables();
        schema.rows("orders", "customer_code", null, null, null, null, null);
        SignalFixture small = new SignalFixture(schema);
        assertThat(small.feature(signal, candidate("orders", "customer_id", "customers", "customer_id"), "accidental"))
                .isEqualTo(1.0);
        assertThat(small.feature(signal, candidate("orders", "store_id", "stores", "store_id"), "accidental"))
                .isEqualTo(0.0);
    }

    @Test
    void lookupTableMarksTinyTargets() {
        SignalFixture fixture = new SignalFixture(twoTables());
        assertThat(fixture.feature(new LookupTableSignal(), candidate("orders", "store_id", "stores", "store_id"), "small"))
                .isEqualTo(1.0);
    }

    @Test
    void lookupTableSaysNothingOfAnEmptyTarget() {
        // a schema-only database, analysed: the catalog knows the region table holds no rows, not that it is small
        TestSchemas schema = twoTables();
        schema.table("regions").id("region_id");
        schema.rows("regions", "region_id");
        SignalFixture fixture = new SignalFixture(schema);
        assertThat(fixture.measure(new LookupTableSignal(), candidate("orders", "store_id", "regions", "region_id")))
                .isEmpty();
        assertThat(fixture.feature(new LookupTableSignal(), candidate("orders", "store_id", "stores", "store_id"), "small"))
                .isEqualTo(1.0);
    }

    @Test
    void uuidKeysAreOnlyMarkedWhenBothSidesAreUuids() {
        TestSchemas schema = new TestSchemas();
        schema.table("accounts").column("account_uuid", TestSchemas.UUID).primaryKey("account_uuid");
        schema.table("events").id("id").column("account_uuid", TestSchemas.UUID).column("note", TestSchemas.TEXT);
        SignalFixture fixture = new SignalFixture(schema);
        UuidKeySignal signal = new UuidKeySignal();
        assertThat(fixture.measure(signal, candidate("events", "account_uuid", "accounts", "account_uuid"))).isPresent();
        assertThat(fixture.measure(signal, candidate("events", "note", "accounts", "account_uuid"))).isEmpty();
    }

    @Test
    void tableSizeRatioFlagsASmallTableReferencingALargeOne() {
        SignalFixture fixture = new SignalFixture(twoTables());
        TableSizeRatioSignal signal = new TableSizeRatioSignal();
        assertThat(fixture.feature(signal, candidate("stores", "store_id", "orders", "order_id"), "from_smaller")).isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("orders", "store_id", "stores", "store_id"), "from_smaller")).isEqualTo(0.0);
    }

    @Test
    void commentNamingAnotherTableCountsAgainst() {
        TestSchemas schema = new TestSchemas();
        schema.table("regions").id("region_id");
        schema.table("departments").id("department_id");
        schema.table("countries").id("country_id").commented("region_id", TestSchemas.INT, "Foreign key to the regions table");
        SignalFixture fixture = new SignalFixture(schema);
        CommentSignal signal = new CommentSignal();
        assertThat(fixture.feature(signal, candidate("countries", "region_id", "regions", "region_id"), "names_target")).isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("countries", "region_id", "departments", "department_id"), "silent"))
                .isEqualTo(1.0);
    }

    @Test
    void keyShapeMarksKeyToKeySiblings() {
        TestSchemas schema = new TestSchemas();
        schema.table("dept_emp").column("emp_no", TestSchemas.INT).column("dept_no", TestSchemas.TEXT).primaryKey("emp_no", "dept_no");
        schema.table("dept_manager").column("emp_no", TestSchemas.INT).column("dept_no", TestSchemas.TEXT).primaryKey("emp_no", "dept_no");
        SignalFixture fixture = new SignalFixture(schema);
        var siblings = new io.tacit.inference.candidates.Candidate(
                io.tacit.model.ColumnSet.of(io.tacit.model.TableName.of("public", "dept_manager"), "emp_no", "dept_no"),
                io.tacit.model.ColumnSet.of(io.tacit.model.TableName.of("public", "dept_emp"), "emp_no", "dept_no"),
                java.util.Optional.empty());
        assertThat(fixture.feature(new KeyShapeSignal(), siblings, "whole_pk")).isEqualTo(1.0);
    }

    @Test
    void keyShapeMarksAKeyTheDatabaseGeneratesAsNoCopyOfAnotherTablesKey() {
        TestSchemas schema = new TestSchemas();
        schema.table("artist").serial("id").column("name", TestSchemas.TEXT);
        schema.table("artist_alias").serial("id").column("artist", TestSchemas.INT);
        schema.table("artist_meta").id("id").column("rating", TestSchemas.INT);
        SignalFixture fixture = new SignalFixture(schema);
        var alias = SignalFixture.candidate("artist_alias", "id", "artist", "id", MatchKind.EXTENSION);
        var meta = SignalFixture.candidate("artist_meta", "id", "artist", "id", MatchKind.EXTENSION);
        // artist_alias.id comes from its own sequence: its values are new alias ids, not artist ids
        assertThat(fixture.feature(new KeyShapeSignal(), alias, "generated")).isEqualTo(1.0);
        assertThat(fixture.feature(new KeyShapeSignal(), meta, "generated")).isEqualTo(0.0);
        assertThat(KeyShapeSignal.generated(io.tacit.model.Column.of("id", 1, TestSchemas.INT, false))).isFalse();
        assertThat(KeyShapeSignal.generated(new io.tacit.model.Column("id", 1, TestSchemas.INT, false,
                java.util.Optional.of("auto_increment"), java.util.Optional.empty()))).isTrue();
        assertThat(KeyShapeSignal.generated(new io.tacit.model.Column("id", 1, TestSchemas.INT, false,
                java.util.Optional.of("GENERATED BY DEFAULT AS IDENTITY"), java.util.Optional.empty()))).isTrue();
    }

    @Test
    void tableAffinityPrefersTheTableTheReferencingTableIsNamedAfter() {
        TestSchemas schema = new TestSchemas();
        schema.table("employee").id("businessentityid");
        schema.table("vendor").id("businessentityid");
        schema.table("employeepayhistory").column("businessentityid", TestSchemas.INT).column("rate", TestSchemas.INT);
        SignalFixture fixture = new SignalFixture(schema);
        TableAffinitySignal signal = new TableAffinitySignal();
        assertThat(fixture.feature(signal, candidate("employeepayhistory", "businessentityid", "employee", "businessentityid"), "starts"))
                .isEqualTo(1.0);
        assertThat(fixture.feature(signal, candidate("employeepayhistory", "businessentityid", "vendor", "businessentityid"), "contains"))
                .isEqualTo(0.0);
    }

    @Test
    void rivalsCountsOtherTargetsOfTheSameColumn() {
        TestSchemas schema = new TestSchemas();
        schema.table("employee").id("businessentityid");
        schema.table("vendor").id("businessentityid");
        schema.table("store").id("businessentityid");
        schema.table("employeepayhistory").column("businessentityid", TestSchemas.INT).column("rate", TestSchemas.INT);
        SignalFixture fixture = new SignalFixture(schema);
        assertThat(fixture.measure(new RivalsSignal(), candidate("employeepayhistory", "businessentityid", "employee",
                "businessentityid")).orElseThrow().value()).isEqualTo(2.0);
    }

    @Test
    void aRivalKeyNamedAfterTheTargetTableIsNoAlternative() {
        TestSchemas schema = new TestSchemas();
        schema.table("area").id("id").column("name", TestSchemas.TEXT);
        schema.table("country_area").id("area");
        schema.table("area_tag").column("area", TestSchemas.INT).column("tag", TestSchemas.TEXT);
        SignalFixture fixture = new SignalFixture(schema);
        // country_area.area is itself a reference to area: it does not make area_tag.area -> area.id ambiguous
        assertThat(fixture.measure(new RivalsSignal(), candidate("area_tag", "area", "area", "id"))
                .orElseThrow().value()).isEqualTo(0.0);
        assertThat(fixture.measure(new RivalsSignal(), candidate("area_tag", "area", "country_area", "area"))
                .orElseThrow().value()).isEqualTo(1.0);
    }

    @Test
    void everySignalHasADistinctName() {
        List<String> names = Signals.all().stream().map(Signal::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
