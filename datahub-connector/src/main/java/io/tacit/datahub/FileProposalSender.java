package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.mxe.MetadataChangeProposal;
import datahub.client.file.FileEmitter;
import datahub.client.file.FileEmitterConfig;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * Writes proposals to an MCP JSON file with DataHub's {@link FileEmitter}: the offline path. Load it with
 * {@code datahub ingest -c recipe.yml} using {@code source: {type: file, config: {path: <file>}}}. The file is
 * only a valid JSON array once closed.
 */
final class FileProposalSender implements ProposalSender {
    private final Path file;
    private final FileEmitter emitter;

    FileProposalSender(Path file) {
        this.file = requireNonNull(file, "file is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw TacitException.config("cannot create the folder of " + file + ": " + e.getMessage(),
                    "set filePath to a writable location");
        }
        this.emitter = new FileEmitter(FileEmitterConfig.builder().fileName(file.toString()).build());
    }

    @Override
    public synchronized void send(MetadataChangeProposal proposal) {
        try {
            emitter.emit(proposal, null).get();
        } catch (IOException | ExecutionException e) {
            throw new RejectedProposal(0, "cannot write " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedProposal(0, "interrupted while writing " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            emitter.close();
        } catch (IOException e) {
            throw TacitException.catalog("cannot finish " + file + ": " + e.getMessage(), "check disk space and permissions",
                    false, e);
        }
    }
}
