package io.tacit.bench;

import static java.util.Objects.requireNonNull;

import io.tacit.config.Secret;
import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.InferenceResult;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaFilter;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.StatisticsLevel;
import io.tacit.model.Table;
import io.tacit.model.TableName;
import io.tacit.model.TableStatistics;
import io.tacit.run.DiscoveryOptions;
import io.tacit.run.DiscoveryPipeline;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scale figures of issue 3 on a real PostgreSQL schema: generates {@code tables} x {@code columnsPerTable}
 * columns ({@link ScaleSchemaGenerator}) in a fresh database {@code tacit_eval_scale} and prints medians of
 * discovery at level {@code engine} end to end, inference alone on the first 5k / 10k / 20k columns of that
 * schema (in creation order, see {@link #firstColumns}), the peak heap in use, and the floor for {@code engine}: the raw catalog queries plus the pg_stats
 * rows, drained without building anything ({@link SchemaReadBenchmark}).
 *
 * <p>Usage: {@code java -Xmx1g -cp ... io.tacit.bench.ScaleBenchmark [runs] [tables] [columns-per-table]
 * [rows-per-table]} (defaults 5, 1000, 20, 100); the server is {@code TACIT_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code TACIT_BENCH_PG_USER} (default {@code postgres}),
 * password from {@code TACIT_BENCH_PASSWORD}. The database is dropped at the end.
 */
public final class ScaleBenchmark {
    static final String DATABASE = "tacit_eval_scale";
    /**
     * Untimed rounds of every size before the timed ones (the end-to-end runs before them only ever infer on
     * the whole schema), so that no size is measured while the JIT is still compiling for it.
     */
    private static final int WARM_UP_ROUNDS = 3;

    private ScaleBenchmark() {
    }

    /**
     * Medians in milliseconds.
     *
     * @param discoveryMillis open a session, read the schema, engine statistics, inference, close
     * @param inferenceMillis inference alone (wall clock), by number of columns in the snapshot
     * @param inferenceCpuMillis the same runs' CPU time in the inferring thread: much less sensitive than the
     *                           wall clock to other processes on the machine (0 when the JVM cannot tell)
     * @param inferenceAllocatedMiB heap allocated by the inferring thread per run (0 when the JVM cannot tell)
     * @param inferenceCandidates candidates scored per run
     * @param pairedGrowth the median over repetitions of the largest size's time over the smallest's in the same
     *                     repetition (measured a second apart, so that a slower spell of the machine falls on both)
     * @param peakHeapMiB the highest heap in use during one end-to-end discovery (sum of the heap pools' peaks)
     * @param floorMillis the engine level's floor: catalog queries plus pg_stats rows, drained
     */
    public record Result(
            int tables,
            int columns,
            int runs,
            double discoveryMillis,
            Map<String, Long> discoveryStages,
            Map<Integer, Double> inferenceMillis,
            Map<Integer, Double> inferenceCpuMillis,
            Map<Integer, Double> inferenceAllocatedMiB,
            Map<Integer, Long> inferenceCandidates,
            double pairedGrowth,
            double peakHeapMiB,
            double maxHeapMiB,
            double catalogFloorMillis,
            double statsFloorMillis,
            double readSchemaMillis) {
        public Result {
            discoveryStages = Map.copyOf(discoveryStages);
            inferenceMillis = Map.copyOf(new TreeMap<>(inferenceMillis));
            inferenceCpuMillis = Map.copyOf(inferenceCpuMillis);
            inferenceAllocatedMiB = Map.copyOf(inferenceAllocatedMiB);
            inferenceCandidates = Map.copyOf(inferenceCandidates);
        }

        public double floorMillis() {
            return catalogFloorMillis + statsFloorMillis;
        }

        /** Inference time at the largest size over the smallest (linear growth 20k/5k is 4). */
        public double growth() {
            return growth(inferenceMillis);
        }

        /** The same growth in CPU time of the inferring thread. */
        public double cpuGrowth() {
            return growth(inferenceCpuMillis);
        }

        /** The same growth in candidates scored. */
        public double candidateGrowth() {
            Map<Integer, Double> counts = new TreeMap<>();
            inferenceCandidates.forEach((size, count) -> counts.put(size, count.doubleValue()));
            return growth(counts);
        }

        private static double growth(Map<Integer, Double> bySize) {
            TreeMap<Integer, Double> sorted = new TreeMap<>(bySize);
            return sorted.firstEntry().getValue() == 0 ? 0 : sorted.lastEntry().getValue() / sorted.firstEntry().getValue();
        }

        public String format() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "scale benchmark: PostgreSQL, %d tables, %d columns, medians of %d runs%n",
                    tables, columns, runs));
            text.append(String.format(Locale.ROOT, "  discovery at level engine, end to end  %9.1f ms%n", discoveryMillis));
            discoveryStages.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(stage -> text.append(
                    String.format(Locale.ROOT, "    %-36s %9d ms%n", stage.getKey(), stage.getValue())));
            text.append(String.format(Locale.ROOT, "  floor: catalog queries                 %9.1f ms%n", catalogFloorMillis));
            text.append(String.format(Locale.ROOT, "  floor: pg_stats rows                   %9.1f ms%n", statsFloorMillis));
            text.append(String.format(Locale.ROOT, "  readSchema alone                       %9.1f ms%n", readSchemaMillis));
            new TreeMap<>(inferenceMillis).forEach((size, millis) -> text.append(String.format(Locale.ROOT,
                    "  inference alone, %6d columns         %9.1f ms   (cpu %6.1f ms, %6.1f MiB allocated, %,d candidates)%n",
                    size, millis, inferenceCpuMillis.getOrDefault(size, 0.0), inferenceAllocatedMiB.getOrDefault(size, 0.0),
                    inferenceCandidates.getOrDefault(size, 0L))));
            text.append(String.format(Locale.ROOT, "  inference growth largest/smallest      %9.2f x   (cpu %.2f x, candidates %.2f x)%n",
                    growth(), cpuGrowth(), candidateGrowth()));
            text.append(String.format(Locale.ROOT, "  inference growth, paired by repetition %9.2f x   (median of each repetition's ratio)%n",
                    pairedGrowth));
            text.append(String.format(Locale.ROOT, "  peak heap used (max heap %.0f MiB)     %9.1f MiB%n", maxHeapMiB, peakHeapMiB));
            return text.toString();
        }
    }

    /**
     * @param admin a PostgreSQL superuser connection to a maintenance database; the benchmark database is created
     *              and dropped through it
     */
    public static Result run(ConnectionSettings admin, String database, int runs, int tables, int columnsPerTable,
            long rowsPerTable, List<Integer> inferenceSizes) {
        requireNonNull(admin, "admin is null");
        if (!database.matches("tacit_eval_[a-z0-9_]+")) {
            throw new IllegalArgumentException("the benchmark database must be named tacit_eval_*: " + database);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be 1 or more: " + runs);
        }
        execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute(admin, "CREATE DATABASE " + database);
        ConnectionSettings settings = new ConnectionSettings(withDatabase(admin.jdbcUrl(), database), admin.user(),
                admin.password(), admin.statementTimeout(), admin.profile());
        try {
            try (Connection connection = connect(settings)) {
                ScaleSchemaGenerator.generate(connection, tables, columnsPerTable, rowsPerTable);
            } catch (SQLException e) {
                throw new IllegalStateException("generating the scale schema failed: " + e.getMessage(), e);
            }
            DiscoveryOptions options = new DiscoveryOptions(SchemaFilter.all(), StatisticsLevel.ENGINE, true,
                    InferenceSettings.DEFAULTS);
            RunContext context = new RunContext(new RunId("tacit-scale-benchmark"), "benchmark", Instant.EPOCH);

            // warm-up, then the timed end-to-end runs; the peak heap is taken over the timed runs
            InferenceResult result = discover(settings, options, context);
            double[] discovery = new double[runs];
            Map<String, double[]> stages = new LinkedHashMap<>();
            resetPeaks();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                result = discover(settings, options, context);
                discovery[i] = millisSince(start);
                for (Map.Entry<String, Long> stage : result.stageMillis().entrySet()) {
                    stages.computeIfAbsent(stage.getKey(), key -> new double[runs])[i] = stage.getValue();
                }
            }
            double peak = peakHeapMiB();
            Map<String, Long> stageMedians = new LinkedHashMap<>();
            stages.forEach((stage, values) -> stageMedians.put(stage, Math.round(SchemaReadBenchmark.median(values))));

            SchemaSnapshot full = result.snapshot();
            Statistics statistics;
            try (JdbcSource source = JdbcSource.open(settings)) {
                statistics = source.statistics().collect(full, StatisticsLevel.ENGINE, ProgressListener.NONE);
            }
            // the sizes take turns within each repetition, so that load from other processes falls on all alike.
            // (A System.gc() before each timed run made the largest size slower, not fairer: about 6 x the CPU
            // time of the smallest instead of 4 x, as the heap shrank after each full collection.)
            RelationshipInference engine = new RelationshipInference(InferenceSettings.DEFAULTS);
            List<SchemaSnapshot> subsets = inferenceSizes.stream().map(size -> firstColumns(full, size)).toList();
            List<Statistics> subsetStatistics = subsets.stream().map(subset -> restrict(statistics, subset)).toList();
            double[][] times = new double[subsets.size()][runs];
            double[][] cpu = new double[subsets.size()][runs];
            double[][] allocated = new double[subsets.size()][runs];
            long[] candidates = new long[subsets.size()];
            for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
                for (int k = 0; k < subsets.size(); k++) {
                    engine.infer(context, subsets.get(k), subsetStatistics.get(k), ValueProbe.NONE, ProgressListener.NONE);
                }
            }
            // Each timed sample infers about as many columns as the largest size: 4 x 5k, 2 x 10k, 1 x 20k back to
            // back, and reports the time of one. The heap then fills as fast for every size, so that a young
            // collection falls into the samples of every size alike (one 5k inference allocates a quarter of
            // what triggers a collection: timed alone, its median never held one and the 20k's always did).
            int largest = subsets.stream().mapToInt(SchemaSnapshot::columnCount).max().orElse(1);
            int[] repeats = subsets.stream().mapToInt(subset -> Math.max(1,
                    (int) Math.round((double) largest / Math.max(1, subset.columnCount())))).toArray();
            ThreadCost cost = new ThreadCost();
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < subsets.size(); k++) {
                    ThreadCost.Mark mark = cost.mark();
                    long start = System.nanoTime();
                    InferenceResult inferred = null;
                    for (int repeat = 0; repeat < repeats[k]; repeat++) {
                        inferred = engine.infer(context, subsets.get(k), subsetStatistics.get(k), ValueProbe.NONE,
                                ProgressListener.NONE);
                    }
                    times[k][i] = millisSince(start) / repeats[k];
                    cpu[k][i] = cost.cpuMillisSince(mark) / repeats[k];
                    allocated[k][i] = cost.allocatedMiBSince(mark) / repeats[k];
                    candidates[k] = inferred.candidatesConsidered();
                }
            }
            double[] paired = new double[runs];
            for (int i = 0; i < runs; i++) {
                paired[i] = times[0][i] == 0 ? 0 : times[subsets.size() - 1][i] / times[0][i];
            }
            Map<Integer, Double> inference = new LinkedHashMap<>();
            Map<Integer, Double> inferenceCpu = new LinkedHashMap<>();
            Map<Integer, Double> inferenceAllocated = new LinkedHashMap<>();
            Map<Integer, Long> inferenceCandidates = new LinkedHashMap<>();
            for (int k = 0; k < subsets.size(); k++) {
                int size = subsets.get(k).columnCount();
                inference.put(size, SchemaReadBenchmark.median(times[k]));
                inferenceCpu.put(size, SchemaReadBenchmark.median(cpu[k]));
                inferenceAllocated.put(size, SchemaReadBenchmark.median(allocated[k]));
                inferenceCandidates.put(size, candidates[k]);
            }

            SchemaReadBenchmark.Result floor = SchemaReadBenchmark.run(settings, runs);
            double maxHeap = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
            return new Result(full.tables().size(), full.columnCount(), runs, SchemaReadBenchmark.median(discovery),
                    stageMedians, inference, inferenceCpu, inferenceAllocated, inferenceCandidates,
                    SchemaReadBenchmark.median(paired), peak, maxHeap, floor.catalogFloorMillis().orElse(0),
                    floor.statsFloorMillis().orElse(0), floor.readSchemaMillis());
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static InferenceResult discover(ConnectionSettings settings, DiscoveryOptions options, RunContext context) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            return new DiscoveryPipeline(new RelationshipInference(options.inference()), ProgressListener.NONE)
                    .discover(context, source, options);
        }
    }

    /**
     * The first tables in creation order ({@link ScaleSchemaGenerator#tableName}) holding about {@code columns}
     * columns, in the snapshot's order. Every reference column of such a prefix points at a table inside it, so
     * each size is a complete schema of the same shape. (A prefix by table name, as before, kept the reference
     * columns of the tables it held but only the targets whose names sorted early: the share of resolvable
     * references, and so the candidates and relationships, grew with the size, about 13 x candidates for 4 x
     * columns, which made inference look quadratic.) Tables not named by the generator are taken last, by name.
     */
    static SchemaSnapshot firstColumns(SchemaSnapshot snapshot, int columns) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Table table : snapshot.tables()) {
            byName.put(table.name().table(), table);
        }
        List<Table> ordered = new java.util.ArrayList<>();
        for (int t = 0; t < byName.size(); t++) {
            Table table = byName.get(ScaleSchemaGenerator.tableName(t));
            if (table == null) {
                break;
            }
            ordered.add(table);
        }
        Set<Table> generated = new java.util.HashSet<>(ordered);
        snapshot.tables().stream().filter(table -> !generated.contains(table)).forEach(ordered::add);
        int count = 0;
        Set<TableName> kept = new java.util.HashSet<>();
        for (Table table : ordered) {
            if (count >= columns) {
                break;
            }
            count += table.columns().size();
            kept.add(table.name());
        }
        return new SchemaSnapshot(snapshot.source(), snapshot.product(), snapshot.readAt(),
                snapshot.tables().stream().filter(table -> kept.contains(table.name())).toList(), List.of());
    }

    static Statistics restrict(Statistics statistics, SchemaSnapshot snapshot) {
        Set<TableName> names = snapshot.tables().stream().map(Table::name).collect(Collectors.toSet());
        Map<TableName, TableStatistics> kept = new TreeMap<>();
        statistics.tables().forEach((name, table) -> {
            if (names.contains(name)) {
                kept.put(name, table);
            }
        });
        return new Statistics(statistics.level(), kept);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static void execute(ConnectionSettings settings, String sql) {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(ConnectionSettings settings) throws SQLException {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + parameters;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int columnsPerTable = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long rowsPerTable = args.length > 3 ? Long.parseLong(args[3]) : 100;
        String url = Optional.ofNullable(System.getenv("TACIT_BENCH_PG_URL")).orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = Optional.ofNullable(System.getenv("TACIT_BENCH_PG_USER")).orElse("postgres");
        Secret password = Optional.ofNullable(System.getenv("TACIT_BENCH_PASSWORD"))
                .map(value -> Secret.of(value, "TACIT_BENCH_PASSWORD")).orElse(null);
        int total = tables * columnsPerTable;
        List<Integer> sizes = Arrays.stream(new int[] {total / 4, total / 2, total}).boxed().toList();
        System.out.print(run(ConnectionSettings.of(url, user, password), DATABASE, runs, tables, columnsPerTable, rowsPerTable,
                sizes).format());
    }
}
