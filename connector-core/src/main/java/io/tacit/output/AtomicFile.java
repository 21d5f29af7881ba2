package io.tacit.output;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file so that its readers see the previous content or the new one, never a cut-off file: the content
 * goes to a temporary file in the same folder, is synced to disk, then renamed over the target in one step. When
 * anything fails the temporary file is removed and the target is left as it was. Every file tacit writes goes
 * through here.
 *
 * <p>A target that exists and is not a regular file (a device such as {@code /dev/stdout}, a named pipe) cannot
 * be replaced: it is written directly. A symbolic link is replaced by the new file, not followed, so that a link
 * planted in a shared folder cannot redirect the write. A file that is replaced keeps its permissions; a new one
 * gets the permissions any new file gets (the umask applies).
 *
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.create(target)) {
 *     write to file.path() ...
 *     file.commit();
 * }
 * }</pre>
 */
public final class AtomicFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path target;
    private final Path path;
    private final boolean replace;
    private boolean committed;

    private AtomicFile(Path target, Path path, boolean replace) {
        this.target = target;
        this.path = path;
        this.replace = replace;
    }

    /** What is written to a file, as a stream; it may throw midway and the target stays as it was. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with {@code text} in UTF-8, creating its folders. */
    public static void write(Path target, String text) {
        requireNonNull(text, "text is null");
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces {@code target} with what {@code content} writes, creating its folders. */
    public static void write(Path target, Content content) {
        requireNonNull(content, "content is null");
        try (AtomicFile file = create(target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file.path(),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
            catch (IOException e) {
                throw WriteFailure.of(target, e);
            }
            file.commit();
        }
    }

    /**
     * Starts replacing {@code target}: creates its folders and an empty temporary file next to it.
     *
     * @throws TacitException when the folder cannot be created or written to
     */
    public static AtomicFile create(Path target) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw WriteFailure.of(target, "it is a folder");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            return new AtomicFile(target, absolute, false);
        }
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = createTemporary(folder, absolute.getFileName().toString());
            keepPermissions(absolute, temporary);
            return new AtomicFile(target, temporary, true);
        }
        catch (IOException e) {
            deleteQuietly(temporary);
            throw WriteFailure.of(target, e);
        }
    }

    /** Where to write: the temporary file, or the target itself when it is a device or a pipe. */
    public Path path() {
        return path;
    }

    /** Syncs what was written to disk and puts it in place of the target in one step. */
    public void commit() {
        if (committed) {
            return;
        }
        if (replace) {
            try {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(path, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException e) {
                throw WriteFailure.of(target, e);
            }
            syncFolder(target.toAbsolutePath().getParent());
        }
        committed = true;
    }

    /** Removes the temporary file unless the write was committed; the target is then as it was. */
    @Override
    public void close() {
        if (!committed && replace) {
            deleteQuietly(path);
        }
    }

    private static Path createTemporary(Path folder, String name) throws IOException {
        // a file created like any other (not Files.createTempFile, which forces 0600), so the umask applies
        while (true) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            Path candidate = folder.resolve("." + name + "." + HexFormat.of().formatHex(random) + TEMPORARY_SUFFIX);
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            }
            catch (FileAlreadyExistsException e) {
                // another writer's temporary file: draw again
            }
        }
    }

    /** Whether {@code file} is (named like) a temporary file of {@code target}: {@code .NAME.RANDOM.tmp} next to it. */
    static boolean isTemporaryOf(Path file, Path target) {
        Path absolute = target.toAbsolutePath();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return file.toAbsolutePath().getParent() != null && file.toAbsolutePath().getParent().equals(absolute.getParent())
                && name.startsWith("." + absolute.getFileName() + ".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target)) {
            view.setPermissions(Files.getPosixFilePermissions(target));
        }
    }

    /** Makes the rename itself durable; not every system can open a folder, and the rename has happened anyway. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException | RuntimeException e) {
            // best effort only
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException e) {
            // the write has failed already; that error is the one to report
        }
    }
}
