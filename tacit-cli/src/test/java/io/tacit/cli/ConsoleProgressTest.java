package io.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainLinesWhenNotATerminal() {
        ConsoleProgress progress = new ConsoleProgress(err, false, new Redactor());
        progress.stageStarted("read schema", 0);
        progress.stageStarted("read schema", 0);
        progress.stageFinished("read schema");
        progress.stageFinished("read schema");
        progress.stageStarted("statistics", 3);
        progress.stageStarted("profile (full)", 3);
        progress.advanced(3);
        progress.stageFinished("profile (full)");
        progress.stageFinished("statistics");
        progress.note("skipped table x: jdbc:postgresql://h/db?password=abc123");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4);
        assertThat(text.lines().toList().get(0)).matches("tacit: read schema done in \\d+\\.\\d s");
        assertThat(text.lines().toList().get(1)).matches("tacit:   profile \\(full\\) done in \\d+\\.\\d s");
        assertThat(text.lines().toList().get(2)).matches("tacit: statistics done in \\d+\\.\\d s");
        assertThat(text.lines().toList().get(3)).isEqualTo("tacit: skipped table x: jdbc:postgresql://h/db?password=[hidden]");
        assertThat(text).doesNotContain("\r").doesNotContain("[#");
    }

    @Test
    void aBarOnATerminal() {
        ConsoleProgress progress = new ConsoleProgress(err, true, new Redactor());
        progress.stageStarted("statistics", 4);
        progress.advanced(2);
        progress.stageFinished("statistics");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\r\033[2Kstatistics [------------------------------] 0/4");
        assertThat(text).contains("tacit: statistics done in");
    }
}
