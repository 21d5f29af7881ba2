package io.tacit.cli;

import io.tacit.error.TacitException;
import io.tacit.orm.CodeSourceFactory;
import io.tacit.orm.Framework;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.run.RunReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Reads a database's schema and data and reports the relationships between its tables, "
                + "declared or not, each with a confidence and its evidence.",
                "Give a recipe with -c, or a database with --jdbc-url; flags override the recipe.",
                "With --code PATH the application's model code (Rails, Django, SQLAlchemy, JPA) is read too: alone, "
                        + "it is the source (no database); beside a database, its declarations make edges certain."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug)",
                "2:configuration error, or the results cannot be written (--out, stdout)", "3:source error (database)",
                "4:catalog error"})
public final class DiscoverCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = {"-c", "--config"}, paramLabel = "recipe.yaml", description = "Recipe: source, inference, sinks, run.")
    Path recipe;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--level", paramLabel = "LEVEL", description = "metadata, engine, sample or full (default: sample).")
    String level;

    @Option(names = "--ignore-declared", description = "Hide declared foreign keys from inference (how benchmarks run).")
    boolean ignoreDeclared;

    @Option(names = "--min-confidence", paramLabel = "0..1", description = "Lowest confidence reported (default: 0.5).")
    Double minConfidence;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Scoring model file to use instead of the shipped one (as scripts/train-model.sh writes it).")
    String model;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "A reviewer's decisions file (exported from the HTML report): rejected relationships are "
                    + "never published, accepted ones are published with confidence 1.0.")
    String decisions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json, csv, markdown or html (default: table).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    String out;

    @Option(names = "--code", paramLabel = "PATH",
            description = "Folder of the application's model code: alone, the schema source; with a database, evidence.")
    Path code;

    @Option(names = "--framework", paramLabel = "NAME",
            description = "Model code to read with --code: auto, rails, django, sqlalchemy or jpa (default: auto).")
    String framework;

    @Option(names = "--jpa-naming", paramLabel = "NAMING",
            description = "JPA table naming with --code: hibernate (as named) or spring (snake_case) (default: hibernate).")
    String jpaNaming;

    @Option(names = "--dry-run", description = "Plan every sink's changes and print them; change nothing.")
    boolean dryRun;

    public DiscoverCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Redactor redactor = new Redactor();
        Recipe recipe = loadRecipe();
        redactor.remember(recipe);
        if (verbose.verbose) {
            environment.err().println("tacit: source " + redactor.redact(recipe.source().toString()));
            environment.err().println("tacit: " + redactor.redact(recipe.discovery().toString()));
            for (Recipe.SinkSpec sink : recipe.sinks()) {
                environment.err().println("tacit: sink " + redactor.redact(sink.toString()));
            }
        }
        DiscoveryRunner runner = new DiscoveryRunner(environment, redactor);
        RunReport report = runner.run(recipe, recipe.run().dryRun(), codeEvidence());
        runner.write(report, recipe.run().format(), recipe.run().out());
        if (report.publishFailures() > 0) {
            environment.err().println("tacit: " + report.publishFailures() + " catalog updates failed");
            return io.tacit.error.ErrorKind.CATALOG.exitCode();
        }
        return 0;
    }

    Recipe loadRecipe() {
        Map<String, Object> raw = new LinkedHashMap<>();
        String what = "from flags";
        if (recipe != null) {
            raw.putAll(RecipeLoader.read(recipe));
            what = recipe.toString();
        }
        else if (connection.jdbcUrl == null && code == null) {
            throw TacitException.config("no database given",
                    "pass --jdbc-url URL, a recipe with -c recipe.yaml, or model code with --code PATH");
        }
        if (recipe == null && connection.jdbcUrl == null) {
            // code alone is the source: a schema and its relationships with no database
            Map<String, Object> source = section(raw, RecipeLoader.SOURCE);
            source.put("type", CodeSourceFactory.TYPE);
            source.put(CodeSourceFactory.PATH.name(), code.toString());
            put(source, CodeSourceFactory.FRAMEWORK.name(), framework);
            put(source, CodeSourceFactory.NAMING.name(), jpaNaming);
            section(raw, RecipeLoader.INFERENCE).putIfAbsent("level", "metadata");
        }
        if (connection.jdbcUrl != null || connection.user != null || connection.passwordEnv != null) {
            Map<String, Object> source = section(raw, RecipeLoader.SOURCE);
            source.putIfAbsent("type", "jdbc");
            put(source, "url", connection.jdbcUrl);
            put(source, "user", connection.user);
            if (connection.passwordEnv != null) {
                source.put("password", "${env:" + connection.passwordEnv + "}");
            }
        }
        if (connection.schemas != null || level != null || ignoreDeclared || minConfidence != null || model != null
                || decisions != null) {
            Map<String, Object> inference = section(raw, RecipeLoader.INFERENCE);
            put(inference, "schemas", connection.schemas);
            put(inference, "level", level);
            if (ignoreDeclared) {
                inference.put("ignoreDeclared", true);
            }
            put(inference, "minConfidence", minConfidence);
            put(inference, "model", model);
            put(inference, "decisions", decisions);
        }
        if (format != null || out != null || dryRun) {
            Map<String, Object> run = section(raw, RecipeLoader.RUN);
            put(run, "format", format);
            put(run, "out", out);
            if (dryRun) {
                run.put("dryRun", true);
            }
        }
        return RecipeLoader.standard(environment.secrets()).validate(what, raw);
    }

    /** The code to merge into a database's discovery: only when both are given. */
    Optional<CodeEvidenceOption> codeEvidence() {
        if (code == null || (recipe == null && connection.jdbcUrl == null)) {
            return Optional.empty();
        }
        String frameworkName = framework == null ? "auto" : framework;
        if (!frameworkName.equals("auto") && Framework.named(frameworkName).isEmpty()) {
            throw TacitException.config("unknown framework '" + frameworkName + "'",
                    "use auto, rails, django, sqlalchemy or jpa");
        }
        String naming = jpaNaming == null ? "hibernate" : jpaNaming;
        if (!naming.equals("hibernate") && !naming.equals("spring")) {
            throw TacitException.config("unknown JPA naming '" + naming + "'", "use hibernate or spring");
        }
        return Optional.of(new CodeEvidenceOption(code, CodeSourceFactory.scanner(frameworkName, naming)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> raw, String name) {
        Object existing = raw.get(name);
        Map<String, Object> section = new LinkedHashMap<>();
        if (existing instanceof Map<?, ?> map) {
            section.putAll((Map<String, Object>) map);
        }
        raw.put(name, section);
        return section;
    }

    private static void put(Map<String, Object> section, String key, Object value) {
        if (value != null) {
            section.put(key, value);
        }
    }
}
