package io.tacit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core promises to only read the databases it is pointed at: no statement that creates, changes or drops a
 * database object or writes a row is written anywhere in its code or SQL resources. (Loading datasets and
 * generating benchmark schemas is the workbench's job, in tacit-benchmarks.)
 */
class ReadOnlyCoreTest {
    private static final Pattern WRITE = Pattern.compile("\\b(CREATE|DROP|ALTER|TRUNCATE)\\s+(UNIQUE\\s+)?"
            + "(TABLE|DATABASE|SCHEMA|ROLE|USER|INDEX|VIEW|SEQUENCE|EXTENSION|FUNCTION)\\b"
            + "|\\bINSERT\\s+INTO\\b|\\bDELETE\\s+FROM\\b|\\bUPDATE\\s+\\S+\\s+SET\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noDdlOrWriteStatementInCoreSourcesOrSql() {
        List<String> found = new ArrayList<>();
        for (Path file : files(Path.of("src", "main"))) {
            String name = file.toString();
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = code(lines.get(i), name.endsWith(".sql"));
                if (WRITE.matcher(code).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("statements that write, in connector-core").isEmpty();
    }

    @Test
    void theCheckFindsAStatementThatWrites() {
        assertThat(WRITE.matcher(code("        execute(admin, \"DROP DATABASE IF EXISTS \" + name);", false)).find()).isTrue();
        assertThat(WRITE.matcher(code("CREATE UNIQUE INDEX i ON t (c);", true)).find()).isTrue();
        assertThat(WRITE.matcher(code("    /** e.g. {@code a\"; drop table x; --} */", false)).find()).isFalse();
        assertThat(WRITE.matcher(code("-- 'c' (CREATE UNIQUE INDEX); an expression column", true)).find()).isFalse();
    }

    /** The part of a line that is code: comments left out (Java doc and line comments, SQL line comments). */
    private static String code(String line, boolean sql) {
        String trimmed = line.strip();
        if (sql) {
            int comment = line.indexOf("--");
            return comment < 0 ? line : line.substring(0, comment);
        }
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        return line;
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
