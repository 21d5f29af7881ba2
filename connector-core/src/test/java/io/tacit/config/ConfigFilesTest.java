package io.tacit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a recipe or a secret file: only regular files, at most a cap of bytes, strict UTF-8. */
class ConfigFilesTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void readsARegularUtf8File() throws IOException {
        Path file = folder.resolve("ok.yaml");
        Files.writeString(file, "name: café\n", StandardCharsets.UTF_8);
        assertThat(ConfigFiles.readText(file, 64, "recipe")).isEqualTo("name: café\n");
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(
                () -> ConfigFiles.readText(Path.of("/dev/zero"), 1024, "recipe"))
                .isInstanceOfSatisfying(ConfigFiles.UnreadableFileException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("recipe /dev/zero is not a regular file (a device, a pipe or a socket)");
                    assertThat(e.reason()).isEqualTo(ConfigFiles.Reason.NOT_A_FILE);
                }));
    }

    @Test
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = mkfifo(folder.resolve("pipe"));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> ConfigFiles.readText(fifo, 1024, "secret file"))
                .hasMessage("secret file " + fifo + " is not a regular file (a device, a pipe or a socket)"));
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        assertThatThrownBy(() -> ConfigFiles.readText(folder, 1024, "recipe"))
                .isInstanceOfSatisfying(ConfigFiles.UnreadableFileException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("recipe " + folder + " is a directory, not a file");
                    assertThat(e.hint()).doesNotContain("permission");
                });
    }

    @Test
    void aFileOverTheCapIsRefusedAndTheCapIsAllowed() throws IOException {
        Path file = folder.resolve("big.yaml");
        byte[] bytes = new byte[1025];
        Arrays.fill(bytes, (byte) 'a');
        Files.write(file, bytes);
        assertThatThrownBy(() -> ConfigFiles.readText(file, 1024, "recipe"))
                .hasMessage("recipe " + file + " is larger than 1 KiB, the limit for a recipe");
        Files.write(file, Arrays.copyOf(bytes, 1024));
        assertThat(ConfigFiles.readText(file, 1024, "recipe")).hasSize(1024);
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "user: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigFiles.readText(file, 1024, "recipe"))
                .isInstanceOfSatisfying(ConfigFiles.UnreadableFileException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("recipe " + file + " is not UTF-8 text");
                    assertThat(e.reason()).isEqualTo(ConfigFiles.Reason.NOT_UTF8);
                    assertThat(e.hint()).contains("UTF-8");
                });
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = folder.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigFiles.readText(file, 1024, "recipe")).hasMessage("recipe " + file + " does not exist");
    }

    @Test
    void sizesAreShownInTheirUnit() {
        assertThat(ConfigFiles.size(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(ConfigFiles.size(64 * 1024)).isEqualTo("64 KiB");
        assertThat(ConfigFiles.size(1000)).isEqualTo("1000 bytes");
    }

    /** Makes a named pipe with the system's mkfifo: Java has no call for it. */
    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor()).as("mkfifo exit code").isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
        return path;
    }
}
