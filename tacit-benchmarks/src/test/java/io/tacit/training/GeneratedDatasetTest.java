package io.tacit.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.evaluation.DataGenerator;
import io.tacit.evaluation.TruthSet;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.TableName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDatasetTest {
    private static final String SCHEMA = """
            CREATE TABLE public.users (userid bigint NOT NULL, alias character varying(20) NOT NULL, sort_order integer DEFAULT 0 NOT NULL);
            CREATE TABLE public.groups (groupid uuid NOT NULL, name text);
            CREATE TABLE public.members (userid bigint NOT NULL, groupid uuid NOT NULL, note text);
            CREATE TABLE public.events (eventid integer NOT NULL, userid bigint, hidden smallint DEFAULT 0 NOT NULL);
            ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (userid);
            ALTER TABLE ONLY public.groups ADD CONSTRAINT groups_pkey PRIMARY KEY (groupid);
            ALTER TABLE ONLY public.members ADD CONSTRAINT members_pkey PRIMARY KEY (userid, groupid);
            ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (eventid);
            """;
    private static final String TRUTH = """
            fk_table,fk_columns,pk_table,pk_columns
            public.members,userid,public.users,userid
            public.members,groupid,public.groups,groupid
            public.events,userid,public.users,userid
            """;

    private static Path dataset(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("shop"));
        Files.writeString(folder.resolve("schema.sql"), SCHEMA);
        Files.writeString(folder.resolve("truth.csv"), TRUTH);
        return folder;
    }

    @Test
    void aSchemaOnlyDatasetIsMeasuredWithGeneratedDataWhoseEdgesHold(@TempDir Path root) throws IOException {
        BenchmarkDataset shop = BenchmarkDataset.load(dataset(root));

        assertThat(shop.generated()).isTrue();
        assertThat(shop.hasData()).isTrue();
        assertThat(ModelTrainer.levels(shop)).containsExactly(StatisticsLevel.METADATA, StatisticsLevel.FULL);
        assertThat(shop.statistics(StatisticsLevel.FULL).tables()).hasSize(4);
        for (String[] edge : List.of(new String[] {"members", "userid", "users", "userid"},
                new String[] {"members", "groupid", "groups", "groupid"}, new String[] {"events", "userid", "users", "userid"})) {
            Containment containment = shop.probe().containment(ColumnSet.of(TableName.of("public", edge[0]), edge[1]),
                    ColumnSet.of(TableName.of("public", edge[2]), edge[3]), Optional.empty()).orElseThrow();
            assertThat(containment.ratio()).as(String.join(" ", edge)).isGreaterThanOrEqualTo(0.9);
        }
        // the same folder gives the same data
        assertThat(figures(BenchmarkDataset.load(root.resolve("shop")))).isEqualTo(figures(shop));
    }

    @Test
    void generatedCsvFilesReadBackAsTheSameStatistics(@TempDir Path root) throws IOException {
        Path folder = dataset(root);
        BenchmarkDataset generated = BenchmarkDataset.load(folder);
        var snapshot = PgDumpSchemaReader.read("test", SCHEMA, Map.of());
        TruthSet truth = TruthSet.load(folder.resolve("truth.csv"), Optional.empty());
        DataGenerator.generate(snapshot, truth.edges(), DataGenerator.seedOf("shop"))
                .writeCsv(snapshot, Files.createDirectories(folder.resolve("data")));

        BenchmarkDataset fromFiles = BenchmarkDataset.load(folder);

        assertThat(fromFiles.generated()).isFalse();
        assertThat(figures(fromFiles)).isEqualTo(figures(generated)).hasSize(11);
    }

    /** Per column: rows, NULLs, distinct values, min, max and the values themselves (sketches are byte arrays). */
    private static List<String> figures(BenchmarkDataset dataset) {
        List<String> figures = new java.util.ArrayList<>();
        dataset.statistics(StatisticsLevel.FULL).tables().values().forEach(table -> table.columns().values().forEach(column ->
                figures.add(column.column() + " " + column.rows() + " " + column.nulls() + " " + column.distinct() + " "
                        + column.min() + " " + column.max() + " " + column.values())));
        return figures;
    }
}
