package io.tacit.inference.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import io.tacit.inference.candidates.Candidate;
import io.tacit.inference.candidates.CandidateGenerator;
import io.tacit.inference.candidates.NameIndex;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.Statistics;
import io.tacit.model.TableName;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignalContextTest {
    private static final TableName ORDERS = TableName.of("public", "orders");
    private static final TableName CUSTOMER = TableName.of("public", "customer");

    private static SignalContext context(TestSchemas schema) {
        NameIndex index = new NameIndex(schema.snapshot(), Statistics.none());
        List<Candidate> candidates = new CandidateGenerator(index, Statistics.none()).generate();
        return new SignalContext(schema.snapshot(), Statistics.none(), index, candidates);
    }

    private static TestSchemas shop() {
        TestSchemas schema = new TestSchemas();
        schema.table("customer").id("customer_id").column("name", TestSchemas.TEXT);
        schema.table("orders").id("order_id").column("customer_id", TestSchemas.INT);
        return schema;
    }

    @Test
    void aTargetIsWorkedOutOncePerSignalAndTargetInstance() {
        SignalContext context = context(shop());
        ColumnSet target = ColumnSet.of(CUSTOMER, "customer_id");
        AtomicInteger computed = new AtomicInteger();

        assertThat(context.<Integer>perTarget("a", target, to -> computed.incrementAndGet())).isEqualTo(1);
        assertThat(context.<Integer>perTarget("a", target, to -> computed.incrementAndGet())).isEqualTo(1);
        // another signal has its own answers
        assertThat(context.<Integer>perTarget("b", target, to -> computed.incrementAndGet())).isEqualTo(2);
        // an equal column set that is another instance is worked out again (a cache, never a wrong answer)
        assertThat(context.<Integer>perTarget("a", ColumnSet.of(CUSTOMER, "customer_id"), to -> computed.incrementAndGet()))
                .isEqualTo(3);
    }

    @Test
    void recentLookupsAnswerLikeTheSnapshot() {
        TestSchemas schema = shop();
        SignalContext context = context(schema);
        ColumnName customerId = new ColumnName(ORDERS, "customer_id");
        ColumnName name = new ColumnName(CUSTOMER, "name");
        ColumnName missing = new ColumnName(CUSTOMER, "missing");
        // alternating over more names than are kept, each answer is still the snapshot's
        for (int round = 0; round < 3; round++) {
            for (ColumnName column : List.of(customerId, name, missing)) {
                assertThat(context.column(column)).isEqualTo(schema.snapshot().column(column));
            }
            assertThat(context.table(ORDERS)).isEqualTo(schema.snapshot().table(ORDERS));
            assertThat(context.table(CUSTOMER)).isEqualTo(schema.snapshot().table(CUSTOMER));
            assertThat(context.table(TableName.of("public", "nowhere"))).isEmpty();
        }
        assertThat(context.column(customerId)).isPresent();
        assertThat(context.column(missing)).isEmpty();
    }
}
