package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * Something the scan could not read or could not resolve, with the file and line to look at. A warning never
 * stops the scan: the rest of the code is still read.
 *
 * @param file the path relative to the scanned folder
 * @param line 1-based; 1 when the whole file is meant
 */
public record ScanWarning(Kind kind, String file, int line, String message) implements Comparable<ScanWarning> {
    private static final Comparator<ScanWarning> ORDER = Comparator.comparing(ScanWarning::file)
            .thenComparingInt(ScanWarning::line)
            .thenComparing(ScanWarning::kind)
            .thenComparing(ScanWarning::message);

    public enum Kind {
        /** the file was not read: binary, too large, unreadable, a symbolic link */
        SKIPPED,
        /** read with replacement characters: the bytes are not UTF-8 */
        ENCODING,
        /** the parser found a syntax error; what parsed around it is kept */
        SYNTAX,
        /** a definition made at run time (metaprogramming, computed names): listed, never guessed */
        UNRESOLVED
    }

    public ScanWarning {
        requireNonNull(kind, "kind is null");
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    @Override
    public int compareTo(ScanWarning other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind + " " + file + ":" + line + " " + message;
    }
}
