package io.tacit.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Something a run could not do and went on without: a table it could not profile, a containment check it lost.
 * The result still stands, with less evidence than the level promised; reports list every warning so that a
 * scheduled run's output says so, not only its stderr.
 *
 * @param table the table concerned, when the warning is about one
 * @param stage where it happened ({@link #PROFILE}, {@link #CONTAINMENT}, {@link #ENGINE_STATISTICS})
 * @param problem what went wrong, in one line
 */
public record RunWarning(Optional<TableName> table, String stage, String problem) {
    public static final String PROFILE = "profile";
    public static final String CONTAINMENT = "containment";
    public static final String ENGINE_STATISTICS = "engine statistics";

    public RunWarning {
        requireNonNull(table, "table is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(problem, "problem is null");
    }

    public static RunWarning of(TableName table, String stage, String problem) {
        return new RunWarning(Optional.of(table), stage, problem);
    }

    /** The line for stderr. */
    public String message() {
        return table.map(name -> stage + " of " + name + ": " + problem).orElse(stage + ": " + problem);
    }
}
