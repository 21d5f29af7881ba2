package io.tacit.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    private static final String PREVIOUS = "{\"previous\": \"report\"}\n";

    @TempDir
    Path folder;

    @Test
    void aWriteThatFailsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("report.json");
        Files.writeString(target, PREVIOUS);
        // what a full disk looks like to the writer: some bytes go out, then the system refuses
        AtomicFile.Content fullDisk = out -> {
            out.write("{\"relationships\": [".repeat(2000).getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("No space left on device");
        };
        assertThatThrownBy(() -> AtomicFile.write(target, fullDisk))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.getMessage()).isEqualTo("cannot write " + target + ": no space left on device");
                    assertThat(e.oneLine()).doesNotContain("check that the folder is writable");
                });
        assertThat(target).hasContent(PREVIOUS.strip());
        assertThat(files(folder)).containsExactly("report.json");
    }

    @Test
    void aReportWhoseSerialisationThrowsLeavesThePreviousFile() throws IOException {
        Path target = folder.resolve("report.csv");
        Files.writeString(target, PREVIOUS);
        AtomicFile.Content broken = out -> {
            out.write("from_table,from_columns\n".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("serialisation failed");
        };
        assertThatThrownBy(() -> AtomicFile.write(target, broken)).hasMessage("serialisation failed");
        assertThat(target).hasContent(PREVIOUS.strip());
        assertThat(files(folder)).containsExactly("report.csv");
    }

    @Test
    void replacesTheFileKeepingItsPermissionsAndCreatesFolders() throws IOException {
        Path target = folder.resolve("report.md");
        Files.writeString(target, PREVIOUS);
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(target, shared);
        AtomicFile.write(target, "new\n");
        assertThat(target).hasContent("new");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(shared);

        Path created = folder.resolve("a/b/new.json");
        AtomicFile.write(created, "{}\n");
        Path ordinary = Files.createFile(folder.resolve("ordinary"));
        assertThat(created).hasContent("{}");
        // a new report is as readable as any new file, not 0600 like Files.createTempFile
        assertThat(Files.getPosixFilePermissions(created)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void readersAndConcurrentWritersOnlyEverSeeAWholeFile() throws Exception {
        Path target = folder.resolve("shared.json");
        String first = "a".repeat(300_000) + "\n";
        String second = "b".repeat(200_000) + "\n";
        AtomicFile.write(target, first);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String content : List.of(first, second)) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        AtomicFile.write(target, content);
                    }
                    return null;
                }));
            }
            Future<List<String>> reader = pool.submit(() -> {
                List<String> torn = new ArrayList<>();
                while (writing.get()) {
                    String seen = Files.readString(target);
                    if (!seen.equals(first) && !seen.equals(second)) {
                        torn.add(seen.length() + " chars");
                    }
                }
                return torn;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            assertThat(reader.get()).isEmpty();
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(target)).isIn(first, second);
        assertThat(files(folder)).containsExactly("shared.json");
    }

    @Test
    void aSymbolicLinkIsReplacedNotFollowed() throws IOException {
        Path victim = Files.writeString(folder.resolve("victim.txt"), "keep me\n");
        Path link = Files.createSymbolicLink(folder.resolve("report.json"), victim);
        AtomicFile.write(link, "{}\n");
        assertThat(victim).hasContent("keep me");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(link).hasContent("{}");
    }

    @Test
    void aDeviceIsWrittenDirectlyAndAFullOneSaysSo() {
        Path full = Path.of("/dev/full");
        assumeThat(Files.exists(full)).as("/dev/full").isTrue();
        assertThatThrownBy(() -> AtomicFile.write(full, "{}\n"))
                .hasMessage("cannot write /dev/full: no space left on device");
        assertThat(Files.isRegularFile(full)).isFalse();
    }

    @Test
    void aFolderThatNobodyMayWriteToSaysPermissionDenied() throws IOException {
        // sysfs refuses new files even to root, so this holds whoever runs the tests
        Path sys = Path.of("/sys");
        assumeThat(Files.exists(sys) && Files.getFileStore(sys).type().equals("sysfs")).as("sysfs").isTrue();
        Path target = sys.resolve("tacit-report.json");
        assertThatThrownBy(() -> AtomicFile.write(target, "{}\n"))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.getMessage()).startsWith("cannot write /sys/tacit-report.json: ")
                            .doesNotContain(".tmp");
                    assertThat(e.getMessage()).containsAnyOf("permission denied", "read-only file system");
                    assertThat(e.hint()).hasValue("check that the folder is writable or write somewhere else");
                });
        assertThat(target).doesNotExist();
    }

    @Test
    void aReadOnlyFolderKeepsThePreviousFile() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root ignores folder permissions").isNotEqualTo("root");
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Path target = Files.writeString(locked.resolve("report.json"), PREVIOUS);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> AtomicFile.write(target, "{}\n"))
                    .hasMessage("cannot write " + target + ": permission denied");
            assertThat(target).hasContent(PREVIOUS.strip());
        }
        finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderIsNotAFileAndAFileIsNotAFolder() throws IOException {
        assertThatThrownBy(() -> AtomicFile.write(folder, "{}\n"))
                .hasMessage("cannot write " + folder + ": it is a folder");
        Path file = Files.writeString(folder.resolve("plain"), "x");
        assertThatThrownBy(() -> AtomicFile.write(file.resolve("report.json"), "{}\n"))
                .hasMessageStartingWith("cannot write " + file.resolve("report.json") + ": a file is in the way");
        assertThat(file).hasContent("x");
    }

    @Test
    void closingWithoutCommittingRemovesTheTemporaryFile() throws IOException {
        Path target = folder.resolve("out.json");
        try (AtomicFile file = AtomicFile.create(target)) {
            try (OutputStream out = Files.newOutputStream(file.path())) {
                out.write(1);
            }
            assertThat(file.path().getParent()).isEqualTo(folder);
        }
        assertThat(files(folder)).isEmpty();
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
