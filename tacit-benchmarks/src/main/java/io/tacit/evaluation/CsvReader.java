package io.tacit.evaluation;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 CSV as PostgreSQL {@code COPY ... (FORMAT csv)} writes it: an empty unquoted field is NULL
 * (returned as {@code null}), {@code ""} is the empty string, quotes inside quoted fields are doubled and
 * quoted fields may span lines. Every record knows the line it starts on, so errors can name it.
 */
final class CsvReader implements Closeable {
    private final Path file;
    private final BufferedReader reader;
    private int line = 1;
    private boolean finished;

    private CsvReader(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    static CsvReader open(Path file) {
        requireNonNull(file, "file is null");
        try {
            return new CsvReader(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw TacitException.config("file " + file + " does not exist", "check the dataset folder");
        } catch (IOException e) {
            throw TacitException.config("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
    }

    static CsvReader of(Path file, BufferedReader reader) {
        return new CsvReader(requireNonNull(file, "file is null"), requireNonNull(reader, "reader is null"));
    }

    Path file() {
        return file;
    }

    /** One record: the 1-based line it starts on and its fields, {@code null} for NULL. */
    record Record(int line, List<String> fields) {
        int size() {
            return fields.size();
        }
    }

    /** The next record, empty at the end of the file. */
    Optional<Record> next() {
        if (finished) {
            return Optional.empty();
        }
        try {
            return readRecord();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Optional<Record> readRecord() throws IOException {
        int startLine = line;
        int c = reader.read();
        if (c == -1) {
            finished = true;
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw TacitException.config(file + ":" + startLine + ": a quoted field is never closed",
                            "every opening \" needs a closing \"; quotes inside a field are doubled (\"\")");
                }
                if (c == '"') {
                    int after = reader.read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = reader.read();
                continue;
            }
            if (c == ',' || c == '\n' || c == -1) {
                fields.add(field.isEmpty() && !fieldWasQuoted ? null : field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                if (c == ',') {
                    c = reader.read();
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else {
                    finished = true;
                }
                return Optional.of(new Record(startLine, fields));
            }
            if (c == '\r') {
                int after = reader.read();
                if (after != '\n') {
                    field.append('\r');
                }
                c = after;
                continue;
            }
            if (c == '"') {
                if (!field.isEmpty() || fieldWasQuoted) {
                    throw TacitException.config(file + ":" + line + ": a quote inside an unquoted field",
                            "quote the whole field and double the quotes inside it");
                }
                quoted = true;
                fieldWasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = reader.read();
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
