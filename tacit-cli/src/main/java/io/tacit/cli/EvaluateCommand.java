package io.tacit.cli;

import io.tacit.config.Secret;
import io.tacit.error.TacitException;
import io.tacit.evaluation.BenchmarkDataset;
import io.tacit.evaluation.Evaluation;
import io.tacit.evaluation.EvaluationReport;
import io.tacit.evaluation.EvaluationResult;
import io.tacit.evaluation.EvaluationServers;
import io.tacit.evaluation.Target;
import io.tacit.evaluation.TruthSet;
import io.tacit.inference.InferenceSettings;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.jdbc.ConnectionSettings;
import io.tacit.jdbc.JdbcSource;
import io.tacit.model.SchemaFilter;
import io.tacit.model.StatisticsLevel;
import io.tacit.output.AtomicFile;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.spi.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Measures how well tacit finds relationships: loads a benchmark dataset into a fresh database "
                + "(named tacit_eval_*), runs discovery with declared foreign keys ignored and scores the result "
                + "against the dataset's truth.csv: precision, recall, F1, recall per hard case, calibration, time "
                + "per stage.",
                "Or scores a database that is already loaded (-c recipe.yaml or --jdbc-url) against --truth FILE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug)", "2:configuration error (dataset, truth, flags)",
                "3:source error (database)"})
