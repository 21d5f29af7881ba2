package io.tacit.datahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkedin.common.Status;
import com.linkedin.mxe.MetadataChangeProposal;
import com.linkedin.mxe.SystemMetadata;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline MCP file is replaced in one step: a run that stops midway leaves the previous file whole. */
class FileProposalSenderTest {
    private static final String PREVIOUS = "[ {\"previous\": \"run\"} ]\n";

    @TempDir
    Path folder;

    @Test
    void aRunThatStopsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(folder.resolve("tacit-mcps.json"), PREVIOUS);
        try (FileProposalSender sender = new FileProposalSender(file)) {
            sender.send(proposal("orders"));
            assertThat(file).hasContent(PREVIOUS.strip());
        }
        assertThat(file).hasContent(PREVIOUS.strip());
        assertThat(names()).containsExactly("tacit-mcps.json");
    }

    @Test
    void aFinishedRunReplacesTheFileWithAWholeArray() throws IOException {
        Path file = folder.resolve("out/tacit-mcps.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, PREVIOUS);
        try (FileProposalSender sender = new FileProposalSender(file)) {
            sender.send(proposal("orders"));
            sender.send(proposal("customers"));
            sender.finish();
        }
        JsonNode written = new ObjectMapper().readTree(file.toFile());
        assertThat(written.isArray()).isTrue();
        assertThat(written.size()).isEqualTo(2);
        assertThat(written.get(1).path("entityUrn").asText()).contains("customers");
        try (Stream<Path> listing = Files.list(file.getParent())) {
            assertThat(listing.map(path -> path.getFileName().toString()).toList()).containsExactly("tacit-mcps.json");
        }
    }

    @Test
    void aFullDiskSaysSo() {
        Path full = Path.of("/dev/full");
        org.assertj.core.api.Assumptions.assumeThat(Files.exists(full)).isTrue();
        try (FileProposalSender sender = new FileProposalSender(full)) {
            sender.send(proposal("orders"));
            assertThatThrownBy(sender::finish).isInstanceOf(TacitException.class)
                    .hasMessage("cannot write /dev/full: no space left on device");
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static MetadataChangeProposal proposal(String table) {
        return DataHubMapping.upsert("dataset",
                "urn:li:dataset:(urn:li:dataPlatform:postgres,shop.public." + table + ",PROD)",
                new Status().setRemoved(false), new SystemMetadata().setRunId("run-1"));
    }
}
