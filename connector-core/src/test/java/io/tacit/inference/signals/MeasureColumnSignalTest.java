package io.tacit.inference.signals;

import static io.tacit.inference.signals.SignalFixture.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.TestSchemas;
import org.junit.jupiter.api.Test;

class MeasureColumnSignalTest {
    private static final MeasureColumnSignal SIGNAL = new MeasureColumnSignal();

    /** Users 1..12; events with a real reference and flag, sort-order and count columns whose values lie inside 1..12. */
    private static TestSchemas schema() {
        TestSchemas schema = new TestSchemas();
        schema.table("users").id("userid");
        schema.table("hidden").id("hiddenid");
        schema.table("events").id("eventid").column("userid", TestSchemas.INT)
                .defaulted("hidden", TestSchemas.INT, "0").column("sort_order", TestSchemas.INT)
                .column("num_children", TestSchemas.INT).defaulted("owner", TestSchemas.INT, "'0'::integer")
                .column("level_id", TestSchemas.INT);
        for (int id = 1; id <= 12; id++) {
            schema.rows("users", "userid", id);
            schema.rows("hidden", "hiddenid", id);
        }
        for (int event = 1; event <= 40; event++) {
            schema.rows("events", "eventid,userid,hidden,sort_order,num_children,owner,level_id",
                    event, 1 + event % 12, event % 2, 1 + event % 3, 1 + event % 11, 1 + event % 12, 1 + event % 12);
        }
        return schema;
    }

    @Test
    void aFlagWithOnlyZeroAndOneAndADefaultOfZeroWeighsAgainst() {
        SignalFixture fixture = new SignalFixture(schema());
        var hidden = candidate("events", "hidden", "hidden", "hiddenid");
        assertThat(fixture.feature(SIGNAL, hidden, "name")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, hidden, "zero_default")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, hidden, "boolean_domain")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, hidden, "few_values")).isEqualTo(1.0);
    }

    @Test
    void sortOrdersAndCountsAreNamedLikeMeasuresAndAHandfulOfValuesCounts() {
        SignalFixture fixture = new SignalFixture(schema());
        var sortOrder = candidate("events", "sort_order", "users", "userid");
        assertThat(fixture.feature(SIGNAL, sortOrder, "name")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, sortOrder, "few_values")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, sortOrder, "boolean_domain")).isEqualTo(0.0);
        var count = candidate("events", "num_children", "users", "userid");
        assertThat(fixture.feature(SIGNAL, count, "name")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, count, "few_values")).isEqualTo(0.0);
    }

    @Test
    void aRealReferenceSaysNothingAgainstItselfAndADefaultOfZeroIsItsOnlyMark() {
        SignalFixture fixture = new SignalFixture(schema());
        var user = candidate("events", "userid", "users", "userid");
        assertThat(fixture.measure(SIGNAL, user).orElseThrow().value()).isEqualTo(0.0);
        // a sentinel 0 for "no owner" is common in real references: only that feature is set
        var owner = candidate("events", "owner", "users", "userid");
        assertThat(fixture.feature(SIGNAL, owner, "zero_default")).isEqualTo(1.0);
        assertThat(fixture.feature(SIGNAL, owner, "name")).isEqualTo(0.0);
        assertThat(fixture.feature(SIGNAL, owner, "few_values")).isEqualTo(0.0);
        // named as a reference: level_id is not a level
        assertThat(fixture.feature(SIGNAL, candidate("events", "level_id", "users", "userid"), "name")).isEqualTo(0.0);
    }

    @Test
    void namesAreReadWordByWord() {
        assertThat(MeasureColumnSignal.measureName("is_deleted")).isTrue();
        assertThat(MeasureColumnSignal.measureName("sortOrder")).isTrue();
        assertThat(MeasureColumnSignal.measureName("nr")).isTrue();
        assertThat(MeasureColumnSignal.measureName("len")).isTrue();
        assertThat(MeasureColumnSignal.measureName("position")).isTrue();
        assertThat(MeasureColumnSignal.measureName("order_id")).isFalse();
        assertThat(MeasureColumnSignal.measureName("orderid")).isFalse();
        assertThat(MeasureColumnSignal.measureName("parent")).isFalse();
        assertThat(MeasureColumnSignal.measureName("island")).isFalse();
    }
}
