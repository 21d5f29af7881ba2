package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.evaluation.DataGenerator.GeneratedData;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnSet;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.TableName;
import io.tacit.training.PgDumpSchemaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {
    private static final String DUMP = """
            CREATE TABLE public.users (
                userid bigint NOT NULL,
                alias character varying(12) NOT NULL,
                is_deleted integer DEFAULT 0 NOT NULL,
                sort_order integer DEFAULT 0 NOT NULL,
                num_children integer,
                clock integer DEFAULT 0 NOT NULL,
                country character(2)
            );
            CREATE TABLE public.groups (groupid uuid NOT NULL, name character varying(64) NOT NULL);
            CREATE TABLE public.countries (code character(2) NOT NULL, name text);
            CREATE TABLE public.users_groups (userid bigint NOT NULL, groupid uuid NOT NULL, "position" integer);
            CREATE TABLE public.grants (grantid integer NOT NULL, userid bigint NOT NULL, groupid uuid NOT NULL, len smallint);
            CREATE TABLE public.events (
                eventid bigint NOT NULL,
                userid bigint DEFAULT 0 NOT NULL,
                parent_eventid bigint,
                hidden smallint DEFAULT 0 NOT NULL
            );
            ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (userid);
            ALTER TABLE ONLY public.users ADD CONSTRAINT users_alias UNIQUE (alias);
            ALTER TABLE ONLY public.groups ADD CONSTRAINT groups_pkey PRIMARY KEY (groupid);
            ALTER TABLE ONLY public.countries ADD CONSTRAINT countries_pkey PRIMARY KEY (code);
            ALTER TABLE ONLY public.users_groups ADD CONSTRAINT users_groups_pkey PRIMARY KEY (userid, groupid);
            ALTER TABLE ONLY public.grants ADD CONSTRAINT grants_pkey PRIMARY KEY (grantid);
            ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (eventid);
            """;
    private static final SchemaSnapshot SNAPSHOT = PgDumpSchemaReader.read("test", DUMP, Map.of());
    private static final List<TruthEdge> EDGES = List.of(
            edge("users_groups", "userid", "users", "userid"),
            edge("users_groups", "groupid", "groups", "groupid"),
            edge("grants", "userid+groupid", "users_groups", "userid+groupid"),
            edge("events", "userid", "users", "userid"),
            edge("events", "parent_eventid", "events", "eventid"),
            edge("users", "country", "countries", "code"));

    @Test
    void sameSeedSameDataAnotherSeedOtherData() {
        GeneratedData first = DataGenerator.generate(SNAPSHOT, EDGES, 42);
        GeneratedData again = DataGenerator.generate(SNAPSHOT, EDGES, 42);
        GeneratedData other = DataGenerator.generate(SNAPSHOT, EDGES, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other.values()).isNotEqualTo(first.values());
        assertThat(first.rows()).containsOnlyKeys(SNAPSHOT.tables().stream().map(table -> table.name()).toList());
        first.rows().forEach((table, rows) -> assertThat(rows).isBetween(1L, (long) DataGenerator.MAX_ROWS));
    }

    @Test
    void everyEdgeHoldsForAtLeast98PercentOfItsRowsApartFromNullsAndZeroSentinels() {
        for (long seed = 1; seed <= 5; seed++) {
            GeneratedData data = DataGenerator.generate(SNAPSHOT, EDGES, seed);
            for (TruthEdge edge : EDGES) {
                Set<List<String>> parents = new HashSet<>(tuples(data, edge.to()));
                List<List<String>> children = tuples(data, edge.from()).stream()
                        .filter(tuple -> !tuple.contains(null) && !tuple.equals(List.of("0"))).toList();
                long found = children.stream().filter(parents::contains).count();
                assertThat(children).as("%s seed %d", edge, seed).isNotEmpty();
                assertThat((double) found / children.size()).as("%s seed %d", edge, seed).isGreaterThanOrEqualTo(0.98);
                // skewed: some parents have no child at all
                if (!edge.isSelfReference() && edge.from().columns().size() == 1) {
                    assertThat(children.stream().filter(parents::contains).distinct().count()).as("%s seed %d", edge, seed)
                            .isLessThan(parents.size());
                }
            }
        }
    }

    @Test
    void keysAreUniqueAndKeepTheirTypes() {
        GeneratedData data = DataGenerator.generate(SNAPSHOT, EDGES, 7);
        for (String key : List.of("users:userid", "users:alias", "groups:groupid", "countries:code",
                "users_groups:userid+groupid", "grants:grantid", "events:eventid")) {
            String[] parts = key.split(":");
            List<List<String>> tuples = tuples(data, new ColumnSet(TableName.of("public", parts[0]), List.of(parts[1].split("\\+"))));
            assertThat(tuples).as(key).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(tuples).as(key).allSatisfy(tuple -> assertThat(tuple).doesNotContainNull());
        }
        assertThat(column(data, "groups", "groupid")).allMatch(value -> value.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(column(data, "countries", "code")).allMatch(value -> value.length() <= 2);
        assertThat(column(data, "users", "alias")).allMatch(value -> value.length() <= 12);
        assertThat(column(data, "users", "userid")).allMatch(value -> value.matches("[0-9]+"));
    }

    @Test
    void nullableReferencesHoldNullsAndNotNullOnesDefaultingToZeroHoldZeros() {
        boolean nulls = false;
        boolean zeros = false;
        for (long seed = 1; seed <= 10; seed++) {
            GeneratedData data = DataGenerator.generate(SNAPSHOT, EDGES, seed);
            nulls |= column(data, "events", "parent_eventid").contains(null);
            zeros |= column(data, "events", "userid").contains("0");
            assertThat(column(data, "users_groups", "userid")).doesNotContainNull().doesNotContain("0");
        }
        assertThat(nulls).isTrue();
        assertThat(zeros).isTrue();
    }

    @Test
    void decoyIntegersLieInsideTheParentsIdRange() {
        GeneratedData data = DataGenerator.generate(SNAPSHOT, EDGES, 11);
        List<String> ids = new ArrayList<>(column(data, "users", "userid"));
        ids.addAll(column(data, "events", "eventid"));
        ids.addAll(column(data, "grants", "grantid"));
        long maxUserId = ids.stream().mapToLong(Long::parseLong).max().orElseThrow();
        long minUserId = ids.stream().mapToLong(Long::parseLong).min().orElseThrow();
        assertThat(distinct(data, "users", "is_deleted")).isSubsetOf("0", "1");
        for (String[] decoy : List.of(new String[] {"users", "sort_order"}, new String[] {"users", "num_children"},
                new String[] {"users_groups", "position"}, new String[] {"grants", "len"}, new String[] {"events", "hidden"})) {
            Set<String> values = distinct(data, decoy[0], decoy[1]);
            assertThat(values).as(String.join(".", decoy)).isNotEmpty();
            // most values lie inside some table's id range: containment alone would call the column a reference
            long inside = values.stream().mapToLong(Long::parseLong)
                    .filter(value -> value >= Math.min(1, minUserId) && value <= maxUserId).count();
            assertThat((double) inside / values.size()).as(String.join(".", decoy)).isGreaterThanOrEqualTo(0.5);
        }
        // times are not ids
        assertThat(column(data, "users", "clock").stream().filter(Objects::nonNull).filter(value -> !value.equals("0"))
                .mapToLong(Long::parseLong).min().orElseThrow()).isGreaterThan(1_000_000_000L);
    }

    @Test
    void fillsEverySharedSchemaOnlyBenchmarkWithItsEdgesHolding() throws java.io.IOException {
        Path root = Path.of(System.getProperty("tacit.benchmarks", "../shared/benchmarks"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(root), "no shared benchmarks at " + root);
        List<Path> folders;
        try (var list = java.nio.file.Files.list(root)) {
            folders = list.filter(folder -> java.nio.file.Files.exists(folder.resolve("truth.csv"))
                    && !java.nio.file.Files.isDirectory(folder.resolve("data"))).sorted().toList();
        }
        assertThat(folders).isNotEmpty();
        for (Path folder : folders) {
            SchemaSnapshot snapshot = PgDumpSchemaReader.read("test", java.nio.file.Files.readString(folder.resolve("schema.sql")), Map.of());
            List<TruthEdge> edges = TruthSet.load(folder.resolve("truth.csv"), java.util.Optional.empty()).edges();
            GeneratedData data = DataGenerator.generate(snapshot, edges, DataGenerator.seedOf(folder.getFileName().toString()));
            assertThat(data.rows()).as(folder.toString()).hasSize(snapshot.tables().size());
            assertThat(data.rows().values()).as(folder.toString()).allMatch(rows -> rows > 0);
            // a column in two edges takes its values from one of them: most edges hold, not every one
            long holding = edges.stream().filter(edge -> {
                Set<List<String>> parents = new HashSet<>(tuples(data, edge.to()));
                List<List<String>> children = tuples(data, edge.from()).stream()
                        .filter(tuple -> !tuple.contains(null) && !tuple.equals(List.of("0"))).toList();
                return children.isEmpty() || children.stream().filter(parents::contains).count() >= 0.98 * children.size();
            }).count();
            assertThat((double) holding / edges.size()).as(folder.toString()).isGreaterThanOrEqualTo(0.9);
        }
    }

    private static TruthEdge edge(String from, String fromColumns, String to, String toColumns) {
        return new TruthEdge(new ColumnSet(TableName.of("public", from), List.of(fromColumns.split("\\+"))),
                new ColumnSet(TableName.of("public", to), List.of(toColumns.split("\\+"))), Path.of("truth.csv"), 2);
    }

    private static List<String> column(GeneratedData data, String table, String column) {
        return data.column(new ColumnName(TableName.of("public", table), column));
    }

    private static Set<String> distinct(GeneratedData data, String table, String column) {
        Set<String> values = new HashSet<>(column(data, table, column));
        values.remove(null);
        return values;
    }

    private static List<List<String>> tuples(GeneratedData data, ColumnSet columns) {
        List<List<String>> tuples = new ArrayList<>();
        Map<String, List<String>> byColumn = new HashMap<>();
        columns.columnNames().forEach(name -> byColumn.put(name.column(), data.column(name)));
        int rows = data.rows().get(columns.table()).intValue();
        for (int row = 0; row < rows; row++) {
            List<String> tuple = new ArrayList<>();
            for (String column : columns.columns()) {
                tuple.add(byColumn.get(column).get(row));
            }
            tuples.add(tuple);
        }
        return tuples;
    }
}
