package io.tacit.inference;

import java.util.ArrayList;
import java.util.List;

/** The shop schema with deterministic data. */
final class ShopFixture {
    private ShopFixture() {
    }

    static TestSchemas withData() {
        TestSchemas shop = TestSchemas.shop();
        shop.rows("users", "id,email", values(20, i -> List.of(i, "u" + i + "@example.com")));
        shop.rows("addresses", "id,user_id,street", values(30, i -> List.of(i, i % 20 + 1, "street " + i)));
        shop.rows("categories", "id,name,parent_id", values(8, i -> list(i, "c" + i, i <= 3 ? null : i % 3 + 1)));
        shop.rows("products", "id,category_id,name,price_cents", values(40, i -> List.of(i, i % 8 + 1, "p" + i, 100 + i * 37)));
        shop.rows("orders", "id,user_id,billing_address_id,shipping_address_id,quantity",
                values(60, i -> List.of(i, i % 20 + 1, i % 30 + 1, (i * 7) % 30 + 1, i % 5 + 1)));
        shop.rows("order_items", "id,order_id,product_id,quantity",
                values(150, i -> List.of(i, i % 60 + 1, i % 40 + 1, i % 4 + 1)));
        shop.rows("payments", "id,order_id,amount_cents", values(60, i -> List.of(i, i, 1000 + i)));
        shop.rows("reviews", "id,user_id,reviewable_type,reviewable_id,stars",
                values(30, i -> List.of(i, i % 20 + 1, i % 2 == 0 ? "Product" : "Order", i % 2 == 0 ? i % 40 + 1 : i % 60 + 1, i % 5 + 1)));
        return shop;
    }

    private static List<Object> list(Object... values) {
        List<Object> list = new ArrayList<>();
        java.util.Collections.addAll(list, values);
        return list;
    }

    private static Object[] values(int rows, java.util.function.IntFunction<List<Object>> row) {
        List<Object> all = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            all.addAll(row.apply(i));
        }
        return all.toArray();
    }
}
