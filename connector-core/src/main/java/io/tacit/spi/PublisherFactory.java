package io.tacit.spi;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.model.RunContext;
import java.util.List;

/**
 * Creates a publisher for one {@code sinks:} entry of a recipe. Discovered with {@link java.util.ServiceLoader}
 * (register in {@code META-INF/services/io.tacit.spi.PublisherFactory}).
 */
public interface PublisherFactory {
    /** The recipe's {@code type:} value this factory answers to ({@code openmetadata}, {@code datahub}). */
    String type();

    /** Every setting the sink accepts, each with a description; the recipe is validated against them. */
    List<Setting> settings();

    /** @param dryRun when true the publisher must not write to the catalog, only read and plan */
    Publisher<?> create(ConfigSection section, RunContext run, boolean dryRun);

    /**
     * Checks a validated section as {@link #create} reads it, without connecting: the ranges and combinations that
     * a single setting's declaration cannot express. Validating a recipe runs it, so that {@code validate} rejects
     * what a run would. Throws a CONFIG {@code TacitException}; checks nothing unless overridden.
     */
    default void check(ConfigSection section) {
    }
}
