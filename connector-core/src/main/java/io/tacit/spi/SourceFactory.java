package io.tacit.spi;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.model.RunContext;
import java.util.List;

/**
 * Creates a source for the {@code source:} section of a recipe. Discovered with {@link java.util.ServiceLoader}
 * (register in {@code META-INF/services/io.tacit.spi.SourceFactory}).
 */
public interface SourceFactory {
    /** The recipe's {@code type:} value ({@code jdbc}, {@code openmetadata}, {@code datahub}). */
    String type();

    List<Setting> settings();

    Source create(ConfigSection section);

    /** As {@link #create(ConfigSection)}, for one run: a source that can name its sessions after it does so. */
    default Source create(ConfigSection section, RunContext run) {
        return create(section);
    }

    /**
     * Checks a validated section as {@link #create} reads it, without connecting: the ranges and combinations that
     * a single setting's declaration cannot express. Validating a recipe runs it, so that {@code validate} rejects
     * what a run would. Throws a CONFIG {@code TacitException}; checks nothing unless overridden.
     */
    default void check(ConfigSection section) {
    }
}
