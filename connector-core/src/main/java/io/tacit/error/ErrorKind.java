package io.tacit.error;

/** What went wrong, as far as the user is concerned. Each kind has its own process exit code. */
public enum ErrorKind {
    /** the recipe, a flag or a credential reference is wrong: the user fixes their configuration */
    CONFIG(2),
    /** the database (or other source) is unreachable, refuses us or returns something unusable */
    SOURCE(3),
    /** the data catalog (OpenMetadata, DataHub) is unreachable, refuses us or answers badly */
    CATALOG(4),
    /** a bug in tacit */
    INTERNAL(1);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
