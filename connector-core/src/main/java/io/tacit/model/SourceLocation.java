package io.tacit.model;

import static java.util.Objects.requireNonNull;

/** Where in application code a relationship is declared (ORM models). */
public record SourceLocation(String file, int line) {
    public SourceLocation {
        requireNonNull(file, "file is null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
