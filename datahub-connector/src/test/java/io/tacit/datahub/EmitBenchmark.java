package io.tacit.datahub;

import io.tacit.model.Relationship;
import io.tacit.model.RunContext;
import io.tacit.model.Table;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.PublishReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * Prints how long publishing 2,000 inferred edges to the fake GMS over loopback takes: a first run (plan reads
 * everything, apply writes every relationship entity, merged foreign keys, tags and lineage; each proposal is
 * validated against the pegasus schemas by the fake) and a no-change re-run. Medians of several runs, each on
 * a fresh fake. Run:
 * {@code mvn -B -o -q -pl datahub-connector -am -Pdatahub-benchmark -DskipTests test}
 * (system properties {@code edges}, {@code runs}, {@code concurrency} change the defaults 2000, 5, 8).
 */
public final class EmitBenchmark {
    private EmitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int edgeCount = Integer.getInteger("edges", 2000);
        int runs = Integer.getInteger("runs", 5);
        String concurrency = String.valueOf(Integer.getInteger("concurrency", 8));
        // 2 outgoing edges per referencing table: t_i.a_id -> t_{i+1}.id, t_i.b_id -> t_{i+2}.id
        int tableCount = edgeCount / 2 + 2;
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            tables.add(Fixtures.table("public", "t" + i, "id", "a_id", "b_id"));
        }
        long[] first = new long[runs];
        long[] again = new long[runs];
        int proposals = 0;
        for (int r = 0; r < runs; r++) {
            FakeGms gms = new FakeGms();
            try (MockWebServer server = gms.serve()) {
                Fixtures.ingest(gms, tables);
                RunContext run = Fixtures.run("bench-" + r);
                List<Relationship> edges = edges(run, edgeCount);
                long start = System.nanoTime();
                PublishReport report = publish(server, gms, run, tables, edges, concurrency);
                first[r] = System.nanoTime() - start;
                proposals = gms.accepted().size();
                if (report.failures() > 0 || !gms.violations().isEmpty()) {
                    throw new IllegalStateException("benchmark run failed: " + report.failures() + " failures, "
                            + gms.violations().stream().limit(3).toList());
                }
                RunContext rerun = Fixtures.run("bench-" + r + "-again");
                start = System.nanoTime();
                publish(server, gms, rerun, tables, edges(rerun, edgeCount), concurrency);
                again[r] = System.nanoTime() - start;
            }
        }
        System.out.printf(Locale.ROOT, "datahub emit benchmark: %d edges, %d tables, %d proposals, concurrency %s, %d runs%n",
                edgeCount, tableCount, proposals, concurrency, runs);
        System.out.printf(Locale.ROOT, "  first run (plan + apply):   median %.2f s  (runs: %s)%n", median(first), seconds(first));
        System.out.printf(Locale.ROOT, "  no-change re-run (plan):    median %.2f s  (runs: %s)%n", median(again), seconds(again));
    }

    private static PublishReport publish(MockWebServer server, FakeGms gms, RunContext run, List<Table> tables,
                                         List<Relationship> edges, String concurrency) {
        Map<String, String> values = new HashMap<>(Map.of(
                "serverUrl", "http://" + server.getHostName() + ":" + server.getPort(),
                "token", FakeGms.TOKEN, "platform", "postgres", "database", "shop", "concurrency", concurrency));
        MapConfigSection section = new MapConfigSection(new DataHubPublisherFactory().settings(), values);
        try (DataHubPublisher publisher = (DataHubPublisher) new DataHubPublisherFactory().create(section, run, false)) {
            long start = System.nanoTime();
            DataHubPlan plan = publisher.plan(Fixtures.result(run, tables, edges), ProgressListener.NONE);
            long planned = System.nanoTime();
            PublishReport report = publisher.apply(plan, ProgressListener.NONE);
            if (Boolean.getBoolean("verbose")) {
                System.out.printf(Locale.ROOT, "    plan %.2f s, apply %.2f s (%d proposals)%n", (planned - start) / 1e9,
                        (System.nanoTime() - planned) / 1e9, plan.proposalCount());
            }
            return report;
        }
    }

    private static List<Relationship> edges(RunContext run, int count) {
        List<Relationship> edges = new ArrayList<>();
        for (int i = 0; edges.size() < count; i++) {
            edges.add(Fixtures.edge(run, "t" + i, "a_id", "t" + (i + 1), "id", 0.75 + (i % 25) / 100.0));
            if (edges.size() < count) {
                edges.add(Fixtures.edge(run, "t" + i, "b_id", "t" + (i + 2), "id", 0.55 + (i % 40) / 100.0));
            }
        }
        return edges;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double value = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return value / 1e9;
    }

    private static String seconds(long[] nanos) {
        StringBuilder text = new StringBuilder();
        for (long value : nanos) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(String.format(Locale.ROOT, "%.2f", value / 1e9));
        }
        return text.toString();
    }
}
