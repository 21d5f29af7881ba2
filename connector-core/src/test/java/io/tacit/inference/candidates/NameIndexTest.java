package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.model.Statistics;
import io.tacit.model.TableName;
import org.junit.jupiter.api.Test;

class NameIndexTest {
    private static TableName table(String name) {
        return TableName.of("public", name);
    }

    @Test
    void aBeginningFindsTheTablesWhoseNamesGoOnFromIt() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer_address").id("id");
        schema.table("customer").id("id");
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());

        assertThat(index.tablesContinuing("cust")).containsExactlyInAnyOrder(table("customer_address"), table("customer"));
        // every alias counts: customer goes on to customers, its own plural (the generator skips a table that
        // the beginning names outright)
        assertThat(index.tablesContinuing("customer")).containsExactlyInAnyOrder(table("customer_address"), table("customer"));
        assertThat(index.tablesContinuing("customeraddress")).containsExactly(table("customer_address"));
        assertThat(index.tablesContinuing("customeraddresses")).isEmpty();
        // too short to stand for a table
        assertThat(index.tablesContinuing("cu")).isEmpty();
    }

    @Test
    void aNumberIsNotCutShort() {
        TestSchemas schema = new TestSchemas();
        schema.table("region_3").id("id");
        schema.table("region_30").id("id");
        schema.table("region_3_north").id("id");
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());

        // region_3 goes on to region_3_north, never to region_30
        assertThat(index.tablesContinuing("region3")).containsExactly(table("region_3_north"));
        assertThat(index.tablesContinuing("region")).containsExactlyInAnyOrder(
                table("region_3"), table("region_30"), table("region_3_north"));
    }

    @Test
    void aBeginningSharedByTooManyTablesStandsForNone() {
        TestSchemas schema = new TestSchemas();
        for (String suffix : new String[] {"a", "b", "c", "d", "e", "f"}) {
            schema.table("report_" + suffix + "x").id("id");
        }
        NameIndex six = new NameIndex(schema.snapshot(), Statistics.none());
        assertThat(six.tablesContinuing("report")).hasSize(NameIndex.CONTINUING_LIMIT);

        schema.table("report_gx").id("id");
        NameIndex seven = new NameIndex(schema.snapshot(), Statistics.none());
        assertThat(seven.tablesContinuing("report")).isEmpty();
        assertThat(seven.tablesContinuing("reportg")).containsExactly(table("report_gx"));
    }

    @Test
    void candidatesPointingAtATablesKeyShareItsColumnSet() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").id("customer_id");
        schema.table("orders").id("order_id").column("customer_id", TestSchemas.INT);
        schema.table("invoice").id("invoice_id").column("customer_id", TestSchemas.INT);
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        var candidates = new CandidateGenerator(index, Statistics.none()).generate().stream()
                .filter(candidate -> candidate.to().table().equals(table("customer"))).toList();

        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).to()).isSameAs(candidates.get(1).to())
                .isSameAs(index.facts(table("customer")).orElseThrow().targetSet().orElseThrow());
    }
}
