package io.tacit.config;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one configuration, reported at once so the user fixes them in one go. */
public final class InvalidConfigException extends TacitException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(String what, List<ConfigProblem> problems) {
        super(ErrorKind.CONFIG, summary(what, problems), null, false, null);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String summary(String what, List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return what + ": " + problems.get(0);
        }
        return what + " has " + problems.size() + " problems: "
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    }
}
