package io.tacit.orm.bench;

import io.tacit.orm.CodeScanner;
import io.tacit.orm.CodeSchema;
import io.tacit.orm.Framework;
import io.tacit.orm.JpaNaming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long a scan of N models takes, per framework: writes N generated models (ten per file, each with a few
 * columns and a reference to the model before it) to a temporary folder, scans it, prints the wall time of the
 * first run (cold: class loading, JIT) and of two more, with the CPU time of each. Usage: {@code ScanBenchmark [models, default 500]}. Target: 500 models in
 * under 5 s.
 */
public final class ScanBenchmark {
    private static final int MODELS_PER_FILE = 10;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        for (Framework framework : Framework.values()) {
            Path folder = Files.createTempDirectory("tacit-orm-bench-");
            try {
                generate(framework, folder, models);
                CodeScanner scanner = new CodeScanner(Optional.of(framework), JpaNaming.HIBERNATE);
                long[] wall = new long[3];
                long[] cpu = new long[3];
                CodeSchema schema = null;
                for (int run = 0; run < 3; run++) {
                    long started = System.nanoTime();
                    long startedCpu = THREADS.getCurrentThreadCpuTime();
                    schema = scanner.scan(folder);
                    wall[run] = (System.nanoTime() - started) / 1_000_000;
                    cpu[run] = (THREADS.getCurrentThreadCpuTime() - startedCpu) / 1_000_000;
                }
                // CPU time too: on a shared machine the wall time measures the neighbours as much as the scan
                System.out.printf(Locale.ROOT, "%-11s %4d models: %3d tables, %4d edges, %d warnings; first scan %5d ms"
                        + " (cpu %5d ms), then %5d / %5d ms (cpu %5d / %5d ms)%n", framework.optionName(), models,
                        schema.tables().size(), schema.edges().size(), schema.warnings().size(), wall[0], cpu[0],
                        wall[1], wall[2], cpu[1], cpu[2]);
            }
            finally {
                delete(folder);
            }
        }
    }

    private static void generate(Framework framework, Path folder, int models) throws IOException {
        for (int file = 0; file * MODELS_PER_FILE < models; file++) {
            StringBuilder text = new StringBuilder();
            int from = file * MODELS_PER_FILE;
            int to = Math.min(models, from + MODELS_PER_FILE);
            switch (framework) {
                case RAILS -> {
                    for (int i = from; i < to; i++) {
                        text.append("class Model").append(i).append(" < ApplicationRecord\n");
                        if (i > 0) {
                            text.append("  belongs_to :model").append(i - 1).append(", optional: true\n");
                        }
                        text.append("end\n\n");
                    }
                    write(folder.resolve("app/models/models" + file + ".rb"), text);
                }
                case DJANGO, SQLALCHEMY -> {
                    boolean django = framework == Framework.DJANGO;
                    text.append(django ? "from django.db import models\n\n"
                            : "from sqlalchemy import Column, ForeignKey, Integer, String\nfrom .base import Base\n\n");
                    for (int i = from; i < to; i++) {
                        text.append("class Model").append(i).append(django ? "(models.Model):\n" : "(Base):\n");
                        if (django) {
                            text.append("    name = models.CharField(max_length=50)\n");
                            if (i > 0) {
                                text.append("    previous = models.ForeignKey(\"Model").append(i - 1)
                                        .append("\", null=True, on_delete=models.SET_NULL)\n");
                            }
                        }
                        else {
                            text.append("    __tablename__ = \"model").append(i).append("\"\n")
                                    .append("    id = Column(Integer, primary_key=True)\n")
                                    .append("    name = Column(String(50))\n");
                            if (i > 0) {
                                text.append("    previous_id = Column(Integer, ForeignKey(\"model").append(i - 1)
                                        .append(".id\"))\n");
                            }
                        }
                        text.append("\n");
                    }
                    write(folder.resolve("shop/models/models" + file + ".py"), text);
                }
                case JPA -> {
                    for (int i = from; i < to; i++) {
                        StringBuilder entity = new StringBuilder("package bench;\n\nimport jakarta.persistence.*;\n\n")
                                .append("@Entity\npublic class Model").append(i).append(" {\n")
                                .append("    @Id\n    private Long id;\n\n    private String name;\n");
                        if (i > 0) {
                            entity.append("\n    @ManyToOne\n    private Model").append(i - 1).append(" previous;\n");
                        }
                        entity.append("}\n");
                        write(folder.resolve("src/bench/Model" + i + ".java"), entity);
                    }
                }
                default -> throw new IllegalStateException(framework.name());
            }
        }
    }

    private static void write(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
