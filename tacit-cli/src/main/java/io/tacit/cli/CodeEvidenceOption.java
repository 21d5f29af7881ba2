package io.tacit.cli;

import static java.util.Objects.requireNonNull;

import io.tacit.orm.CodeScanner;
import java.nio.file.Path;

/** {@code --code PATH} beside a database: the model code to read and the scanner that reads it. */
record CodeEvidenceOption(Path path, CodeScanner scanner) {
    CodeEvidenceOption {
        requireNonNull(path, "path is null");
        requireNonNull(scanner, "scanner is null");
    }
}
