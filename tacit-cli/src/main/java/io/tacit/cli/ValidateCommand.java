package io.tacit.cli;

import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.spi.Source;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Checks a recipe and reports every problem at once; then tries to connect to its source.",
                "Exit code 0 when the recipe is valid (and the source reachable), 2 for recipe problems, "
                        + "3 when the source cannot be reached."})
public final class ValidateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "recipe.yaml", description = "The recipe to check.")
    Path recipe;

    @Option(names = "--offline", description = "Check the recipe only; do not connect to the source.")
    boolean offline;

    public ValidateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Recipe loaded = RecipeLoader.standard(environment.secrets()).load(recipe);
        environment.out().println("recipe " + recipe + " is valid: source " + loaded.source().factory().type()
                + ", level " + loaded.discovery().level().label() + ", " + loaded.sinks().size() + " sinks");
        if (verbose.verbose) {
            environment.err().println("tacit: source " + new Redactor().redact(loaded.source().toString()));
        }
        if (!offline) {
            try (Source source = loaded.source().open()) {
                environment.out().println("source " + loaded.source().factory().type() + " is reachable");
            }
        }
        return 0;
    }
}
