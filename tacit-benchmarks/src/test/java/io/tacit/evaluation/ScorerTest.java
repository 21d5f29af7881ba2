package io.tacit.evaluation;

import static io.tacit.evaluation.Fixtures.predicted;
import static io.tacit.evaluation.Fixtures.snapshot;
import static io.tacit.evaluation.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tacit.model.Relationship;
import io.tacit.model.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
    private static final String HEADER = "fk_table,fk_columns,pk_table,pk_columns\n";

    @TempDir
    Path directory;

    private final SchemaSnapshot schema = snapshot(
            table("public", "employee", "employee_id", "reports_to"),
            table("public", "customer", "customer_id", "support_rep_id", "address_id"),
            table("public", "invoice", "invoice_id", "customer_id"),
            table("public", "address", "address_id"),
            table("public", "payment", "payment_id", "customer_id"));

    private TruthSet truth() {
        Path truth = Fixtures.write(directory, "truth.csv", HEADER
                + "public.customer,support_rep_id,public.employee,employee_id\n"
                + "public.employee,reports_to,public.employee,employee_id\n"
                + "public.invoice,customer_id,public.customer,customer_id\n"
                + "public.customer,address_id,public.address,address_id\n");
        Path extra = Fixtures.write(directory, "truth_extra.csv", HEADER
                + "public.payment,customer_id,public.customer,customer_id\n");
        return TruthSet.load(truth, Optional.of(extra)).resolve(schema);
    }

    @Test
    void extraMatchesCountNeitherWayAndRecallIsAgainstTruthAlone() {
        List<Relationship> predictions = List.of(
                predicted("public.invoice(customer_id)", "public.customer(customer_id)", 0.95),
                predicted("public.customer(support_rep_id)", "public.employee(employee_id)", 0.75),
                predicted("public.payment(customer_id)", "public.customer(customer_id)", 0.9),
                // reversed direction is wrong
                predicted("public.customer(customer_id)", "public.invoice(customer_id)", 0.55));
        Score score = new Scorer(false).score(truth(), predictions, schema);
        assertThat(score.truePositives()).isEqualTo(2);
        assertThat(score.falsePositives()).isEqualTo(1);
        assertThat(score.extraMatches()).isEqualTo(1);
        assertThat(score.falseNegatives()).isEqualTo(2);
        assertThat(score.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(score.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), within(1e-9));
        assertThat(score.missed()).containsExactly(
                "public.employee(reports_to) -> public.employee(employee_id)",
                "public.customer(address_id) -> public.address(address_id)");
        assertThat(score.wrong()).containsExactly("public.customer(customer_id) -> public.invoice(customer_id) (0.55)");
    }

    @Test
    void namesCompareIgnoringCaseOnlyWhenAsked() {
        List<Relationship> predictions = List.of(
                predicted("public.INVOICE(Customer_Id)", "public.customer(CUSTOMER_ID)", 0.9));
        assertThat(new Scorer(true).score(truth(), predictions, schema).truePositives()).isEqualTo(1);
        assertThat(new Scorer(false).score(truth(), predictions, schema).truePositives()).isZero();
    }

    @Test
    void theSameEdgeTwiceCountsOnce() {
        List<Relationship> predictions = List.of(
                predicted("public.invoice(customer_id)", "public.customer(customer_id)", 0.6),
                predicted("public.invoice(customer_id)", "public.customer(customer_id)", 0.9));
        Score score = new Scorer(false).score(truth(), predictions, schema);
        assertThat(score.truePositives()).isEqualTo(1);
        assertThat(score.falsePositives()).isZero();
        assertThat(score.calibration()).filteredOn(bucket -> bucket.predictions() > 0)
                .singleElement().satisfies(bucket -> assertThat(bucket.label()).isEqualTo("0.9-1.0"));
    }

    @Test
    void categoryRecallFollowsTheTruth() {
        List<Relationship> predictions = List.of(
                predicted("public.employee(reports_to)", "public.employee(employee_id)", 0.8));
        Score score = new Scorer(false).score(truth(), predictions, schema);
        assertThat(score.categories()).filteredOn(c -> c.category() == HardCase.SELF_REFERENCE).singleElement()
                .satisfies(c -> {
                    assertThat(c.edges()).isEqualTo(1);
                    assertThat(c.found()).isEqualTo(1);
                });
        assertThat(score.categories()).filteredOn(c -> c.category() == HardCase.ROLE_NAMED).singleElement()
                .satisfies(c -> {
                    assertThat(c.edges()).isEqualTo(2);
                    assertThat(c.found()).isEqualTo(1);
                    assertThat(c.recall()).isEqualTo(0.5);
                });
        assertThat(score.categories()).filteredOn(c -> c.category() == HardCase.COMPOSITE).singleElement()
                .satisfies(c -> assertThat(c.edges()).isZero());
    }

    @Test
    void calibrationBucketsAndExpectedCalibrationError() {
        List<Relationship> predictions = List.of(
                predicted("public.invoice(customer_id)", "public.customer(customer_id)", 0.95),
                predicted("public.customer(support_rep_id)", "public.employee(employee_id)", 0.85),
                predicted("public.employee(reports_to)", "public.employee(employee_id)", 0.55),
                predicted("public.customer(customer_id)", "public.invoice(customer_id)", 0.55),
                predicted("public.invoice(invoice_id)", "public.address(address_id)", 1.0));
        Score score = new Scorer(false).score(truth(), predictions, schema);
        assertThat(score.calibration()).extracting(CalibrationBucket::label)
                .containsExactly("0.5-0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0");
        CalibrationBucket low = score.calibration().get(0);
        assertThat(low.predictions()).isEqualTo(2);
        assertThat(low.precision()).isEqualTo(0.5);
        assertThat(low.meanConfidence()).isCloseTo(0.55, within(1e-9));
        CalibrationBucket high = score.calibration().get(4);
        assertThat(high.predictions()).isEqualTo(2);
        assertThat(high.correct()).isEqualTo(1);
        // |0.5-0.55|*2/5 + |1-0.85|*1/5 + |0.5-0.975|*2/5
        double expected = 0.05 * 2 / 5 + 0.15 / 5 + 0.475 * 2 / 5;
        assertThat(score.expectedCalibrationError()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void predictionsBelowTheThresholdGetTheirOwnBucket() {
        List<CalibrationBucket> buckets = Scorer.calibration(List.of(0.2, 0.3), List.of(true, false));
        assertThat(buckets.get(0).label()).isEqualTo("0.0-0.5");
        assertThat(buckets.get(0).predictions()).isEqualTo(2);
        assertThat(Scorer.expectedCalibrationError(buckets)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void nothingPredictedScoresZeroWithoutDividingByZero() {
        Score score = new Scorer(false).score(truth(), List.of(), schema);
        assertThat(score.precision()).isZero();
        assertThat(score.recall()).isZero();
        assertThat(score.f1()).isZero();
        assertThat(score.expectedCalibrationError()).isZero();
    }
}
