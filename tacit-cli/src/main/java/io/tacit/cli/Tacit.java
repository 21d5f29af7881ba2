package io.tacit.cli;

import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.jdbc.OpenSessions;
import io.tacit.output.WriteFailure;
import io.tacit.report.ConsoleText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * The {@code tacit} command line. Exit codes: 0 ok, 2 configuration (or the results cannot be written), 3 source,
 * 4 catalog, 1 internal. Results go to stdout; progress and errors to stderr, one line per error, a stack trace
 * only with {@code --verbose}. Everything printed on stderr has its control characters escaped.
 */
public final class Tacit {
    private Tacit() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(Tacit::cancelDatabaseWork, "tacit-stop"));
        System.exit(execute(CliEnvironment.system(), args));
    }

    /**
     * On Ctrl-C or SIGTERM the JVM runs this before it exits (130 or 143): the statements still running are
     * cancelled on the server, which would otherwise work on until their statement timeout. After a normal end
     * no session is open and it does nothing.
     */
    private static void cancelDatabaseWork() {
        int sessions = OpenSessions.cancelAll();
        if (sessions > 0) {
            System.err.println("tacit: stopping: cancelled the running statements of " + sessions
                    + " database session" + (sessions == 1 ? "" : "s"));
            System.err.flush();
        }
    }

    /** Runs one command line in-process and returns its exit code. */
    public static int execute(CliEnvironment environment, String... args) {
        int exitCode = commandLine(environment).execute(args);
        return checkResultsWritten(environment, exitCode);
    }

    /**
     * Results that did not reach stdout (a full disk, a closed pipe) make the run fail: {@code PrintStream}
     * swallows write errors, so they are looked for once everything is flushed.
     */
    static int checkResultsWritten(CliEnvironment environment, int exitCode) {
        PrintStream out = environment.out();
        out.flush();
        if (!out.checkError()) {
            return exitCode;
        }
        String reason = "";
        if (out instanceof StandardOutput standard && standard.failure().isPresent()) {
            reason = ": " + WriteFailure.reason(standard.failure().get());
        }
        environment.err().println("tacit: cannot write the results to standard output" + ConsoleText.escape(reason));
        environment.err().flush();
        if (exitCode != 0) {
            return exitCode;
        }
        return ErrorKind.CONFIG.exitCode();
    }

    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new TacitCommand(), new Factory(environment));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) ->
                report(environment, exception, verbose(command)));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            environment.err().println("tacit: " + ConsoleText.escape(exception.getMessage()));
            environment.err().println("tacit: see '" + exception.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'");
            return ErrorKind.CONFIG.exitCode();
        });
        return commandLine;
    }

    static int report(CliEnvironment environment, Exception exception, boolean verbose) {
        Redactor redactor = new Redactor();
        var err = environment.err();
        int exitCode;
        if (exception instanceof InvalidConfigException invalid) {
            err.println("tacit: " + redactor.redact(headline(invalid)));
            for (ConfigProblem problem : invalid.problems()) {
                err.println("  - " + redactor.redact(problem.toString()));
            }
            exitCode = invalid.kind().exitCode();
        }
        else if (exception instanceof TacitException tacit) {
            err.println("tacit: " + redactor.redact(tacit.oneLine()));
            exitCode = tacit.kind().exitCode();
        }
        else {
            err.println("tacit: internal error: " + redactor.redact(String.valueOf(exception)));
            if (!verbose) {
                err.println("tacit: this is a bug; run again with --verbose for the stack trace");
            }
            exitCode = ErrorKind.INTERNAL.exitCode();
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.print(redactor.redactLines(trace.toString()));
        }
        err.flush();
        return exitCode;
    }

    private static String headline(InvalidConfigException invalid) {
        String message = invalid.getMessage();
        if (invalid.problems().size() == 1) {
            int colon = message.indexOf(": ");
            return message.substring(0, colon) + " has 1 problem:";
        }
        return message.substring(0, message.indexOf(" problems: ")) + " problems:";
    }

    private static boolean verbose(CommandLine command) {
        var parseResult = command.getParseResult();
        return parseResult != null && parseResult.hasMatchedOption("--verbose");
    }

    /** Hands every command the environment it runs in. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliEnvironment environment;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
                return constructor.newInstance(environment);
            }
            catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
