package io.tacit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnSetTest {
    private static final TableName LINES = TableName.of("shop", "lines");

    @Test
    void setsOfTheSameTableAndColumnsAreEqualAndFindEachOtherInAMap() {
        List<String> columns = new ArrayList<>(List.of("order_region", "order_id"));
        ColumnSet made = new ColumnSet(TableName.of("shop", "lines"), columns);
        ColumnSet parsed = ColumnSet.of(LINES, "order_region", "order_id");
        Map<ColumnSet, String> byColumns = new HashMap<>();
        byColumns.put(made, "orders");

        assertThat(parsed).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(byColumns).containsEntry(parsed, "orders");
        // the set keeps its own copy: changing the list it was made from changes nothing
        columns.set(1, "order_no");
        assertThat(made).isEqualTo(parsed);
        assertThat(made.columns()).containsExactly("order_region", "order_id");
    }

    @Test
    void setsDifferingInTableColumnsOrOrderAreNotEqual() {
        ColumnSet set = ColumnSet.of(LINES, "order_region", "order_id");

        assertThat(set).isNotEqualTo(ColumnSet.of(TableName.of("shop", "orders"), "order_region", "order_id"))
                .isNotEqualTo(ColumnSet.of(TableName.of("archive", "lines"), "order_region", "order_id"))
                .isNotEqualTo(ColumnSet.of(LINES, "order_id", "order_region"))
                .isNotEqualTo(ColumnSet.of(LINES, "order_region"))
                .isNotEqualTo("shop.lines(order_region, order_id)");
    }

    @Test
    void setsSortByTableThenColumnByColumn() {
        List<ColumnSet> sets = new ArrayList<>(List.of(
                ColumnSet.of(LINES, "order_region", "order_id"),
                ColumnSet.of(TableName.of("shop", "items"), "sku"),
                ColumnSet.of(LINES, "order_region"),
                ColumnSet.of(LINES, "amount")));
        sets.sort(null);

        assertThat(sets).extracting(ColumnSet::toString).containsExactly("shop.items(sku)", "shop.lines(amount)",
                "shop.lines(order_region)", "shop.lines(order_region, order_id)");
    }

    @Test
    void aSetNeedsATableAndAColumn() {
        assertThatThrownBy(() -> new ColumnSet(LINES, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop.lines");
        assertThatThrownBy(() -> new ColumnSet(null, List.of("id"))).isInstanceOf(NullPointerException.class);
    }
}
