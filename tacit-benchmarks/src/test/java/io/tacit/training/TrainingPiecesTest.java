package io.tacit.training;

import io.tacit.inference.scoring.ScoringModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.inference.calibration.IsotonicCalibration;
import io.tacit.model.ColumnSet;
import io.tacit.model.Containment;
import io.tacit.model.Discriminator;
import io.tacit.model.KeyKind;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPiecesTest {
    private static final String DUMP = """
            CREATE DOMAIN public."Name" AS character varying(50);
            CREATE FUNCTION public.f() RETURNS trigger AS $$ BEGIN x := 'a;b'; END $$ LANGUAGE plpgsql;
            CREATE TABLE public.payment (
                payment_id integer DEFAULT nextval('public.payment_seq'::regclass) NOT NULL,
                customer_id smallint NOT NULL,
                note public."Name",
                CONSTRAINT payment_check CHECK ((customer_id > 0))
            )
            PARTITION BY RANGE (payment_id);
            CREATE TABLE public.payment_p1 (
                payment_id integer NOT NULL,
                customer_id smallint NOT NULL,
                note public."Name"
            );
            CREATE TABLE public.payment_old (
                CONSTRAINT c CHECK ((payment_id > 0))
            )
            INHERITS (public.payment);
            CREATE TABLE public.customer (customer_id integer NOT NULL, email text, store_id integer GENERATED ALWAYS AS IDENTITY);
            ALTER TABLE ONLY public.payment_p1 ALTER COLUMN payment_id SET DEFAULT nextval('public.payment_p1_seq'::regclass);
            ALTER TABLE ONLY public.customer
                ADD CONSTRAINT customer_pkey PRIMARY KEY (customer_id);
            CREATE UNIQUE INDEX customer_email ON public.customer USING btree (email);
            CREATE UNIQUE INDEX customer_lower ON public.customer USING btree (lower(email));
            ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p1 FOR VALUES FROM (1) TO (10);
            COMMENT ON COLUMN public.payment.customer_id IS 'Foreign key to the customer''s table';
            """;

    @Test
    void readsTablesKeysPartitionsInheritanceDomainsAndComments() {
        SchemaSnapshot snapshot = PgDumpSchemaReader.read("test", DUMP, Map.of());
        Table payment = snapshot.table(TableName.of("public", "payment")).orElseThrow();
        assertThat(payment.kind()).isEqualTo(TableKind.PARTITIONED_TABLE);
        assertThat(payment.columns()).extracting(column -> column.name()).containsExactly("payment_id", "customer_id", "note");
        assertThat(payment.column("note").orElseThrow().type().family()).isEqualTo(TypeFamily.STRING);
        assertThat(payment.column("customer_id").orElseThrow().comment()).contains("Foreign key to the customer's table");
        assertThat(snapshot.table(TableName.of("public", "payment_p1")).orElseThrow().parent())
                .contains(TableName.of("public", "payment"));
        Table old = snapshot.table(TableName.of("public", "payment_old")).orElseThrow();
        assertThat(old.parent()).contains(TableName.of("public", "payment"));
        assertThat(old.columns()).extracting(column -> column.name()).containsExactly("payment_id", "customer_id", "note");
        Table customer = snapshot.table(TableName.of("public", "customer")).orElseThrow();
        assertThat(customer.primaryKey().orElseThrow().columns()).containsExactly("customer_id");
        // column defaults tell a generated key (sequence, identity) from a copied one
        assertThat(payment.column("payment_id").orElseThrow().defaultValue()).contains("nextval('public.payment_seq'::regclass)");
        assertThat(snapshot.table(TableName.of("public", "payment_p1")).orElseThrow().column("payment_id").orElseThrow()
                .defaultValue()).contains("nextval('public.payment_p1_seq'::regclass)");
        assertThat(customer.column("store_id").orElseThrow().defaultValue()).contains("GENERATED ALWAYS AS IDENTITY");
        assertThat(customer.column("email").orElseThrow().defaultValue()).isEmpty();
        assertThat(customer.uniqueKeys()).singleElement().satisfies(key -> {
            assertThat(key.kind()).isEqualTo(KeyKind.UNIQUE_INDEX);
            assertThat(key.columns()).containsExactly("email");
        });
    }

    @Test
    void scoringModelRoundTripsAndCalibratesValueEvidenceApart() {
        ScoringModel model = new ScoringModel(-1.5, Map.of("a.x", 2.0),
                new IsotonicCalibration(new double[] {0.0, 1.0}, new double[] {0.0, 0.5}),
                new IsotonicCalibration(new double[] {0.0, 1.0}, new double[] {0.0, 1.0}));
        ScoringModel read = ScoringModel.parse(model.format(List.of("test")));
        assertThat(read.format(List.of("test"))).isEqualTo(model.format(List.of("test")));
        var metadataOnly = List.of(io.tacit.inference.signals.Measurement.of("a", 1, "x", "x", 1));
        var withValues = List.of(io.tacit.inference.signals.Measurement.of("a", 1, "x", "x", 1),
                io.tacit.inference.signals.Measurement.of("containment", 1, "all found", "ratio", 1));
        assertThat(read.confidence(withValues)).isGreaterThan(read.confidence(metadataOnly));
        assertThat(read.rawProbability(metadataOnly)).isCloseTo(1 / (1 + Math.exp(-0.5)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void csvKeepsNullApartFromTheEmptyStringAndQuotedLineBreaks() {
        List<List<String>> records = CsvRecords.parse("a,b,c\n1,,\"\"\n2,\"x,\n\"\"y\"\"\",z\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1)).containsExactly("1", null, "");
        assertThat(records.get(2)).containsExactly("2", "x,\n\"y\"", "z");
    }

    @Test
    void logisticRegressionSeparatesAndKeepsUnseenFeaturesAtTheirPrior() {
        List<LogisticRegression.Example> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            examples.add(new LogisticRegression.Example(Map.of("good", 1.0), i % 10 != 0, 1));
            examples.add(new LogisticRegression.Example(Map.of("bad", 1.0), i % 10 == 0, 1));
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(examples, 0.1, 30, Map.of("unseen", 2.0));
        assertThat(fit.weights().get("good")).isGreaterThan(fit.weights().get("bad") + 2);
        // no example shows it (a convention only a held-out dataset uses): it keeps its prior, it is not dropped
        assertThat(fit.weights().get("unseen")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        LogisticRegression.Fit again = LogisticRegression.fit(examples, 0.1, 30, Map.of("unseen", 2.0));
        assertThat(again).isEqualTo(fit);
    }

    @Test
    void isotonicCalibrationIsMonotoneAndTracksObservedRates() {
        double[] raw = new double[100];
        boolean[] outcome = new boolean[100];
        for (int i = 0; i < 100; i++) {
            raw[i] = i / 100.0;
            outcome[i] = i % 4 != 0 && i >= 50;
        }
        IsotonicCalibration calibration = IsotonicFit.fit(raw, outcome, 0);
        assertThat(calibration.apply(0.2)).isLessThan(0.1);
        assertThat(calibration.apply(0.8)).isBetween(0.6, 0.9);
        double previous = 0;
        for (double x = 0; x <= 1; x += 0.01) {
            assertThat(calibration.apply(x)).isGreaterThanOrEqualTo(previous - 1e-12);
            previous = calibration.apply(x);
        }
    }

    @Test
    void benchmarkDatasetReadsTruthStatisticsAndAnExactProbe() {
        Path folder = Path.of(System.getProperty("tacit.benchmarks", "../shared/benchmarks"), "chinook");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(folder),
                "shared benchmarks not found at " + folder);
        BenchmarkDataset chinook = BenchmarkDataset.load(folder);
        assertThat(chinook.truth()).hasSize(11).contains("public.employee(reports_to)->public.employee(employee_id)");
        assertThat(chinook.hasData()).isTrue();
        assertThat(chinook.statistics(StatisticsLevel.FULL).table(TableName.of("public", "track")).orElseThrow().rows())
                .isEqualTo(3503);
        Containment containment = chinook.probe().containment(
                ColumnSet.of(TableName.of("public", "track"), "album_id"),
                ColumnSet.of(TableName.of("public", "album"), "album_id")).orElseThrow();
        assertThat(containment.ratio()).isEqualTo(1.0);
        assertThat(containment.orphanRows()).isZero();
        Containment wrong = chinook.probe().containment(
                ColumnSet.of(TableName.of("public", "track"), "milliseconds"),
                ColumnSet.of(TableName.of("public", "album"), "album_id")).orElseThrow();
        assertThat(wrong.ratio()).isLessThan(0.1);
    }

    @Test
    void nestedHeldOutScoresEveryDatasetWithAModelThatNeverSawIt() {
        Path root = Path.of(System.getProperty("tacit.benchmarks", "../shared/benchmarks"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(root.resolve("chinook")),
                "shared benchmarks not found at " + root);
        java.util.List<BenchmarkDataset> datasets = java.util.stream.Stream.of("chinook", "northwind", "oracle_hr")
                .map(name -> BenchmarkDataset.load(root.resolve(name))).toList();
        String report = ModelTrainer.nested(datasets);
        assertThat(report).contains("| chinook | metadata | 11 |", "| chinook | full | 11 |", "| northwind | full | 13 |",
                "| oracle_hr | metadata | 10 |", "nested leave-one-dataset-out at confidence >= 0.50");
        // the same held-out dataset scored by the model trained without it, as `without` writes it
        ScoringModel withoutChinook = ModelTrainer.train(datasets.subList(1, 3)).model();
        long found = ModelTrainer.predict(datasets.get(0), StatisticsLevel.FULL, withoutChinook).stream()
                .filter(prediction -> prediction.raw() >= 0.5 && prediction.positive()).count();
        assertThat(report).contains(String.format(java.util.Locale.ROOT, "| chinook | full | 11 | %d |", found));
    }

    @Test
    void benchmarkProbeChecksEachPolymorphicPartitionLikeTheDatabase(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("schema.sql"), """
                CREATE TABLE public.posts (id integer NOT NULL);
                CREATE TABLE public.photos (id integer NOT NULL);
                CREATE TABLE public.comments (id integer NOT NULL, commentable_type character varying(20), commentable_id integer);
                ALTER TABLE ONLY public.posts ADD CONSTRAINT posts_pkey PRIMARY KEY (id);
                ALTER TABLE ONLY public.photos ADD CONSTRAINT photos_pkey PRIMARY KEY (id);
                """);
        Files.writeString(folder.resolve("truth.csv"), "fk_table,fk_columns,pk_table,pk_columns\n");
        Files.createDirectory(folder.resolve("data"));
        Files.writeString(folder.resolve("data/posts.csv"), "id\n1\n2\n3\n4\n");
        Files.writeString(folder.resolve("data/photos.csv"), "id\n1\n2\n");
        // Post rows: posts 1, 2; Photo rows: 3, 4 (posts, no photos); one Photo row without an id
        Files.writeString(folder.resolve("data/comments.csv"),
                "id,commentable_type,commentable_id\n1,Post,1\n2,Post,2\n3,Photo,3\n4,Photo,4\n5,Photo,4\n6,Photo,\n");
        BenchmarkDataset dataset = BenchmarkDataset.load(folder);
        ColumnSet commentable = ColumnSet.of(TableName.of("public", "comments"), "commentable_id");
        ColumnSet photos = ColumnSet.of(TableName.of("public", "photos"), "id");

        assertThat(dataset.probe().containment(commentable, ColumnSet.of(TableName.of("public", "posts"), "id"),
                Optional.of(new Discriminator("commentable_type", "Post")))).contains(new Containment(2, 2, 0, true));
        assertThat(dataset.probe().containment(commentable, photos, Optional.of(new Discriminator("commentable_type", "Photo"))))
                .contains(new Containment(2, 0, 3, true));
        assertThat(dataset.probe().containment(commentable, photos)).contains(new Containment(4, 2, 3, true));
        assertThat(dataset.probe().containment(commentable, photos, Optional.of(new Discriminator("no_such_column", "Photo"))))
                .isEmpty();
    }
}
