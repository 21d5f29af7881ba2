package io.tacit.cli;

import io.tacit.error.TacitException;
import io.tacit.output.AtomicFile;
import io.tacit.report.JsonReport;
import io.tacit.report.dbt.DbtExport;
import io.tacit.report.dbt.DbtSchemaFile;
import io.tacit.review.ReviewDecisions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = "Writes a JSON report's relationships in another tool's format.",
        subcommands = {ExportCommand.Dbt.class})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "dbt", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
            description = {"Writes dbt relationships tests for the relationships of a JSON report into a dbt schema "
                    + "file, merged with what the file holds (docs/dbt.md).",
                    "Declared foreign keys are left out (the database enforces them); inferred relationships at or "
                    + "above --min-confidence, ORM relationships and accepted ones get a test; rejected ones never. "
                    + "Composite and polymorphic relationships are skipped with a warning."})
    static final class Dbt implements Callable<Integer> {
        private final CliEnvironment environment;

        @Mixin
        VerboseOption verbose = new VerboseOption();

        @Option(names = "--from", paramLabel = "report.json", required = true,
                description = "A JSON report tacit wrote (discover --format json, or a json sink).")
        Path from;

        @Option(names = "--out", paramLabel = "schema.yml", required = true,
                description = "The dbt schema file to write; merged with it when it exists.")
        Path out;

        @Option(names = "--min-confidence", paramLabel = "0..1",
                description = "Inferred relationships below it get no test (default: every relationship of the "
                        + "report, which the run's own threshold chose).")
        Double minConfidence;

        @Option(names = "--decisions", paramLabel = "FILE",
                description = "A reviewer's decisions file: rejected relationships get no test, accepted ones do.")
        Path decisions;

        @Option(names = "--as", paramLabel = "sources|models", defaultValue = "sources",
                description = "Tables as dbt sources, source('schema', 'table') (default), or as models of the same "
                        + "name, ref('table').")
        String layout;

        @Option(names = "--tests-key", paramLabel = "data_tests|tests", defaultValue = "data_tests",
                description = "Key of a column's new test list: data_tests (dbt 1.8+, default) or tests (older dbt).")
        String testsKey;

        @Option(names = "--include-declared", description = "Also test declared foreign keys.")
        boolean includeDeclared;

        @Option(names = "--force", description = "Rewrite the file even if it has YAML comments (they are lost).")
        boolean force;

        Dbt(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            DbtSchemaFile.Layout chosen;
            try {
                chosen = DbtSchemaFile.Layout.parse(layout);
            }
            catch (IllegalArgumentException e) {
                throw TacitException.config("--as " + layout + " is not sources or models", "use --as sources or --as models");
            }
            if (!testsKey.equals("data_tests") && !testsKey.equals("tests")) {
                throw TacitException.config("--tests-key " + testsKey + " is not data_tests or tests",
                        "use data_tests (dbt 1.8 and later) or tests");
            }
            OptionalDouble threshold = minConfidence == null ? OptionalDouble.empty() : OptionalDouble.of(minConfidence);
            DbtExport export = new DbtExport(out, threshold, includeDeclared, chosen, testsKey, force);
            Optional<ReviewDecisions> review = Optional.ofNullable(decisions).map(ReviewDecisions::load);
            String text = export.render(JsonReport.read(from), review,
                    problem -> environment.err().println("tacit: warning: " + problem));
            if (export.existing().equals(Optional.of(text))) {
                environment.err().println("tacit: " + out + " is up to date");
                return 0;
            }
            AtomicFile.write(out, text);
            environment.err().println("tacit: wrote the dbt " + chosen.label() + " tests to " + out);
            return 0;
        }
    }
}
