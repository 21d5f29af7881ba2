package io.tacit.cli;

import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's shop database: a SQLite file laid out the way an ORM leaves an application's tables — primary
 * keys, but not one FOREIGN KEY constraint — filled with deterministic generated data (fixed seed). tacit
 * writes this file itself; discovery then reads it like any other database, read-only.
 */
final class DemoDatabase {
    static final long SEED = 20_261_130L;

    /** The relationships the shop's application code relies on, in the layout of a benchmark truth.csv. */
    static final List<String> EXPECTED = List.of(
            "main.addresses,user_id,main.users,id",
            "main.categories,parent_id,main.categories,id",
            "main.order_items,order_id,main.orders,id",
            "main.order_items,product_id,main.products,id",
            "main.orders,coupon_id,main.coupons,id",
            "main.orders,user_id,main.users,id",
            "main.payments,billing_address_id,main.addresses,id",
            "main.payments,order_id,main.orders,id",
            "main.payments,shipping_address_id,main.addresses,id",
            "main.products,category_id,main.categories,id",
            "main.reviews,reviewable_id,main.orders,id",
            "main.reviews,reviewable_id,main.products,id",
            "main.reviews,user_id,main.users,id",
            "main.shipments,order_id,main.orders,id");

    private static final String[] SCHEMA = {
        "CREATE TABLE categories (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL, parent_id INTEGER)",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, full_name VARCHAR(120) NOT NULL, "
                + "created_at TIMESTAMP NOT NULL)",
        "CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, street VARCHAR(120) NOT NULL, "
                + "city VARCHAR(80) NOT NULL, postal_code VARCHAR(10) NOT NULL, country_code CHAR(2) NOT NULL)",
        "CREATE TABLE products (id INTEGER PRIMARY KEY, category_id INTEGER NOT NULL, sku VARCHAR(20) NOT NULL UNIQUE, "
                + "name VARCHAR(120) NOT NULL, price_cents INTEGER NOT NULL, created_at TIMESTAMP NOT NULL)",
        "CREATE TABLE coupons (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE, percent_off INTEGER NOT NULL)",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, coupon_id INTEGER, "
                + "status VARCHAR(20) NOT NULL, ordered_at TIMESTAMP NOT NULL, total_cents INTEGER NOT NULL)",
        "CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, product_id INTEGER NOT NULL, "
                + "quantity INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL)",
        "CREATE TABLE payments (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, billing_address_id INTEGER NOT NULL, "
                + "shipping_address_id INTEGER NOT NULL, method VARCHAR(20) NOT NULL, amount_cents INTEGER NOT NULL, "
                + "paid_at TIMESTAMP NOT NULL)",
        "CREATE TABLE shipments (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, carrier VARCHAR(20) NOT NULL, "
                + "tracking_code VARCHAR(30) NOT NULL, shipped_at TIMESTAMP NOT NULL)",
        "CREATE TABLE reviews (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, reviewable_type VARCHAR(20) NOT NULL, "
                + "reviewable_id INTEGER NOT NULL, rating INTEGER NOT NULL, body TEXT, created_at TIMESTAMP NOT NULL)",
        "CREATE INDEX index_orders_on_user_id ON orders (user_id)",
        "CREATE INDEX index_order_items_on_order_id ON order_items (order_id)",
        "CREATE INDEX index_reviews_on_reviewable ON reviews (reviewable_type, reviewable_id)",
    };

