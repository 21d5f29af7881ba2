package io.tacit.orm;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files under the scanned folder. Symbolic links are never followed: a link could lead out of the folder
 * (to files the user did not mean to hand over) or round in a loop; each one is reported instead. Files that
 * are too large or binary are reported and skipped; bytes that are not UTF-8 are read with replacement
 * characters and reported.
 */
public final class SourceTree {
    /** Model files are small; a file past this is generated or data, and parsing it would only cost time. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn", "node_modules", "venv", ".venv",
            "env", "site-packages", "__pycache__", ".tox", "target", "build", "dist", "vendor", "tmp", "log",
            "migrations", ".idea", ".gradle");

    private final Path root;
    private final List<String> files;
    private final List<ScanWarning> warnings = new ArrayList<>();

    private SourceTree(Path root, List<String> files, List<ScanWarning> walkWarnings) {
        this.root = root;
        this.files = List.copyOf(files);
        this.warnings.addAll(walkWarnings);
    }

    /** Lists the files under {@code root} (a folder or a single file). */
    public static SourceTree walk(Path root) throws IOException {
        requireNonNull(root, "root is null");
        // the folder the user names is trusted even if it is itself a link; links found inside it are not
        Path start = root.toRealPath();
        List<String> files = new ArrayList<>();
        List<ScanWarning> warnings = new ArrayList<>();
        if (Files.isRegularFile(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            files.add(start.getFileName().toString());
            return new SourceTree(start.getParent(), files, warnings);
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(start) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = relative(start, file);
                if (attributes.isSymbolicLink() && mayHoldCode(file)) {
                    warnings.add(new ScanWarning(ScanWarning.Kind.SKIPPED, relative, 1,
                            "symbolic link not followed" + linkTarget(start, file)));
                }
                else if (attributes.isRegularFile()) {
                    files.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                warnings.add(new ScanWarning(ScanWarning.Kind.SKIPPED, relative(start, file), 1,
                        "cannot be read (" + e.getClass().getSimpleName() + ")"));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return new SourceTree(start, files, warnings);
    }

    /** A link worth a warning: to a folder, or to a file of a language the scanners read. */
    private static boolean mayHoldCode(Path link) {
        String name = link.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(link) || !Files.exists(link) || name.endsWith(".rb") || name.endsWith(".py")
                || name.endsWith(".java");
    }

    /** Every file path (relative, sorted) whose name ends with one of the suffixes. */
    public List<String> files(String... suffixes) {
        List<String> selected = new ArrayList<>();
        for (String file : files) {
            for (String suffix : suffixes) {
                if (file.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                    selected.add(file);
                    break;
                }
            }
        }
        return selected;
    }

    public boolean contains(String relativePath) {
        return files.contains(relativePath);
    }

    /** The file's text, or empty (with a warning) when it is binary, too large or unreadable. */
    public Optional<SourceFile> read(String relativePath) {
        Path file = root.resolve(relativePath);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                warn(ScanWarning.Kind.SKIPPED, relativePath, "too large to be model code (" + size + " bytes, limit "
                        + MAX_FILE_BYTES + ")");
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            for (byte b : bytes) {
                if (b == 0) {
                    warn(ScanWarning.Kind.SKIPPED, relativePath, "binary file (holds NUL bytes)");
                    return Optional.empty();
                }
            }
            return Optional.of(new SourceFile(relativePath, utf8(relativePath, bytes)));
        }
        catch (IOException e) {
            warn(ScanWarning.Kind.SKIPPED, relativePath, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** Warnings about the files themselves, in a stable order. */
    public List<ScanWarning> warnings() {
        return warnings.stream().sorted().toList();
    }

    private byte[] utf8(String relativePath, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return bytes;
        }
        catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalidByte(bytes);
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            warnings.add(new ScanWarning(ScanWarning.Kind.ENCODING, relativePath, line,
                    "bytes that are not UTF-8 (read with replacement characters)"));
            return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static int firstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private void warn(ScanWarning.Kind kind, String file, String message) {
        warnings.add(new ScanWarning(kind, file, 1, message));
    }

    private static String relative(Path start, Path file) {
        return start.relativize(file).toString().replace('\\', '/');
    }

    private static String linkTarget(Path start, Path link) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(start.toRealPath())) {
                return " (it points outside the scanned folder)";
            }
            return " (its target is read where it lies)";
        }
        catch (IOException e) {
            return " (broken or looping)";
        }
    }
}
