package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import io.tacit.model.SourceLocation;
import java.nio.charset.StandardCharsets;

/**
 * One file's text, as UTF-8 bytes: tree-sitter reports byte offsets, and slicing the bytes keeps them right
 * whatever characters come before.
 *
 * @param path relative to the scanned folder, with {@code /} separators
 */
public record SourceFile(String path, byte[] bytes) {
    public SourceFile {
        requireNonNull(path, "path is null");
        requireNonNull(bytes, "bytes is null");
    }

    public static SourceFile of(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String slice(int startByte, int endByte) {
        return new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8);
    }

    public SourceLocation at(int line) {
        return new SourceLocation(path, Math.max(1, line));
    }
}
