package io.tacit.datahub;

import com.linkedin.mxe.MetadataChangeProposal;

/** Where proposals go: GMS over REST, or an MCP file for {@code datahub ingest}. Implementations are thread-safe. */
interface ProposalSender extends AutoCloseable {
    /**
     * Sends one proposal and waits for the answer.
     *
     * @throws RejectedProposal when the server refused it for good (after retries, or a final 4xx)
     */
    void send(MetadataChangeProposal proposal);

    /** Everything was sent: makes it final (a file is put in place). Nothing to do for a server. */
    default void finish() {
    }

    /** Releases what the sender holds; a file that was not {@link #finish() finished} is dropped. */
    @Override
    void close();

    /** A proposal the server refused. {@code status} is the HTTP status, 0 when there was no answer. */
    final class RejectedProposal extends RuntimeException {
        private final int status;

        RejectedProposal(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        int status() {
            return status;
        }

        /** Whether If-Version-Match did not hold: 422 on newer servers, 400 "Expected version" on 0.14/0.15. */
        boolean preconditionFailed() {
            String message = getMessage() == null ? "" : getMessage();
            return status == 412 || ((status == 422 || status == 400) && message.toLowerCase(java.util.Locale.ROOT)
                    .contains("expected version"));
        }
    }
}
