package io.tacit.cli;

import io.tacit.error.TacitException;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.ForeignKey;
import io.tacit.model.RunContext;
import io.tacit.model.SchemaSnapshot;
import io.tacit.orm.CodeSchema;
import io.tacit.orm.GapAnalysis;
import io.tacit.orm.GapMigration;
import io.tacit.orm.GapRendering;
import io.tacit.orm.GapReport;
import io.tacit.output.AtomicFile;
import io.tacit.recipe.Recipe;
import io.tacit.run.ToolVersion;
import io.tacit.spi.Source;
import io.tacit.spi.ValueProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gap", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Compares the relationships application model code declares with the constraints the "
                + "database enforces: declared but not enforced (with orphan rows where the level reads data), "
                + "enforced but not declared, and what the code names that the database lacks.",
                "Give the database with -c recipe.yaml or --jdbc-url, and the code with --code PATH.",
                "--migration FILE writes the SQL that would add the missing constraints; tacit never runs it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, gap or not (unless --fail-on-gap)", "1:internal error (a bug)",
                "2:configuration error, or the results cannot be written", "3:source error (database)",
                "5:code and database disagree, with --fail-on-gap"})
public final class GapCommand implements Callable<Integer> {
    /** Code and database disagree and {@code --fail-on-gap} asked for it to fail the build. */
    static final int GAP_EXIT_CODE = 5;

    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = {"-c", "--config"}, paramLabel = "recipe.yaml", description = "Recipe naming the database.")
    Path recipe;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "metadata (no orphan counts), engine, sample or full (default: the recipe's, else sample).")
    String level;

    @Option(names = "--code", paramLabel = "PATH", required = true, description = "Folder of the application's model code.")
    Path code;

    @Option(names = "--framework", paramLabel = "NAME",
            description = "auto, rails, django, sqlalchemy or jpa (default: auto).")
    String framework;

    @Option(names = "--jpa-naming", paramLabel = "NAMING", description = "hibernate or spring (default: hibernate).")
    String jpaNaming;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or markdown (default: table).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path out;

    @Option(names = "--migration", paramLabel = "FILE",
            description = "Write the SQL that would add the missing constraints to FILE (never run by tacit).")
    Path migration;

    @Option(names = "--fail-on-gap", description = "Exit with 5 when code and database disagree (for CI).")
    boolean failOnGap;

    public GapCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (recipe == null && connection.jdbcUrl == null) {
            throw TacitException.config("no database given", "pass --jdbc-url URL or a recipe with -c recipe.yaml");
        }
        GapRendering rendering = GapRendering.TABLE;
        if (format != null) {
            rendering = GapRendering.named(format).orElseThrow(() -> TacitException.config(
                    "unknown format '" + format + "'", "use table, json or markdown"));
        }
        Redactor redactor = new Redactor();
        DiscoverCommand options = discoverOptions();
        Recipe loaded = options.loadRecipe();
        redactor.remember(loaded);
        CodeEvidenceOption evidence = options.codeEvidence().orElseThrow();
        ConsoleProgress progress = new ConsoleProgress(environment.err(), environment.terminal(), redactor);
        CodeSchema schema = evidence.scanner().scan(evidence.path());
        progress.note("code: " + schema.tables().size() + " tables and " + schema.edges().size() + " relationships, "
                + schema.warnings().size() + " warnings");
        RunContext run = RunContext.start(ToolVersion.current());
        try (Source source = loaded.source().open(run)) {
            if (!(source instanceof JdbcSource jdbc)) {
                throw TacitException.config("tacit gap needs a database as the source",
                        "give --jdbc-url or a recipe whose source is a database");
            }
            SchemaSnapshot snapshot = source.readSchema(loaded.discovery().filter(), progress);
            boolean readsData = loaded.discovery().level().readsData();
            ValueProbe probe = ValueProbe.NONE;
            if (readsData) {
                probe = source.valueProbe();
            }
            GapReport report = new GapAnalysis(schema).compare(snapshot, probe, readsData);
            for (String warning : report.warnings()) {
                progress.note("gap: " + warning);
            }
            write(rendering.render(report), out, redactor);
            if (migration != null) {
                Set<String> taken = new TreeSet<>();
                for (ForeignKey key : snapshot.declared()) {
                    taken.add(key.name());
                }
                AtomicFile.write(migration, new GapMigration(jdbc.dialect()).render(report, taken));
                environment.err().println("tacit: wrote " + report.declaredNotEnforced().size()
                        + " constraints to add to " + redactor.redact(migration.toString()) + " (not applied)");
            }
            if (failOnGap && report.hasGap()) {
                return GAP_EXIT_CODE;
            }
            return 0;
        }
    }

    private void write(String rendered, Path file, Redactor redactor) {
        if (file != null) {
            AtomicFile.write(file, rendered);
            environment.err().println("tacit: wrote the gap report to " + redactor.redact(file.toString()));
            return;
        }
        environment.out().print(rendered);
        environment.out().flush();
    }

    /** The recipe and code options read as {@code discover} reads them: one place for both commands. */
    private DiscoverCommand discoverOptions() {
        DiscoverCommand discover = new DiscoverCommand(environment);
        discover.recipe = recipe;
        discover.connection = connection;
        discover.level = level;
        discover.code = code;
        discover.framework = framework;
        discover.jpaNaming = jpaNaming;
        return discover;
    }
}
