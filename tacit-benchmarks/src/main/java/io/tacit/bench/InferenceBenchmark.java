package io.tacit.bench;

import io.tacit.inference.InferenceSettings;
import io.tacit.inference.RelationshipInference;
import io.tacit.model.Column;
import io.tacit.model.DataType;
import io.tacit.model.InferenceResult;
import io.tacit.model.Key;
import io.tacit.model.KeyKind;
import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import io.tacit.model.SchemaSnapshot;
import io.tacit.model.Statistics;
import io.tacit.model.Table;
import io.tacit.model.TableKind;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import io.tacit.spi.ProgressListener;
import io.tacit.spi.ValueProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Times inference alone (no database) on synthetic metadata snapshots of growing size and prints the median of
 * several runs and the heap in use, to check that the candidate index keeps work about linear in columns.
 *
 * <p>Usage: {@code java -Xmx1g -cp ... io.tacit.bench.InferenceBenchmark [runs] [columns...]}
 * (default 5 runs at 5000 10000 20000 columns). Each table has 20 columns: an {@code id} key, references named
 * {@code <table>_id} to a few random other tables, a self reference {@code parent_id} now and then, and
 * ordinary columns with repeated names ({@code name}, {@code amount}, {@code created_at}, ...).
 */
public final class InferenceBenchmark {
    private static final int COLUMNS_PER_TABLE = 20;
    private static final DataType INT = new DataType("int4", 4, TypeFamily.INTEGER, 0);
    private static final DataType TEXT = new DataType("varchar", 12, TypeFamily.STRING, 100);
    private static final DataType NUMBER = new DataType("numeric", 2, TypeFamily.DECIMAL, 12);
    private static final DataType TIME = new DataType("timestamp", 93, TypeFamily.TIMESTAMP, 0);
    private static final String[] WORDS = {"account", "order", "invoice", "product", "customer", "supplier", "region",
        "shipment", "payment", "employee", "store", "category", "warehouse", "contract", "ticket", "project"};

    private InferenceBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {5_000, 10_000, 20_000};
        RelationshipInference inference = new RelationshipInference(InferenceSettings.DEFAULTS);
        RunContext run = new RunContext(new RunId("tacit-benchmark"), "benchmark", Instant.EPOCH);
        // warm up the JIT on the smallest size
        inference.infer(run, snapshot(sizes[0]), Statistics.none(), ValueProbe.NONE, ProgressListener.NONE);
        double first = 0;
        System.out.println("| columns | tables | candidates | inferred | median ms | heap used MiB |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int size : sizes) {
            SchemaSnapshot snapshot = snapshot(size);
            long[] millis = new long[runs];
            InferenceResult result = null;
            long heap = 0;
            for (int i = 0; i < runs; i++) {
                System.gc();
                long start = System.nanoTime();
                result = inference.infer(run, snapshot, Statistics.none(), ValueProbe.NONE, ProgressListener.NONE);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                Runtime runtime = Runtime.getRuntime();
                heap = Math.max(heap, runtime.totalMemory() - runtime.freeMemory());
            }
            Arrays.sort(millis);
            long median = millis[runs / 2];
            if (first == 0) {
                first = Math.max(1, median);
            }
            System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %d | %d |%n", snapshot.columnCount(),
                    snapshot.tables().size(), result.candidatesConsidered(), result.inferred().size(), median,
                    heap / (1024 * 1024));
        }
    }

    /** A deterministic synthetic schema of about {@code columns} columns. */
    static SchemaSnapshot snapshot(int columns) {
        int tables = Math.max(2, columns / COLUMNS_PER_TABLE);
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            names.add(WORDS[t % WORDS.length] + "_" + t);
        }
        List<Table> built = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            TableName name = TableName.of("s" + (t % 10), names.get(t));
            List<Column> list = new ArrayList<>();
            list.add(Column.of("id", 1, INT, false));
            int references = 1 + random.nextInt(4);
            for (int r = 0; r < references; r++) {
                list.add(Column.of(names.get(random.nextInt(tables)) + "_id", list.size() + 1, INT, true));
            }
            if (random.nextInt(10) == 0) {
                list.add(Column.of("parent_id", list.size() + 1, INT, true));
            }
            String[] plain = {"name", "code", "amount", "status", "created_at", "updated_at", "note", "quantity"};
            while (list.size() < COLUMNS_PER_TABLE) {
                int k = list.size();
                String column = plain[k % plain.length] + (k >= plain.length ? "_" + k : "");
                DataType type = column.startsWith("amount") ? NUMBER : column.startsWith("created") || column.startsWith("updated")
                        ? TIME : column.startsWith("quantity") ? INT : TEXT;
                if (list.stream().noneMatch(existing -> existing.name().equals(column))) {
                    list.add(Column.of(column, k + 1, type, true));
                } else {
                    list.add(Column.of(column + "_x" + k, k + 1, type, true));
                }
            }
            built.add(new Table(name, TableKind.TABLE, list, Optional.of(new Key(KeyKind.PRIMARY, name.table() + "_pkey",
                    List.of("id"))), List.of(), Optional.empty(), OptionalLong.empty(), Optional.empty()));
        }
        return new SchemaSnapshot("synthetic", "synthetic", Instant.EPOCH, built, List.of());
    }
}