public final class EvaluateCommand implements Callable<Integer> {
    private final CliEnvironment environment;
    private final Redactor redactor = new Redactor();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = "--dataset", paramLabel = "DIR", description = "A dataset folder (schema.sql, truth.csv, data/).")
    Path dataset;

    @Option(names = "--all", description = "Every dataset in --benchmarks: data-bearing ones at every level, "
            + "schema-only ones at metadata and engine; multi-schema ones on postgres only.")
    boolean all;

    @Option(names = "--benchmarks", paramLabel = "DIR",
            description = "Folder of datasets for --all (default: the nearest shared/benchmarks above the working directory).")
    Path benchmarks;

    @Option(names = "--target", split = ",", paramLabel = "ENGINE",
            description = "postgres, mariadb or sqlite; several separated by commas (default: postgres).")
    List<String> targets;

    @Option(names = "--level", split = ",", paramLabel = "LEVEL",
            description = "metadata, engine, sample or full; several separated by commas (default: every level the dataset supports).")
    List<String> levels;

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown (default) or json.")
    String format = "markdown";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the full result as JSON to FILE (with --format markdown).")
    Path jsonOut;

    @Option(names = "--repeat", paramLabel = "N", description = "Discovery runs per level; times are medians (default: 1).")
    int repeat = 1;

    @Option(names = "--keep-databases", description = "Leave the loaded tacit_eval_* databases in place.")
    boolean keepDatabases;

    @Option(names = "--force-drop", description = "Drop an existing tacit_eval_* database even while sessions are "
            + "connected to it, ending them (without it, such a database is left alone and the run fails).")
    boolean forceDrop;

    @Option(names = "--min-confidence", paramLabel = "0..1", description = "Lowest confidence predicted (default: 0.5).")
    Double minConfidence;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Scoring model file to use instead of the shipped one, e.g. one trained without the dataset "
                    + "(scripts/train-model.sh --without DATASET FILE).")
    Path model;

    @Option(names = {"-c", "--config"}, paramLabel = "recipe.yaml", description = "Score the recipe's source (already loaded) against --truth.")
    Path recipe;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Score this already-loaded database against --truth.")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user for --jdbc-url.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the --jdbc-url password.")
    String passwordEnv;

    @Option(names = "--truth", paramLabel = "FILE", description = "Truth file (truth.csv format) for -c or --jdbc-url.")
    Path truth;

    @Option(names = "--truth-extra", paramLabel = "FILE", description = "Real relationships that count neither way (truth_extra.csv format).")
    Path truthExtra;

    @Option(names = "--postgres-url", paramLabel = "URL", description = "PostgreSQL server datasets load into (default: jdbc:postgresql://127.0.0.1:5432/postgres).")
    String postgresUrl = EvaluationServers.DEFAULTS.postgresUrl();

    @Option(names = "--postgres-user", paramLabel = "USER", description = "A PostgreSQL superuser (default: postgres).")
    String postgresUser = EvaluationServers.DEFAULTS.postgresUser();

    @Option(names = "--mariadb-url", paramLabel = "URL", description = "MariaDB server datasets load into (default: jdbc:mariadb://127.0.0.1:3306/).")
    String mariaDbUrl = EvaluationServers.DEFAULTS.mariaDbUrl();

    @Option(names = "--mariadb-user", paramLabel = "USER", description = "MariaDB user allowed to create databases (default: root).")
    String mariaDbUser = EvaluationServers.DEFAULTS.mariaDbUser();

    @Option(names = "--sqlite-dir", paramLabel = "DIR", description = "Folder for the SQLite files (default: the temporary folder).")
    Path sqliteDirectory = EvaluationServers.DEFAULTS.sqliteDirectory();

    public EvaluateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<EvaluationResult> results = results();
        write(out, render(results));
        if (jsonOut != null) {
            write(jsonOut, EvaluationReport.json(results));
        }
        return 0;
    }

    private List<EvaluationResult> results() {
        int modes = (dataset != null ? 1 : 0) + (all ? 1 : 0) + (recipe != null || jdbcUrl != null ? 1 : 0);
        if (modes != 1) {
            throw TacitException.config("choose one of --dataset DIR, --all, or -c recipe.yaml / --jdbc-url with --truth",
                    "see tacit evaluate --help");
        }
        if (!format.equals("markdown") && !format.equals("json")) {
            throw TacitException.config("unknown format '" + format + "'", "use --format markdown or --format json");
        }
        if (repeat < 1) {
            throw TacitException.config("--repeat must be 1 or more", "use --repeat 3 for medians of three runs");
        }
        InferenceSettings inference = withFlags(InferenceSettings.DEFAULTS);
        Evaluation evaluation = new Evaluation(servers(), new Evaluation.Options(repeat, keepDatabases, inference,
                progress(), forceDrop));
        List<StatisticsLevel> wantedLevels = parseLevels();
        if (recipe != null || jdbcUrl != null) {
            return List.of(evaluateLoaded(evaluation, wantedLevels, inference));
        }
        List<Target> wantedTargets = parseTargets();
        if (all) {
            Path root = benchmarks == null ? BenchmarkDataset.defaultRoot() : benchmarks;
            return evaluation.runAll(root, wantedTargets, wantedLevels);
        }
        BenchmarkDataset chosen = BenchmarkDataset.open(dataset);
        List<StatisticsLevel> datasetLevels = wantedLevels.isEmpty() ? Evaluation.levelsFor(chosen) : wantedLevels;
        List<EvaluationResult> results = new ArrayList<>();
        for (Target target : wantedTargets) {
            results.addAll(evaluation.run(chosen, target, datasetLevels));
        }
        return results;
    }

    private EvaluationResult evaluateLoaded(Evaluation evaluation, List<StatisticsLevel> wantedLevels,
            InferenceSettings inference) {
        if (truth == null) {
            throw TacitException.config("scoring an already-loaded database needs --truth FILE",
                    "write the known relationships as fk_table,fk_columns,pk_table,pk_columns (see BENCHMARKS.md)");
        }
        if (wantedLevels.size() > 1) {
            throw TacitException.config("give one --level when scoring an already-loaded database", "e.g. --level full");
        }
        TruthSet truthSet = TruthSet.load(truth, Optional.ofNullable(truthExtra));
        if (recipe != null) {
            Recipe loaded = RecipeLoader.standard(environment.secrets()).load(recipe);
            redactor.remember(loaded);
            StatisticsLevel level = wantedLevels.isEmpty() ? loaded.discovery().level() : wantedLevels.get(0);
            // the recipe's inference settings, with the flags given on top
            Evaluation withRecipeInference = new Evaluation(servers(),
                    new Evaluation.Options(repeat, false, withFlags(loaded.discovery().inference()), progress()));
            return withRecipeInference.evaluateLoaded(recipe.toString(), loaded.source()::open,
                    loaded.discovery().filter(), truthSet, level);
        }
        Optional<Secret> password = Optional.empty();
        if (passwordEnv != null) {
            String value = environment.variables().apply(passwordEnv).orElse(null);
            if (value == null) {
                throw TacitException.config("environment variable " + passwordEnv + " is not set",
                        "export it or drop --password-env");
            }
            redactor.remember(value);
            password = Optional.of(Secret.of(value, "--password-env " + passwordEnv));
        }
        ConnectionSettings settings = ConnectionSettings.of(jdbcUrl, user, password.orElse(null));
        StatisticsLevel level = wantedLevels.isEmpty() ? StatisticsLevel.FULL : wantedLevels.get(0);
        String name = jdbcUrl.replaceAll("\\?.*", "");
        return evaluation.evaluateLoaded(name, () -> JdbcSource.open(settings), SchemaFilter.all(), truthSet, level);
    }

    /** {@code settings} with --min-confidence and --model applied when given. */
    private InferenceSettings withFlags(InferenceSettings settings) {
        InferenceSettings result = settings;
        if (minConfidence != null) {
            if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
                throw TacitException.config("--min-confidence must be between 0 and 1, got " + minConfidence,
                        "e.g. --min-confidence 0.5");
            }
            result = result.withMinConfidence(minConfidence);
        }
        if (model != null) {
            result = result.withModel(ScoringModel.load(model));
        }
        return result;
    }

    private EvaluationServers servers() {
        return new EvaluationServers(postgresUrl, postgresUser, Optional.empty(), mariaDbUrl, mariaDbUser,
                Optional.empty(), sqliteDirectory);
    }

    private List<Target> parseTargets() {
        if (targets == null || targets.isEmpty()) {
            return List.of(Target.POSTGRES);
        }
        List<Target> parsed = new ArrayList<>();
        for (String text : targets) {
            try {
                parsed.add(Target.parse(text));
            } catch (IllegalArgumentException e) {
                throw TacitException.config(e.getMessage(), "e.g. --target postgres,mariadb,sqlite");
            }
        }
        return parsed;
    }

    private List<StatisticsLevel> parseLevels() {
        if (levels == null || levels.isEmpty()) {
            return List.of();
        }
        List<StatisticsLevel> parsed = new ArrayList<>();
        for (String text : levels) {
            try {
                parsed.add(StatisticsLevel.parse(text));
            } catch (IllegalArgumentException e) {
                throw TacitException.config(e.getMessage(), "e.g. --level metadata,full");
            }
        }
        return parsed;
    }

    private String render(List<EvaluationResult> results) {
        if (format.equals("json")) {
            return EvaluationReport.json(results);
        }
        return EvaluationReport.markdown(results);
    }

    private void write(Path file, String output) {
        if (file == null) {
            environment.out().print(output);
            environment.out().flush();
            return;
        }
        AtomicFile.write(file, output);
    }

    private ProgressListener progress() {
        return new ConsoleProgress(environment.err(), environment.terminal(), redactor);
    }
}
