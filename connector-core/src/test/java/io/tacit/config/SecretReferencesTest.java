package io.tacit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References ({@code ${env:}}, {@code ${file:}}) are resolved only in secret settings, and what they resolve to
 * never appears in a message; secret files are read only when they are small regular files.
 */
class SecretReferencesTest {
    private static final String SECRET = "root:$6$Sh4d0w-Hash-Of-Root:19000:0:99999:7:::";
    private static final List<Setting> SETTINGS = List.of(
            Setting.optional("user", SettingType.STRING, null, "who connects"),
            Setting.optional("password", SettingType.SECRET, null, "the user's password"),
            Setting.optional("sampleRows", SettingType.INTEGER, "1000", "rows read per table"),
            Setting.optional("schemas", SettingType.LIST, null, "schemas to read"),
            Setting.oneOf("level", "sample", List.of("metadata", "engine", "sample", "full"), "how much to read"));

    @TempDir
    Path folder;

    private final SettingsValidator validator = new SettingsValidator(
            new SecretResolver(name -> name.equals("SHADOW") ? Optional.of(SECRET) : Optional.empty()));

    @Test
    void aReferenceInASettingThatIsNotSecretIsRefusedUnresolved() throws IOException {
        Path shadow = secretFile(SECRET);
        Map<String, Object> raw = Map.of(
                "user", "${file:" + shadow + "}",
                "level", "${env:SHADOW}",
                "sampleRows", "${env:SHADOW}",
                "schemas", List.of("public", "${file:" + shadow + "}"));
        SettingsValidator.Result result = validator.validate("source", SETTINGS, raw);
        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                "source.user: references are only accepted for secrets (source.user is not a secret); write the value itself",
                "source.sampleRows: references are only accepted for secrets (source.sampleRows is not a secret); write the value itself",
                "source.schemas: references are only accepted for secrets (source.schemas is not a secret); write the value itself",
                "source.level: references are only accepted for secrets (source.level is not a secret); write the value itself");
        assertThat(result.problems().toString()).doesNotContain("Sh4d0w");
    }

    @Test
    void aReferenceInsideALongerValueIsRefusedToo() {
        SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("user", "me-${env:SHADOW}"));
        assertThat(result.problems()).extracting(ConfigProblem::path).containsExactly("source.user");
        assertThat(result.problems().toString()).contains("references are only accepted for secrets").doesNotContain("Sh4d0w");
    }

    @Test
    void aSecretReferenceIsResolvedAndPrintedByItsReferenceOnly() throws IOException {
        Path file = secretFile(SECRET + "\n");
        ValidatedSection section = validator.validate("source", SETTINGS, Map.of("password", "${file:" + file + "}"))
                .section().orElseThrow();
        assertThat(section.secret("password").orElseThrow().reveal()).isEqualTo(SECRET);
        assertThat(section.toString()).contains("[hidden] (from ${file:" + file + "})").doesNotContain("Sh4d0w");
    }

    @Test
    void aSecretFileThatIsADeviceAPipeOrADirectoryIsRefusedAtOnce() throws Exception {
        Path fifo = ConfigFilesTest.mkfifo(folder.resolve("password-pipe"));
        for (Path file : List.of(Path.of("/dev/zero"), fifo)) {
            SettingsValidator.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> validator.validate("source", SETTINGS, Map.of("password", "${file:" + file + "}")));
            assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                    "source.password: secret file " + file + " is not a regular file (a device, a pipe or a socket)");
        }
        SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("password", "${file:" + folder + "}"));
        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                "source.password: secret file " + folder + " is a directory, not a file");
    }

    @Test
    void aSecretFileOverItsCapIsRefusedWithoutItsContent() throws IOException {
        byte[] big = new byte[SecretResolver.MAX_SECRET_BYTES + 1];
        Arrays.fill(big, (byte) 'Q');
        Path file = folder.resolve("huge-secret");
        Files.write(file, big);
        SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("password", "${file:" + file + "}"));
        assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactly(
                "source.password: secret file " + file + " is larger than 64 KiB, the limit for a secret file");
    }

    private Path secretFile(String content) throws IOException {
        Path file = Files.createTempFile(folder, "secret", ".txt");
        Files.writeString(file, content);
        return file;
    }
}
