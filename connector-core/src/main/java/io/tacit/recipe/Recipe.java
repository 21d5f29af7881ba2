package io.tacit.recipe;

import static java.util.Objects.requireNonNull;

import io.tacit.config.ValidatedSection;
import io.tacit.model.RunContext;
import io.tacit.report.ReportFormat;
import io.tacit.run.DiscoveryOptions;
import io.tacit.spi.Publisher;
import io.tacit.spi.PublisherFactory;
import io.tacit.spi.Source;
import io.tacit.spi.SourceFactory;
import java.util.List;
import java.util.Optional;

/**
 * A validated recipe: where to read, how to infer, where to publish, how to run. Every value has been checked
 * and every secret reference resolved; {@code toString()} shows no secret.
 */
public record Recipe(SourceSpec source, DiscoveryOptions discovery, List<SinkSpec> sinks, RunOptions run) {
    public Recipe {
        requireNonNull(source, "source is null");
        requireNonNull(discovery, "discovery is null");
        sinks = List.copyOf(requireNonNull(sinks, "sinks is null"));
        requireNonNull(run, "run is null");
    }

    /** The {@code source:} section and the factory of its type. */
    public record SourceSpec(SourceFactory factory, ValidatedSection section) {
        public SourceSpec {
            requireNonNull(factory, "factory is null");
            requireNonNull(section, "section is null");
        }

        public Source open() {
            return factory.create(section);
        }

        /** Opens the source for one run (database sessions carry its id). */
        public Source open(RunContext run) {
            return factory.create(section, run);
        }

        @Override
        public String toString() {
            return factory.type() + " " + section;
        }
    }

    /** One {@code sinks:} entry and the factory of its type. */
    public record SinkSpec(PublisherFactory factory, ValidatedSection section) {
        public SinkSpec {
            requireNonNull(factory, "factory is null");
            requireNonNull(section, "section is null");
        }

        public Publisher<?> create(RunContext run, boolean dryRun) {
            return factory.create(section, run, dryRun);
        }

        @Override
        public String toString() {
            return factory.type() + " " + section;
        }
    }

    /** The {@code run:} section. */
    public record RunOptions(boolean dryRun, ReportFormat format, Optional<String> out) {
        public RunOptions {
            requireNonNull(format, "format is null");
            requireNonNull(out, "out is null");
        }
    }
}
