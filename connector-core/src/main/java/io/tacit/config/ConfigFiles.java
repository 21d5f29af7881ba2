package io.tacit.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the small text files configuration comes from (a recipe, a secret file). Only regular files are read,
 * because a device never ends and a pipe blocks until someone writes to it; at most a cap of bytes is read,
 * so a wrong path fails with a message instead of exhausting memory; and the text must be UTF-8, so a file
 * saved in another encoding is named as such rather than read with replaced characters. Messages name the
 * file, never its content.
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /**
     * @param maxBytes the largest file accepted
     * @param what what the file is, for messages: {@code recipe}, {@code secret file}
     * @throws UnreadableFileException saying what is wrong with the file and what to do
     */
    public static String readText(Path file, int maxBytes, String what) {
        requireNonNull(file, "file is null");
        requireNonNull(what, "what is null");
        byte[] bytes = readBytes(file, maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new UnreadableFileException(Reason.NOT_UTF8, what + " " + file + " is not UTF-8 text", "save it as UTF-8");
        }
    }

    private static byte[] readBytes(Path file, int maxBytes, String what) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        }
        catch (NoSuchFileException e) {
            throw new UnreadableFileException(Reason.MISSING, what + " " + file + " does not exist", "check the path");
        }
        catch (IOException e) {
            throw failed(file, what, e);
        }
        if (attributes.isDirectory()) {
            throw new UnreadableFileException(Reason.NOT_A_FILE, what + " " + file + " is a directory, not a file",
                    "give the path of a file");
        }
        if (!attributes.isRegularFile()) {
            throw new UnreadableFileException(Reason.NOT_A_FILE,
                    what + " " + file + " is not a regular file (a device, a pipe or a socket)",
                    "give the path of a regular file");
        }
        String tooLarge = what + " " + file + " is larger than " + size(maxBytes) + ", the limit for a " + what;
        String tooLargeHint = "check that this is the right file";
        if (attributes.size() > maxBytes) {
            throw new UnreadableFileException(Reason.TOO_LARGE, tooLarge, tooLargeHint);
        }
        // the size can change between the check and the read, and some files report none: read one byte past the cap
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        catch (IOException e) {
            throw failed(file, what, e);
        }
        if (bytes.length > maxBytes) {
            throw new UnreadableFileException(Reason.TOO_LARGE, tooLarge, tooLargeHint);
        }
        return bytes;
    }

    private static UnreadableFileException failed(Path file, String what, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new UnreadableFileException(Reason.UNREADABLE, "cannot read " + what + " " + file + ": permission denied",
                    "check the file's permissions");
        }
        return new UnreadableFileException(Reason.UNREADABLE,
                "cannot read " + what + " " + file + " (" + e.getClass().getSimpleName() + ")",
                "check the path and the file");
    }

    /** A size in the unit it is a whole number of: {@code 1 MiB}, {@code 64 KiB}, {@code 1000 bytes}. */
    static String size(long bytes) {
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** Why a file cannot be used, for callers that give their own hint. */
    public enum Reason {
        MISSING,
        /** a directory, a device, a pipe or a socket */
        NOT_A_FILE,
        TOO_LARGE,
        NOT_UTF8,
        UNREADABLE
    }

    /** A configuration file that cannot be used; the message names the file, the hint says what to do. */
    public static final class UnreadableFileException extends RuntimeException {
        private final Reason reason;
        private final String hint;

        public UnreadableFileException(Reason reason, String message, String hint) {
            super(requireNonNull(message, "message is null"), null, false, false);
            this.reason = requireNonNull(reason, "reason is null");
            this.hint = requireNonNull(hint, "hint is null");
        }

        public Reason reason() {
            return reason;
        }

        public String hint() {
            return hint;
        }
    }
}
