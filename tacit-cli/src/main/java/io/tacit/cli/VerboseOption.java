package io.tacit.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: more detail on stderr, and the stack trace of an error. Never a secret. */
final class VerboseOption {
    @Option(names = "--verbose", description = "Print the effective configuration and, on errors, the stack trace (secrets stay hidden).")
    boolean verbose;
}
