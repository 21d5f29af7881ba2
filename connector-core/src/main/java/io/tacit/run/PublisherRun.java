package io.tacit.run;

import static java.util.Objects.requireNonNull;

import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import java.util.Optional;

/**
 * One publisher's part of a run: its plan and, unless the run was a dry run, what applying it did.
 */
public record PublisherRun(String publisher, PublishPlan plan, Optional<PublishReport> applied) {
    public PublisherRun {
        requireNonNull(publisher, "publisher is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(applied, "applied is null");
    }
}
