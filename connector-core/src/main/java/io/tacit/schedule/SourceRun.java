package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A finished run of the database's own metadata ingestion, as its catalog records it.
 *
 * @param id the catalog's id of that run
 * @param state the catalog's word for how it ended
 */
public record SourceRun(String id, Instant finishedAt, String state) {
    public SourceRun {
        requireNonNull(id, "id is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(state, "state is null");
    }
}
