package io.tacit.cli;

import io.tacit.error.TacitException;
import io.tacit.output.AtomicFile;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.report.html.HtmlReport;
import io.tacit.run.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Writes the HTML report: one self-contained page (it works offline) with the ER diagram, the "
                + "evidence of every relationship, a per-table list, a summary, and the review of relationships "
                + "(accept, reject, add) exported as a decisions file for tacit discover --decisions.",
                "Give a JSON report tacit wrote (--from), or a recipe (-c) to run discovery first; no sink of the "
                + "recipe is published to."})
public final class ReportCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--from", paramLabel = "report.json", required = true,
                description = "A JSON report tacit wrote (discover --format json, or a json sink).")
        Path from;

        @Option(names = {"-c", "--config"}, paramLabel = "recipe.yaml", required = true,
                description = "A recipe: its source is read and its relationships inferred.")
        Path recipe;
    }

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path out;

    public ReportCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Redactor redactor = new Redactor();
        String html;
        if (input.from != null) {
            html = HtmlReport.renderJsonReport(input.from);
        }
        else {
            Recipe recipe = RecipeLoader.standard(environment.secrets()).load(input.recipe);
            redactor.remember(recipe);
            Recipe withoutSinks = new Recipe(recipe.source(), recipe.discovery(), java.util.List.of(), recipe.run());
            RunReport report = new DiscoveryRunner(environment, redactor).run(withoutSinks, false);
            html = HtmlReport.render(report.result());
        }
        if (out.toString().isBlank()) {
            throw TacitException.config("--out is empty", "give the HTML file to write");
        }
        AtomicFile.write(out, html);
        environment.err().println("tacit: wrote the HTML report " + redactor.redact(out.toString())
                + "; open it in a browser");
        return 0;
    }
}
