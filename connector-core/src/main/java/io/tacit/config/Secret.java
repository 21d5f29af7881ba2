package io.tacit.config;

import static java.util.Objects.requireNonNull;

/**
 * A credential. Its value is only reachable through {@link #reveal()}, which callers use at the last moment
 * (building a connection or an Authorization header); {@code toString()} never shows it.
 */
public final class Secret {
    private final String value;
    private final String reference;

    private Secret(String value, String reference) {
        this.value = requireNonNull(value, "value is null");
        this.reference = requireNonNull(reference, "reference is null");
    }

    /**
     * @param reference where the value came from, safe to print ({@code ${env:PGPASSWORD}}, {@code --password-env DB_PW})
     */
    public static Secret of(String value, String reference) {
        return new Secret(value, reference);
    }

    public String reveal() {
        return value;
    }

    /** Where the secret came from, never the secret itself. */
    public String reference() {
        return reference;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