    private static final int CATEGORIES = 24;
    private static final int USERS = 600;
    private static final int PRODUCTS = 300;
    private static final int COUPONS = 15;
    private static final int ORDERS = 2_400;
    private static final int REVIEWS = 1_500;

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Barbara", "Edsger", "Frances", "Donald",
        "Margaret", "Ken", "Radia", "Dennis", "Karen", "John", "Sophie", "Tim"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Dijkstra", "Allen",
        "Knuth", "Hamilton", "Thompson", "Perlman", "Ritchie", "Jones", "McCarthy", "Wilson", "Berners-Lee"};
    private static final String[] CITIES = {"Lisbon", "Oslo", "Berlin", "Lyon", "Leeds", "Porto", "Graz", "Turku",
        "Ghent", "Cork"};
    private static final String[] COUNTRIES = {"PT", "NO", "DE", "FR", "GB", "PT", "AT", "FI", "BE", "IE"};
    private static final String[] STATUSES = {"paid", "shipped", "delivered", "delivered", "delivered", "cancelled"};
    private static final String[] METHODS = {"card", "card", "card", "paypal", "bank_transfer"};
    private static final String[] CARRIERS = {"DHL", "UPS", "PostNL", "GLS"};
    private static final String[] WORDS = {"solid", "great", "value", "broke", "fast", "slow", "nice", "gift", "again",
        "quality", "shipping", "small", "large", "perfect"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final Random random = new Random(SEED);
    private int rows;

    /** Creates (replacing) the database file and returns the number of rows written. */
    static int create(Path file) {
        try {
            Files.deleteIfExists(file);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
        catch (IOException e) {
            throw TacitException.config("cannot create the demo database " + file + " (" + e.getClass().getSimpleName()
                    + ")", "pass a writable folder with --dir");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            connection.setAutoCommit(false);
            DemoDatabase database = new DemoDatabase();
            database.fill(connection);
            connection.commit();
            return database.rows;
        }
        catch (SQLException e) {
            throw TacitException.internal("cannot write the demo database " + file, e);
        }
    }

    private void fill(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
        insert(connection, "INSERT INTO categories VALUES (?, ?, ?)", CATEGORIES, (row, id) -> {
            Integer parent = null;
            if (id > 6) {
                parent = 1 + random.nextInt(6);
            }
            row.add(id, "Category " + id, parent);
        });
        insert(connection, "INSERT INTO users VALUES (?, ?, ?, ?)", USERS, (row, id) -> {
            String first = pick(FIRST);
            String last = pick(LAST);
            row.add(id, first.toLowerCase() + "." + last.toLowerCase() + id + "@example.com", first + " " + last,
                    time(0, 200));
        });
        List<List<Integer>> addressesByUser = new ArrayList<>();
        for (int user = 0; user <= USERS; user++) {
            addressesByUser.add(new ArrayList<>());
        }
        int[] addressCount = {0};
        List<Object[]> addresses = new ArrayList<>();
        for (int user = 1; user <= USERS; user++) {
            int count = 1 + random.nextInt(2) + (random.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                int id = ++addressCount[0];
                addressesByUser.get(user).add(id);
                int city = random.nextInt(CITIES.length);
                addresses.add(new Object[] {id, user, (1 + random.nextInt(200)) + " " + pick(LAST) + " Street",
                    CITIES[city], String.valueOf(10_000 + random.nextInt(89_999)), COUNTRIES[city]});
            }
        }
        insertRows(connection, "INSERT INTO addresses VALUES (?, ?, ?, ?, ?, ?)", addresses);
        int[] prices = new int[PRODUCTS + 1];
        insert(connection, "INSERT INTO products VALUES (?, ?, ?, ?, ?, ?)", PRODUCTS, (row, id) -> {
            prices[id] = 199 + random.nextInt(30_000);
            row.add(id, 7 + random.nextInt(CATEGORIES - 6), String.format("SKU-%05d", 10_000 + id * 7),
                    pick(WORDS) + " " + pick(WORDS) + " " + id, prices[id], time(0, 100));
        });
        insert(connection, "INSERT INTO coupons VALUES (?, ?, ?)", COUPONS, (row, id) ->
                row.add(id, "SAVE" + (5 * (1 + random.nextInt(10))) + "-" + id, 5 * (1 + random.nextInt(6))));
        int[] orderUser = new int[ORDERS + 1];
        insert(connection, "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?)", ORDERS, (row, id) -> {
            orderUser[id] = 1 + random.nextInt(USERS);
            Integer coupon = null;
            if (random.nextInt(8) == 0) {
                coupon = 1 + random.nextInt(COUPONS);
            }
            row.add(id, orderUser[id], coupon, pick(STATUSES), time(200, 700), 0);
        });
        List<Object[]> items = new ArrayList<>();
        for (int order = 1; order <= ORDERS; order++) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                int product = 1 + random.nextInt(PRODUCTS);
                items.add(new Object[] {items.size() + 1, order, product, 1 + random.nextInt(3), prices[product]});
            }
        }
        insertRows(connection, "INSERT INTO order_items VALUES (?, ?, ?, ?, ?)", items);
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE orders SET total_cents = (SELECT SUM(quantity * unit_price_cents) FROM order_items "
                    + "WHERE order_items.order_id = orders.id)");
        }
        List<Object[]> payments = new ArrayList<>();
        List<Object[]> shipments = new ArrayList<>();
        for (int order = 1; order <= ORDERS; order++) {
            List<Integer> own = addressesByUser.get(orderUser[order]);
            if (random.nextInt(20) != 0) {
                int billing = own.get(random.nextInt(own.size()));
                int shipping = own.get(random.nextInt(own.size()));
                payments.add(new Object[] {payments.size() + 1, order, billing, shipping, pick(METHODS),
                    100 + random.nextInt(50_000), time(200, 700)});
            }
            if (random.nextInt(8) != 0) {
                shipments.add(new Object[] {shipments.size() + 1, order, pick(CARRIERS),
                    "TRK" + (100_000_000L + random.nextInt(899_999_999)), time(200, 700)});
            }
        }
        insertRows(connection, "INSERT INTO payments VALUES (?, ?, ?, ?, ?, ?, ?)", payments);
        insertRows(connection, "INSERT INTO shipments VALUES (?, ?, ?, ?, ?)", shipments);
        insert(connection, "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)", REVIEWS, (row, id) -> {
            boolean product = random.nextInt(3) != 0;
            int target = product ? 1 + random.nextInt(PRODUCTS) : 1 + random.nextInt(ORDERS);
            row.add(id, 1 + random.nextInt(USERS), product ? "Product" : "Order", target, 1 + random.nextInt(5),
                    pick(WORDS) + " " + pick(WORDS), time(300, 700));
        });
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String time(int fromDay, int toDay) {
        long seconds = (fromDay + random.nextInt(toDay - fromDay)) * 86_400L + random.nextInt(86_400);
        return EPOCH.plusSeconds(seconds).format(TIME);
    }

    private interface RowWriter {
        void write(Row row, int id);
    }

    private static final class Row {
        private Object[] values;

        void add(Object... values) {
            this.values = values;
        }
    }

    private void insert(Connection connection, String sql, int count, RowWriter writer) throws SQLException {
        List<Object[]> rowsToWrite = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            Row row = new Row();
            writer.write(row, id);
            rowsToWrite.add(row.values);
        }
        insertRows(connection, sql, rowsToWrite);
    }

    private void insertRows(Connection connection, String sql, List<Object[]> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : values) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        rows += values.size();
    }
}
