package io.tacit.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The one exception tacit raises on purpose. Its message is one line a user can act on: what is wrong and,
 * in {@link #hint()}, how to fix it. Messages never contain secrets: callers build them from names, hosts
 * and settings, never from credential values.
 */
public class TacitException extends RuntimeException {
    private final ErrorKind kind;
    private final boolean retriable;
    private final String hint;

    public TacitException(ErrorKind kind, String message) {
        this(kind, message, null, false, null);
    }

    public TacitException(ErrorKind kind, String message, String hint) {
        this(kind, message, hint, false, null);
    }

    public TacitException(ErrorKind kind, String message, String hint, boolean retriable, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.retriable = retriable;
        this.hint = hint;
    }

    public static TacitException config(String message, String hint) {
        return new TacitException(ErrorKind.CONFIG, message, hint);
    }

    public static TacitException source(String message, String hint, Throwable cause) {
        return new TacitException(ErrorKind.SOURCE, message, hint, false, cause);
    }

    public static TacitException catalog(String message, String hint, boolean retriable, Throwable cause) {
        return new TacitException(ErrorKind.CATALOG, message, hint, retriable, cause);
    }

    public static TacitException internal(String message, Throwable cause) {
        return new TacitException(ErrorKind.INTERNAL, message, null, false, cause);
    }

    public ErrorKind kind() {
        return kind;
    }

    public boolean retriable() {
        return retriable;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** The message and the hint as one line for the console. */
    public String oneLine() {
        if (hint == null) {
            return getMessage();
        }
        return getMessage() + " — " + hint;
    }
}
