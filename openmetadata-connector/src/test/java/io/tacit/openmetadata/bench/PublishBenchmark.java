package io.tacit.openmetadata.bench;

import io.tacit.config.Secret;
import io.tacit.model.Cardinality;
import io.tacit.model.Column;
import io.tacit.model.ColumnSet;
import io.tacit.model.DataType;
import io.tacit.model.Evidence;
import io.tacit.model.InferenceResult;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.Origin;
import io.tacit.model.Provenance;
import io.tacit.model.Relationship;
import io.tacit.model.RelationshipKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.openmetadata.ClientSettings;
import io.tacit.openmetadata.OpenMetadataClient;
import io.tacit.openmetadata.OpenMetadataPlan;
import io.tacit.openmetadata.OpenMetadataPublisher;
import io.tacit.openmetadata.PublishOptions;
import io.tacit.openmetadata.fake.FakeOpenMetadata;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Prints how long publishing 2,000 inferred edges into the fake OpenMetadata over loopback takes (1,000
 * referencing tables with two inferred foreign keys each, 50 referenced tables): the first run (plan reads
 * every table and its lineage; apply creates tags and properties, patches every table with constraints,
 * tags and properties, writes joins and lineage) and a second run that finds nothing to change. Every request
 * body is schema-validated by the fake, as in the tests. Medians of several runs, each on a fresh fake. Run:
 * {@code mvn -B -o -q -pl openmetadata-connector -am -Pom-benchmark -DskipTests test}
 * (system properties {@code edges}, {@code runs}, {@code concurrency}: defaults 2000, 5, 8).
 */
public final class PublishBenchmark {
    private static final String TOKEN = "bench-token";

    private PublishBenchmark() {
    }

    public static void main(String[] args) {
        int edges = Integer.getInteger("edges", 2000);
        int runs = Integer.getInteger("runs", 5);
        int concurrency = Integer.getInteger("concurrency", 8);
        int facts = edges / 2;
        int dims = 50;
        long[] first = new long[runs];
        long[] firstPlan = new long[runs];
        long[] second = new long[runs];
        long requestsFirst = 0;
        long writesFirst = 0;
        long requestsSecond = 0;
        for (int round = 0; round < runs; round++) {
            try (FakeOpenMetadata fake = catalog(facts, dims)) {
                RunContext run = new RunContext(new RunId("tacit-bench-" + round + "-a"), "bench", Instant.now());
                InferenceResult result = result(run, facts, dims);
                long start = System.nanoTime();
                PublishReport report;
                try (OpenMetadataPublisher publisher = publisher(fake, run, concurrency)) {
                    OpenMetadataPlan plan = publisher.plan(result, ProgressListener.NONE);
                    firstPlan[round] = System.nanoTime() - start;
                    report = publisher.apply(plan, ProgressListener.NONE);
                }
                first[round] = System.nanoTime() - start;
                check(report.failures() == 0 && report.added() >= edges, "first run failed: " + report.failures() + " failures, "
                        + report.added() + " added");
                check(fake.violations().isEmpty(), "the fake refused payloads: " + fake.violations());
                requestsFirst = fake.writes().size();
                writesFirst = fake.writes().stream().filter(write -> !write.endsWith("/pipelineStatus")).count();

                fake.clearWrites();
                RunContext again = new RunContext(new RunId("tacit-bench-" + round + "-b"), "bench", Instant.now());
                start = System.nanoTime();
                try (OpenMetadataPublisher publisher = publisher(fake, again, concurrency)) {
                    OpenMetadataPlan plan = publisher.plan(result(again, facts, dims), ProgressListener.NONE);
                    check(plan.isEmpty(), "second run planned changes");
                    report = publisher.apply(plan, ProgressListener.NONE);
                }
                second[round] = System.nanoTime() - start;
                check(report.failures() == 0, "second run failed");
                requestsSecond = fake.writes().stream().filter(write -> !write.endsWith("/pipelineStatus")).count();
            }
        }
        System.out.printf(Locale.ROOT, "OpenMetadata publish benchmark: %d edges, %d referencing tables, %d referenced tables, "
                + "concurrency %d, %d runs on loopback (fake server validates every body)%n", edges, facts, dims, concurrency, runs);
        System.out.printf(Locale.ROOT, "  first publish : median %.2f s (plan %.2f s), %d successful writes (%d excluding run status)%n",
                median(first), median(firstPlan), requestsFirst, writesFirst);
        System.out.printf(Locale.ROOT, "  no-change run : median %.2f s, %d writes%n", median(second), requestsSecond);
        System.out.printf(Locale.ROOT, "  all first-publish times (s): %s%n", seconds(first));
    }

