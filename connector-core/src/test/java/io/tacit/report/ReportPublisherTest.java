package io.tacit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tacit.error.TacitException;
import io.tacit.model.InferenceResult;
import io.tacit.spi.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report sink replaces its file in one step and says why when it cannot. */
class ReportPublisherTest {
    private final InferenceResult result = SampleResults.result("tacit-20261130T120000Z-0000abcd",
            Instant.parse("2026-11-30T12:00:00Z"));

    @TempDir
    Path folder;

    @Test
    void replacesThePreviousReportAndLeavesNothingElse() throws IOException {
        Path file = Files.writeString(folder.resolve("relationships.json"), "{\"old\": true}\n");
        ReportPublisher publisher = new ReportPublisher(ReportFormat.JSON, file);
        publisher.apply(publisher.plan(result, ProgressListener.NONE), ProgressListener.NONE);
        assertThat(file).hasContent(JsonReport.render(result).strip());
        try (Stream<Path> listing = Files.list(folder)) {
            assertThat(listing.map(path -> path.getFileName().toString()).toList())
                    .containsExactly("relationships.json");
        }
    }

    @Test
    void aFullDiskIsReportedAsAFullDisk() {
        Path full = Path.of("/dev/full");
        assumeThat(Files.exists(full)).isTrue();
        ReportPublisher publisher = new ReportPublisher(ReportFormat.CSV, full);
        assertThatThrownBy(() -> publisher.apply(publisher.plan(result, ProgressListener.NONE), ProgressListener.NONE))
                .isInstanceOfSatisfying(TacitException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("cannot write /dev/full: no space left on device");
                    assertThat(e.oneLine()).doesNotContain("writable");
                });
    }

    @Test
    void aFileInTheWayOfTheFolderIsNamed() throws IOException {
        Path plain = Files.writeString(folder.resolve("reports"), "not a folder");
        Path file = plain.resolve("relationships.md");
        ReportPublisher publisher = new ReportPublisher(ReportFormat.MARKDOWN, file);
        assertThatThrownBy(() -> publisher.apply(publisher.plan(result, ProgressListener.NONE), ProgressListener.NONE))
                .hasMessageStartingWith("cannot write " + file + ": a file is in the way of a folder");
        assertThat(plain).hasContent("not a folder");
    }
}
