package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.model.Statistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CandidateGeneratorTest {
    private static Map<String, Candidate> generate(TestSchemas schema) {
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        return new CandidateGenerator(index, Statistics.none()).generate().stream()
                .collect(Collectors.toMap(Candidate::key, candidate -> candidate));
    }

    @Test
    void tokensSplitSnakeAndCamelCase() {
        assertThat(Names.tokens("billing_address_id")).containsExactly("billing", "address", "id");
        assertThat(Names.tokens("customerId")).containsExactly("customer", "id");
        assertThat(Names.tokens("ProductCategoryID")).containsExactly("product", "category", "id");
        assertThat(Names.tokens("XMLFile")).containsExactly("xml", "file");
        assertThat(Names.singular("categories")).isEqualTo("category");
        assertThat(Names.singular("addresses")).isEqualTo("address");
        assertThat(Names.singular("status")).isEqualTo("status");
        assertThat(Names.plural("category")).isEqualTo("categories");
    }

    @Test
    void stripsPerTableColumnPrefixesLikeTpch() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").id("c_custkey").column("c_name", TestSchemas.TEXT).column("c_nationkey", TestSchemas.INT);
        schema.table("nation").id("n_nationkey").column("n_name", TestSchemas.TEXT).column("n_regionkey", TestSchemas.INT);
        schema.table("orders").id("o_orderkey").column("o_custkey", TestSchemas.INT).column("o_comment", TestSchemas.TEXT);
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.get("public.orders(o_custkey)->public.customer(c_custkey)").matches())
                .contains(MatchKind.PREFIXED_KEY_NAME);
        assertThat(candidates).containsKey("public.customer(c_nationkey)->public.nation(n_nationkey)");
        assertThat(candidates.keySet()).noneMatch(key -> key.contains("o_comment") || key.contains("c_name"));
    }

    @Test
    void findsRoleNamesSelfReferencesAndPeopleTables() {
        TestSchemas schema = new TestSchemas();
        schema.table("staff").id("staff_id").column("name", TestSchemas.TEXT);
        schema.table("address").id("address_id");
        schema.table("employee").id("employee_id").column("reports_to", TestSchemas.INT);
        schema.table("store").id("store_id").column("manager_staff_id", TestSchemas.INT)
                .column("billing_address_id", TestSchemas.INT);
        schema.table("customer").id("customer_id").column("support_rep_id", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.get("public.store(manager_staff_id)->public.staff(staff_id)").matches())
                .contains(MatchKind.ROLE_KEY_NAME);
        assertThat(candidates).containsKey("public.store(billing_address_id)->public.address(address_id)");
        assertThat(candidates.get("public.employee(reports_to)->public.employee(employee_id)").matches())
                .contains(MatchKind.SELF_ROLE);
        assertThat(candidates.get("public.customer(support_rep_id)->public.employee(employee_id)").matches())
                .contains(MatchKind.PERSON_ROLE);
        // a store has no manager store: people hierarchy words point at their own table only in people tables
        assertThat(candidates).doesNotContainKey("public.store(manager_staff_id)->public.store(store_id)");
    }

    @Test
    void proposesCompositeKeysAndExtensionTables() {
        TestSchemas schema = new TestSchemas();
        schema.table("partsupp").column("ps_partkey", TestSchemas.INT).column("ps_suppkey", TestSchemas.INT)
                .column("ps_availqty", TestSchemas.INT).primaryKey("ps_partkey", "ps_suppkey");
        schema.table("lineitem").column("l_orderkey", TestSchemas.INT).column("l_partkey", TestSchemas.INT)
                .column("l_suppkey", TestSchemas.INT).column("l_linenumber", TestSchemas.INT)
                .primaryKey("l_orderkey", "l_linenumber");
        schema.table("l_artist_recording").id("id");
        schema.table("l_artist_recording_example").id("id");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.get("public.lineitem(l_partkey, l_suppkey)->public.partsupp(ps_partkey, ps_suppkey)").matches())
                .containsExactly(MatchKind.COMPOSITE);
        assertThat(candidates.get("public.l_artist_recording_example(id)->public.l_artist_recording(id)").matches())
                .contains(MatchKind.EXTENSION);
    }

    @Test
    void anExtensionExtendsTheLongestTableNameThatBeginsItsOwn() {
        TestSchemas schema = new TestSchemas();
        schema.table("l_area_release").id("id");
        schema.table("l_area_release_group").id("id");
        schema.table("l_area_release_group_example").id("id");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.get("public.l_area_release_group_example(id)->public.l_area_release_group(id)").matches())
                .contains(MatchKind.EXTENSION, MatchKind.OWNER_TABLE);
        // the shorter name is a different table the example does not belong to: neither extension nor owner
        assertThat(candidates).doesNotContainKey("public.l_area_release_group_example(id)->public.l_area_release(id)");
    }

    @Test
    void aKeyColumnThatIsPartOfALongerKeyIsNoExtension() {
        TestSchemas schema = new TestSchemas();
        schema.table("artist").id("id");
        // one row per version of an artist: one to many, not a one-to-one extension
        schema.table("artist_json").column("id", TestSchemas.INT).column("replication_sequence", TestSchemas.INT)
                .primaryKey("id", "replication_sequence");
        schema.table("artist_meta").id("id");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.values()).noneMatch(candidate -> candidate.key().startsWith("public.artist_json(id)")
                && candidate.matches().contains(MatchKind.EXTENSION));
        assertThat(candidates.get("public.artist_meta(id)->public.artist(id)").matches()).contains(MatchKind.EXTENSION);
    }

    @Test
    void aTableRepeatingEveryColumnOfAnotherIsAPartitionNotAnExtension() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").id("customer_id");
        schema.table("payment").id("payment_id").column("customer_id", TestSchemas.INT).column("amount", TestSchemas.INT);
        // no declared inheritance (MariaDB, SQLite): the same columns say it holds payments of one month
        schema.table("payment_p2007_01").id("payment_id").column("customer_id", TestSchemas.INT)
                .column("amount", TestSchemas.INT);
        schema.table("payment_detail").id("payment_id").column("note", TestSchemas.TEXT);
        Map<String, Candidate> candidates = generate(schema);
        // still a candidate by its key's name, but not taken for a one-to-one extension
        assertThat(candidates.get("public.payment_p2007_01(payment_id)->public.payment(payment_id)").matches())
                .doesNotContain(MatchKind.EXTENSION);
        assertThat(candidates.get("public.payment_detail(payment_id)->public.payment(payment_id)").matches())
                .contains(MatchKind.EXTENSION);
    }

    @Test
    void aMeasureWithoutKeySuffixDoesNotPointAtTheTableItCounts() {
        TestSchemas schema = new TestSchemas();
        schema.table("orders").id("order_id");
        schema.table("products").id("product_id").column("units_on_order", TestSchemas.INT)
                .column("last_order", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates).doesNotContainKey("public.products(units_on_order)->public.orders(order_id)");
        // a role word before the table's name still points at it
        assertThat(candidates).containsKey("public.products(last_order)->public.orders(order_id)");
    }

    @Test
    void anArchiveIsACopyOfItsTableNotAnExtension() {
        TestSchemas schema = new TestSchemas();
        schema.table("transactionhistory").id("id");
        schema.table("transactionhistoryarchive").id("id");
        schema.table("transactionhistorydetail").id("id");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates).doesNotContainKey("public.transactionhistoryarchive(id)->public.transactionhistory(id)");
        assertThat(candidates.get("public.transactionhistorydetail(id)->public.transactionhistory(id)").matches())
                .contains(MatchKind.EXTENSION);
    }

    @Test
    void namesColumnsAfterTablesWithoutSuffix() {
        TestSchemas schema = new TestSchemas();
        schema.table("recording").id("id");
        schema.table("area").id("id");
        schema.table("track").id("id").column("recording", TestSchemas.INT);
        schema.table("artist").id("id").column("begin_area", TestSchemas.INT).column("parent", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates.get("public.track(recording)->public.recording(id)").matches()).contains(MatchKind.WHOLE_NAME);
        assertThat(candidates.get("public.artist(begin_area)->public.area(id)").matches()).contains(MatchKind.ROLE_TABLE);
        assertThat(candidates.get("public.artist(parent)->public.artist(id)").matches()).contains(MatchKind.SELF_ROLE);
    }

    @Test
    void partitionsAreNotTargetsAndNotLinkedToTheirParent() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").id("customer_id");
        schema.table("payment").id("payment_id").column("customer_id", TestSchemas.INT);
        schema.table("payment_p2007_01").id("payment_id").column("customer_id", TestSchemas.INT).childOf("payment");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates).containsKey("public.payment_p2007_01(customer_id)->public.customer(customer_id)");
        assertThat(candidates.keySet()).noneMatch(key -> key.contains("(payment_id)"));
    }

    @Test
    void neverComparesUnrelatedColumns() {
        TestSchemas schema = new TestSchemas();
        for (int t = 0; t < 50; t++) {
            schema.table("entity" + t).id("entity" + t + "_id").column("amount", TestSchemas.INT)
                    .column("count", TestSchemas.INT).column("entity" + (t + 1) % 50 + "_id", TestSchemas.INT);
        }
        List<Candidate> candidates = new CandidateGenerator(new NameIndex(schema.snapshot(), Statistics.none()),
                Statistics.none()).generate();
        assertThat(candidates).hasSizeLessThan(200);
        assertThat(candidates).noneMatch(candidate -> candidate.from().columns().contains("amount"));
    }

    @Test
    void aPerRowColumnUniqueInOneTableIsNoReferenceTarget() {
        TestSchemas schema = new TestSchemas();
        schema.table("document").id("document_id").column("rowguid", TestSchemas.UUID).unique("rowguid");
        for (String table : List.of("person", "address", "product", "store", "vendor", "shift", "culture", "currency")) {
            schema.table(table).id(table + "_id").column("rowguid", TestSchemas.UUID).column("document_id", TestSchemas.INT);
        }
        Map<String, Candidate> candidates = generate(schema);
        // every table carries a rowguid; only document declares it unique: not eight references to document
        assertThat(candidates.keySet()).noneMatch(key -> key.contains("(rowguid)"));
        assertThat(candidates).containsKey("public.person(document_id)->public.document(document_id)");
    }

    @Test
    void aCommentMentioningATableAnotherColumnAlreadyNamesProposesNothing() {
        TestSchemas schema = new TestSchemas();
        schema.table("orders").id("order_id");
        schema.table("products").id("product_id");
        schema.table("shipments").id("shipment_id");
        schema.table("customers").id("customer_id");
        schema.table("order_items").column("order_id", TestSchemas.INT)
                .commented("line_item_id", TestSchemas.INT, "An incrementing number, starting at one for each order")
                .column("product_id", TestSchemas.INT)
                .commented("quantity", TestSchemas.INT, "How many items of this product the customer purchased")
                .commented("shipment_ref", TestSchemas.INT, "Where this product will be delivered, see shipments")
                .primaryKey("order_id", "line_item_id");
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates).containsKey("public.order_items(order_id)->public.orders(order_id)");
        assertThat(candidates).doesNotContainKey("public.order_items(line_item_id)->public.orders(order_id)");
        // a measure mentions the product and the customer in its comment without referencing either
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.order_items(quantity)"));
        // a comment naming a table no other column reaches still proposes it
        assertThat(candidates.get("public.order_items(shipment_ref)->public.shipments(shipment_id)").matches())
                .contains(MatchKind.COMMENT);
    }

    @Test
    void aColumnNamedLikeItsOwnTableOrCountingThingsIsNoReference() {
        TestSchemas schema = new TestSchemas();
        schema.table("vote").id("id").column("vote", TestSchemas.INT).column("edit", TestSchemas.INT);
        schema.table("edit").id("id");
        schema.table("election").id("id").column("yes_votes", TestSchemas.INT).column("no_votes", TestSchemas.INT)
                .column("last_vote", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        // vote.vote is the vote's value; yes_votes counts votes; neither points at one vote
        assertThat(candidates).doesNotContainKey("public.vote(vote)->public.vote(id)");
        assertThat(candidates.keySet()).noneMatch(key -> key.contains("_votes)"));
        // a column named like another table still references it, a singular role tail too
        assertThat(candidates).containsKey("public.vote(edit)->public.edit(id)");
        assertThat(candidates).containsKey("public.election(last_vote)->public.vote(id)");
    }

    @Test
    void aNumberedStemAbbreviatesNoLongerNumber() {
        TestSchemas schema = new TestSchemas();
        schema.table("region_3").id("id");
        schema.table("region_30").id("id");
        schema.table("region_31").id("id");
        schema.table("customer").id("id");
        schema.table("orders").id("id").column("region_3_id", TestSchemas.INT).column("cust_id", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        assertThat(candidates).containsKey("public.orders(region_3_id)->public.region_3(id)");
        assertThat(candidates).doesNotContainKeys("public.orders(region_3_id)->public.region_30(id)",
                "public.orders(region_3_id)->public.region_31(id)");
        assertThat(candidates.get("public.orders(cust_id)->public.customer(id)").matches())
                .contains(MatchKind.ABBREVIATION);
        assertThat(candidates.keySet()).noneMatch(key -> key.startsWith("public.region_3"));
    }

    @Test
    void aQualifiedNameGluesNoNumberToAnother() {
        TestSchemas schema = new TestSchemas();
        schema.table("region_3").id("id");
        schema.table("region_31").id("id");
        schema.table("invoice_1").id("id").column("region_3_id", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        // region_3 completed by its table's number 1 would read region31
        assertThat(candidates).containsOnlyKeys("public.invoice_1(region_3_id)->public.region_3(id)");
        assertThat(Names.gluesNumbers(List.of("region", "3"), List.of("1"))).isTrue();
        assertThat(Names.gluesNumbers(List.of("region", "3"), List.of("raw"))).isFalse();
        assertThat(Names.gluesNumbers(List.of("release"), List.of("1"))).isFalse();
    }

    @Test
    void aNameIsNotCompletedByItselfIntoALinkTablesName() {
        TestSchemas schema = new TestSchemas();
        schema.table("artist").id("id").column("type", TestSchemas.INT);
        schema.table("artist_type").id("id");
        schema.table("label").id("id");
        // three link tables make l_ a common table prefix: l_artist_artist also goes by artist_artist
        schema.table("l_artist_artist").id("id");
        schema.table("l_artist_label").id("id");
        schema.table("l_label_label").id("id");
        schema.table("artist_tag").id("id").column("artist", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        // artist_tag.artist names the artist; completed by its table's first word it would read artist_artist,
        // the name of the link between two artists (l_ is the common table prefix)
        assertThat(candidates.get("public.artist_tag(artist)->public.artist(id)").matches())
                .containsExactly(MatchKind.WHOLE_NAME);
        assertThat(candidates).doesNotContainKey("public.artist_tag(artist)->public.l_artist_artist(id)");
        // a name that is not doubled is still completed by its table's name
        assertThat(candidates.get("public.artist(type)->public.artist_type(id)").matches())
                .contains(MatchKind.QUALIFIED_NAME);
    }

    @Test
    void aNameIsCompletedByAsMuchOfItsTableNameAsNamesATable() {
        TestSchemas schema = new TestSchemas();
        schema.table("artist").id("id").column("type", TestSchemas.INT);
        schema.table("artist_type").id("id");
        schema.table("artist_alias").id("id").column("type", TestSchemas.INT);
        schema.table("artist_alias_type").id("id");
        schema.table("release").id("id");
        schema.table("release_raw").id("id");
        schema.table("cdtoc_raw").id("id").column("release", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        // the alias's type is the alias type, not the artist's type: the whole table name qualifies it
        assertThat(candidates.get("public.artist_alias(type)->public.artist_alias_type(id)").matches())
                .contains(MatchKind.QUALIFIED_NAME);
        assertThat(candidates).doesNotContainKey("public.artist_alias(type)->public.artist_type(id)");
        assertThat(candidates.get("public.artist(type)->public.artist_type(id)").matches())
                .contains(MatchKind.QUALIFIED_NAME);
        // completed after the name, by the table's last words
        assertThat(candidates.get("public.cdtoc_raw(release)->public.release_raw(id)").matches())
                .contains(MatchKind.QUALIFIED_NAME);
    }

    @Test
    void aColumnNamedAfterItsOwnTableAndAKeySuffixIsAnAttributeOfIt() {
        TestSchemas schema = new TestSchemas();
        schema.table("label").id("id").column("label_code", TestSchemas.INT).column("parent_id", TestSchemas.INT);
        schema.table("release").id("id").column("label_code", TestSchemas.INT);
        Map<String, Candidate> candidates = generate(schema);
        // the label's own code, as city.city is the city's name: no reference to itself
        assertThat(candidates).doesNotContainKey("public.label(label_code)->public.label(id)");
        // a hierarchy word still points at the own table, and the same name elsewhere at the label
        assertThat(candidates.get("public.label(parent_id)->public.label(id)").matches()).contains(MatchKind.SELF_ROLE);
        assertThat(candidates.get("public.release(label_code)->public.label(id)").matches())
                .contains(MatchKind.TABLE_AND_KEY);
    }

    @Test
    void aColumnMatchingManyEqualTargetsKeepsTheBestAndCountsTheRest() {
        TestSchemas schema = TestSchemas.sharedKey();
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        List<Candidate> all = new CandidateGenerator(index, Statistics.none(), 100).generate().stream()
                .filter(candidate -> candidate.from().toString().equals("public.employeepayhistory(businessentityid)"))
                .toList();
        assertThat(all).hasSize(12).allMatch(candidate -> candidate.droppedRivals() == 0);

        List<Candidate> kept = new CandidateGenerator(index, Statistics.none()).generate().stream()
                .filter(candidate -> candidate.from().toString().equals("public.employeepayhistory(businessentityid)"))
                .toList();
        assertThat(kept).hasSize(CandidateGenerator.MAX_TARGETS)
                .allMatch(candidate -> candidate.droppedRivals() == 12 - CandidateGenerator.MAX_TARGETS);
        // the true target (an extension table named like the referencing one) and the supertype survive the cut
        assertThat(kept).extracting(Candidate::key).contains(
                "public.employeepayhistory(businessentityid)->public.employee(businessentityid)",
                "public.employeepayhistory(businessentityid)->public.businessentity(businessentityid)");
        // the cut only drops: what is kept is what the uncut list had
        assertThat(kept).extracting(Candidate::key).isSubsetOf(all.stream().map(Candidate::key).toList());
    }

    @Test
    void theCutPrefersStrongerMatchesThenTheClosestTableName() {
        TestSchemas schema = TestSchemas.sharedKey();
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        List<Candidate> kept = new CandidateGenerator(index, Statistics.none(), 2).generate().stream()
                .filter(candidate -> candidate.from().toString().equals("public.employeepayhistory(businessentityid)"))
                .toList();
        assertThat(kept).extracting(candidate -> candidate.to().table().table())
                .containsExactlyInAnyOrder("employee", "businessentity");
        assertThat(kept).allMatch(candidate -> candidate.droppedRivals() == 10);
    }

    @Test
    void aNameFoundInManySchemasProposesTheNearestAndCountsTheRest() {
        // one schema per tenant, each with its customers and orders: 40 tables answer to customer_id
        TestSchemas schema = new TestSchemas();
        for (int tenant = 1; tenant <= 40; tenant++) {
            String name = String.format("tenant%02d", tenant);
            schema.table(name, "customer").id("id");
            schema.table(name, "orders").id("id").column("customer_id", TestSchemas.INT);
        }
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        List<Candidate> uncut = new CandidateGenerator(index, Statistics.none(), 1_000).generate().stream()
                .filter(candidate -> candidate.from().toString().equals("tenant07.orders(customer_id)")).toList();
        assertThat(uncut).hasSize(CandidateGenerator.MAX_LOOKUP);

        List<Candidate> kept = new CandidateGenerator(index, Statistics.none()).generate().stream()
                .filter(candidate -> candidate.from().toString().equals("tenant07.orders(customer_id)")).toList();
        assertThat(kept).hasSize(CandidateGenerator.MAX_TARGETS)
                .extracting(Candidate::key).contains("tenant07.orders(customer_id)->tenant07.customer(id)");
        // every other tenant's customer table is either kept or counted
        assertThat(kept).allMatch(candidate -> candidate.droppedRivals() == 40 - CandidateGenerator.MAX_TARGETS);
    }
}
