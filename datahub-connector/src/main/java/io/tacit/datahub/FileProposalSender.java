package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import com.linkedin.mxe.MetadataChangeProposal;
import datahub.client.file.FileEmitter;
import datahub.client.file.FileEmitterConfig;
import io.tacit.output.AtomicFile;
import io.tacit.output.WriteFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * Writes proposals to an MCP JSON file with DataHub's {@link FileEmitter}: the offline path. Load it with
 * {@code datahub ingest -c recipe.yml} using {@code source: {type: file, config: {path: <file>}}}. The emitter
 * writes a temporary file next to the target, which {@link #finish()} puts in place in one step: the file is only
 * a valid JSON array once closed, and a run that fails leaves the previous file as it was.
 */
final class FileProposalSender implements ProposalSender {
    private final Path file;
    private final AtomicFile output;
    private final FileEmitter emitter;
    private IOException failure;
    private boolean emitterClosed;

    FileProposalSender(Path file) {
        this.file = requireNonNull(file, "file is null");
        this.output = AtomicFile.create(file);
        try {
            this.emitter = new FileEmitter(FileEmitterConfig.builder().fileName(output.path().toString()).build());
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
    }

    @Override
    public synchronized void send(MetadataChangeProposal proposal) {
        try {
            emitter.emit(proposal, null).get();
        } catch (IOException e) {
            remember(e);
            throw new RejectedProposal(0, WriteFailure.of(file, e).getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException cause) {
                remember(cause);
            } else {
                remember(new IOException(String.valueOf(e.getCause()), e.getCause()));
            }
            throw new RejectedProposal(0, "cannot write " + file + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remember(new IOException("interrupted", e));
            throw new RejectedProposal(0, "interrupted while writing " + file, e);
        }
    }

    /** Closes the array and puts the file in place; when a proposal could not be written, leaves the old file. */
    @Override
    public synchronized void finish() {
        try {
            closeEmitter();
        } catch (IOException e) {
            remember(e);
        }
        if (failure != null) {
            output.close();
            throw WriteFailure.of(file, failure);
        }
        output.commit();
    }

    /** Without {@link #finish()} (a run that stopped midway), the temporary file is removed. */
    @Override
    public synchronized void close() {
        try {
            closeEmitter();
        } catch (IOException | RuntimeException e) {
            // the file is dropped anyway
        } finally {
            output.close();
        }
    }

    private void closeEmitter() throws IOException {
        if (!emitterClosed) {
            emitterClosed = true;
            emitter.close();
        }
    }

    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
