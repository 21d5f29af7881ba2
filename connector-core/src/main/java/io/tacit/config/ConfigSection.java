package io.tacit.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of one validated section of a recipe (the source, one sink, the inference block).
 * Values have been checked against the section's declared {@link Setting}s, defaults applied, and secret
 * references resolved. Lookups of an undeclared name are a programming error.
 */
public interface ConfigSection {
    /** Where this section sits in the recipe, for messages: {@code sinks[0] (openmetadata)}. */
    String path();

    Set<String> names();

    Optional<String> string(String name);

    Optional<Integer> integer(String name);

    Optional<Double> decimal(String name);

    Optional<Boolean> bool(String name);

    Optional<Duration> duration(String name);

    List<String> list(String name);

    Optional<Secret> secret(String name);
}
