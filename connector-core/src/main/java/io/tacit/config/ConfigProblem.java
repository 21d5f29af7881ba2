package io.tacit.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a recipe or a set of flags.
 *
 * @param path where in the recipe, e.g. {@code source.url} or {@code sinks[1].token}
 * @param message what is wrong and how to fix it; never contains a secret value
 */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
