package io.tacit.output;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says what went wrong when a file or a stream cannot be written — "no space left on device", "permission denied"
 * — instead of guessing, and names the file. A configuration error (exit code 2): the user picks another path or
 * frees the disk.
 */
public final class WriteFailure {
    private WriteFailure() {
    }

    /** {@code cannot write TARGET: REASON}, the reason taken from {@code e}; a temporary file is not named. */
    public static TacitException of(Path target, IOException e) {
        String message = "cannot write " + target + ": " + reason(e);
        if (e instanceof FileSystemException system && system.getFile() != null) {
            String file = system.getFile();
            boolean obvious = file.equals(target.toString()) || file.equals(target.toAbsolutePath().toString())
                    || AtomicFile.isTemporaryOf(Path.of(file), target);
            if (!obvious) {
                message = message + " (" + file + ")";
            }
        }
        return new TacitException(ErrorKind.CONFIG, message, hint(e), false, e);
    }

    static TacitException of(Path target, String reason) {
        return TacitException.config("cannot write " + target + ": " + reason, "choose a file name, not a folder");
    }

    /** What happened, in a few lowercase words: the operating system's own reason when there is one. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file is in the way of a folder";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return lowerFirst(system.getReason());
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return lowerFirst(e.getMessage());
        }
        return e.getClass().getSimpleName();
    }

    private static String hint(IOException e) {
        String reason = reason(e).toLowerCase(Locale.ROOT);
        if (reason.contains("no space") || reason.contains("quota")) {
            return "free some disk space or write somewhere else";
        }
        if (reason.contains("permission") || reason.contains("read-only") || reason.contains("not permitted")) {
            return "check that the folder is writable or write somewhere else";
        }
        return "check the path or write somewhere else";
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
