package io.tacit.spi;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
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
}