    private static OpenMetadataPublisher publisher(FakeOpenMetadata fake, RunContext run, int concurrency) {
        ClientSettings settings = new ClientSettings(fake.url(), Secret.of(TOKEN, "bench"), Duration.ofSeconds(30), 4,
                Duration.ofMillis(100), concurrency, 500);
        PublishOptions options = PublishOptions.defaults("bench", "benchdb");
        return new OpenMetadataPublisher(new OpenMetadataClient(settings), options, run, false, Clock.systemUTC());
    }

    private static FakeOpenMetadata catalog(int facts, int dims) {
        FakeOpenMetadata fake = new FakeOpenMetadata("1.4.0", TOKEN);
        fake.addService("bench");
        fake.addDatabase("bench", "benchdb");
        fake.addSchema("bench.benchdb", "public");
        for (int i = 0; i < dims; i++) {
            fake.addTable("bench.benchdb.public", dim(i), "id:INT:PRIMARY_KEY", "name:VARCHAR");
        }
        for (int i = 0; i < facts; i++) {
            fake.addTable("bench.benchdb.public", fact(i), "id:BIGINT:PRIMARY_KEY", "first_dim_id:INT", "second_dim_id:INT",
                    "amount:DECIMAL");
        }
        return fake;
    }

    private static InferenceResult result(RunContext run, int facts, int dims) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            tables.add(table(dim(i), "id", "name"));
        }
        for (int i = 0; i < facts; i++) {
            tables.add(table(fact(i), "id", "first_dim_id", "second_dim_id", "amount"));
        }
        SchemaSnapshot snapshot = new SchemaSnapshot("bench", "bench", run.startedAt(), tables, List.of());
        List<Relationship> relationships = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            relationships.add(edge(run, fact(i), "first_dim_id", dim(i % dims), 0.95));
            relationships.add(edge(run, fact(i), "second_dim_id", dim((i + 7) % dims), 0.75));
        }
        return new InferenceResult(run, snapshot, StatisticsLevel.SAMPLE, relationships, relationships.size(), Map.of());
    }

    private static Relationship edge(RunContext run, String from, String column, String to, double confidence) {
        Provenance provenance = new Provenance(run.runId(), "bench", run.startedAt(), "bench",
                List.of(new Evidence("name-affinity", 0.9, 1.0, column + " names " + to),
                        new Evidence("containment", 1.0, 2.0, "all distinct values found in " + to + ".id")),
                Optional.empty());
        return new Relationship(ColumnSet.of(TableName.of("public", from), column), ColumnSet.of(TableName.of("public", to), "id"),
                RelationshipKind.FOREIGN_KEY, Origin.INFERRED, Cardinality.MANY_TO_ONE, confidence, Optional.empty(), provenance);
    }

    private static Table table(String name, String... columns) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            list.add(Column.of(columns[i], i + 1, DataType.of("int4", 4, TypeFamily.INTEGER), true));
        }
        return new Table(TableName.of("public", name), TableKind.TABLE, list,
                Optional.of(new Key(KeyKind.PRIMARY, name + "_pkey", List.of("id"))), List.of(), Optional.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    private static String dim(int i) {
        return String.format(Locale.ROOT, "dim_%02d", i);
    }

    private static String fact(int i) {
        return String.format(Locale.ROOT, "fact_%04d", i);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double middle = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return middle / 1e9;
    }

    private static String seconds(long[] nanos) {
        List<String> values = new ArrayList<>();
        for (long value : nanos) {
            values.add(String.format(Locale.ROOT, "%.2f", value / 1e9));
        }
        return String.join(", ", values);
    }
}
