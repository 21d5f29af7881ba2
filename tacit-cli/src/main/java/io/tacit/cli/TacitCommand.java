package io.tacit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tacit", mixinStandardHelpOptions = true, versionProvider = TacitVersion.class,
        description = "Finds the relationships between tables that no database declares, with confidence and evidence, "
                + "and publishes them to data catalogs.",
        subcommands = {DiscoverCommand.class, ServeCommand.class, ValidateCommand.class, DemoCommand.class,
                ReportCommand.class, ExportCommand.class, GapCommand.class, EvaluateCommand.class, TrainCommand.class,
                BenchCommand.class})
public final class TacitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
