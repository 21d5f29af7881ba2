package io.tacit.cli;

import io.tacit.model.Relationship;
import io.tacit.output.AtomicFile;
import io.tacit.recipe.Recipe;
import io.tacit.recipe.RecipeLoader;
import io.tacit.report.ConsoleTable;
import io.tacit.run.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = {"Creates a small shop database (SQLite, written the way an ORM leaves it: no foreign key "
                + "constraints), discovers its relationships and writes the reports. No server, no network."})
public final class DemoCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "tacit-demo",
            description = "Folder for the database and the reports (default: ${DEFAULT-VALUE}).")
    Path dir;

    public DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        var err = environment.err();
        Path database = dir.resolve("shop.db").toAbsolutePath();
        int rows = DemoDatabase.create(database);
        err.println("tacit: created the demo shop database " + database + " (10 tables, " + rows
                + " rows, no foreign key constraints)");
        AtomicFile.write(dir.resolve("expected.csv"), "fk_table,fk_columns,pk_table,pk_columns\n"
                + String.join("\n", DemoDatabase.EXPECTED) + "\n");

        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put(RecipeLoader.SOURCE, Map.of("type", "jdbc", "url", "jdbc:sqlite:" + database));
        raw.put(RecipeLoader.INFERENCE, Map.of("level", "full"));
        raw.put(RecipeLoader.SINKS, List.of(
                Map.of("type", "json", "path", dir.resolve("relationships.json").toString()),
                Map.of("type", "markdown", "path", dir.resolve("relationships.md").toString()),
                Map.of("type", "html", "path", dir.resolve("relationships.html").toString())));
        Recipe recipe = RecipeLoader.standard(environment.secrets()).validate("demo", raw);

        DiscoveryRunner runner = new DiscoveryRunner(environment, new Redactor());
        RunReport report = runner.run(recipe, false);
        var out = environment.out();
        out.println("Relationships tacit found in the demo shop (none of them is declared in the database):");
        out.println();
        out.print(ConsoleTable.render(report.result()));
        Set<String> found = new TreeSet<>();
        for (Relationship relationship : report.result().relationships()) {
            found.add(relationship.from().table().qualified() + "," + String.join("+", relationship.from().columns())
                    + "," + relationship.to().table().qualified() + "," + String.join("+", relationship.to().columns()));
        }
        long hits = DemoDatabase.EXPECTED.stream().filter(found::contains).count();
        out.println();
        out.println("Found " + hits + " of the " + DemoDatabase.EXPECTED.size()
                + " relationships the shop's application code relies on (listed in " + dir.resolve("expected.csv")
                + "), plus " + (found.size() - hits) + " others.");
        out.println("Reports: " + dir.resolve("relationships.json") + " and " + dir.resolve("relationships.md"));
        out.println("Open " + dir.resolve("relationships.html") + " in a browser to see the diagram, the evidence, "
                + "and to accept or reject relationships.");
        return 0;
    }
}
