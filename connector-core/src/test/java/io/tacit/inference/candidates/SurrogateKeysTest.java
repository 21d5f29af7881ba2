package io.tacit.inference.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.model.Statistics;
import io.tacit.model.TableName;
import org.junit.jupiter.api.Test;

class SurrogateKeysTest {
    @Test
    void referencesHoldTheGeneratedIdNotTheNaturalPrimaryKey() {
        TestSchemas schema = new TestSchemas();
        schema.table("account").column("accno", TestSchemas.TEXT).primaryKey("accno").generated("id").unique("id");
        schema.table("account_checkpoint").id("checkpoint_id").column("account_id", TestSchemas.INT);
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());

        assertThat(index.facts(TableName.of("public", "account")).orElseThrow().target()).contains("id");
        assertThat(new CandidateGenerator(index, Statistics.none()).generate()).extracting(Candidate::key)
                .contains("public.account_checkpoint(account_id)->public.account(id)");
    }

    @Test
    void aUniqueColumnTheDatabaseDoesNotNumberNeverReplacesThePrimaryKey() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").column("code", TestSchemas.TEXT).primaryKey("code").column("email", TestSchemas.TEXT)
                .unique("email");
        schema.table("shop").serial("id").generated("serial_no").unique("serial_no");
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());

        assertThat(index.facts(TableName.of("public", "customer")).orElseThrow().target()).contains("code");
        // a generated primary key stays the target whatever else is generated
        assertThat(index.facts(TableName.of("public", "shop")).orElseThrow().target()).contains("id");
    }
}
