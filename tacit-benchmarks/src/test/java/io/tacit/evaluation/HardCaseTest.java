package io.tacit.evaluation;

import static io.tacit.evaluation.Fixtures.columnSet;
import static io.tacit.evaluation.Fixtures.snapshot;
import static io.tacit.evaluation.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardCaseTest {
    private static TruthEdge edge(String from, String to) {
        return new TruthEdge(columnSet(from), columnSet(to), Path.of("truth.csv"), 2);
    }

    private final SchemaSnapshot schema = snapshot(
            table("public", "reviews", "review_id", "reviewable_id", "reviewable_type"),
            table("public", "products", "product_id"));

    @Test
    void roleNamedWhenTheColumnNamesNeitherTheKeyNorTheTable() {
        assertThat(HardCase.isRoleNamed(edge("public.customer(support_rep_id)", "public.employee(employee_id)"))).isTrue();
        assertThat(HardCase.isRoleNamed(edge("public.orders(ship_via)", "public.shippers(shipper_id)"))).isTrue();
        assertThat(HardCase.isRoleNamed(edge("public.album(artist_id)", "public.artist(artist_id)"))).isFalse();
        assertThat(HardCase.isRoleNamed(edge("public.film(original_language_id)", "public.language(language_id)"))).isFalse();
        // plural table, singular column
        assertThat(HardCase.isRoleNamed(edge("public.products(category_id)", "public.categories(id)"))).isFalse();
        assertThat(HardCase.isRoleNamed(edge("public.track(media_type_id)", "public.media_type(id)"))).isFalse();
    }

    @Test
    void classifiesCompositeSelfSeveralAndPolymorphic() {
        TruthEdge composite = edge("public.lineitem(l_partkey+l_suppkey)", "public.partsupp(ps_partkey+ps_suppkey)");
        TruthEdge self = edge("public.employee(reports_to)", "public.employee(employee_id)");
        TruthEdge billing = edge("public.orders(billing_address_id)", "public.address(address_id)");
        TruthEdge shipping = edge("public.orders(shipping_address_id)", "public.address(address_id)");
        TruthEdge polymorphic = edge("public.reviews(reviewable_id)", "public.products(product_id)");
        List<TruthEdge> truth = List.of(composite, self, billing, shipping, polymorphic);

        assertThat(HardCase.classify(composite, truth, schema)).contains(HardCase.COMPOSITE)
                .doesNotContain(HardCase.SELF_REFERENCE, HardCase.SEVERAL_TO_ONE_TABLE);
        assertThat(HardCase.classify(self, truth, schema)).contains(HardCase.SELF_REFERENCE, HardCase.ROLE_NAMED);
        assertThat(HardCase.classify(billing, truth, schema)).contains(HardCase.SEVERAL_TO_ONE_TABLE)
                .doesNotContain(HardCase.ROLE_NAMED);
        assertThat(HardCase.classify(polymorphic, truth, schema)).contains(HardCase.POLYMORPHIC);
        assertThat(HardCase.classify(billing, truth, schema)).doesNotContain(HardCase.POLYMORPHIC);
    }
}
