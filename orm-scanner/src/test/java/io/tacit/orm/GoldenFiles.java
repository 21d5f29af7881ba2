package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a scan's listing with the golden file beside its fixture. Run with {@code -Dtacit.updateGolden=true}
 * to rewrite the golden files after a deliberate change, then read the diff before committing it.
 */
final class GoldenFiles {
    private GoldenFiles() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(GoldenFiles.class.getResource("/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertMatches(String actual, String goldenName) throws IOException {
        Path golden = Path.of("src/test/resources/golden", goldenName);
        if (Boolean.getBoolean("tacit.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (rewrite with -Dtacit.updateGolden=true)", golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
