package io.tacit.cli;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.RelationshipInference;
import io.tacit.model.RunContext;
import io.tacit.output.AtomicFile;
import io.tacit.recipe.Recipe;
import io.tacit.report.ReportFormat;
import io.tacit.run.DiscoveryPipeline;
import io.tacit.run.PublisherRun;
import io.tacit.run.RunReport;
import io.tacit.run.ToolVersion;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import io.tacit.spi.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a validated recipe end to end and writes its result: what {@code discover} and {@code demo} share. */
final class DiscoveryRunner {
    private final CliEnvironment environment;
    private final Redactor redactor;

    DiscoveryRunner(CliEnvironment environment, Redactor redactor) {
        this.environment = requireNonNull(environment, "environment is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    RunReport run(Recipe recipe, boolean dryRun) {
        return run(recipe, dryRun, RunContext.start(ToolVersion.current()));
    }

    /** One run under a given id: {@code tacit serve} uses the id the catalog chose (a DataHub execution request's). */
    RunReport run(Recipe recipe, boolean dryRun, RunContext run) {
        ConsoleProgress progress = new ConsoleProgress(environment.err(), environment.terminal(), redactor);
        progress.note("run " + run.runId() + " (tacit " + run.toolVersion() + ")");
        List<Publisher<?>> publishers = new ArrayList<>();
        try (Source source = recipe.source().open(run)) {
            for (Recipe.SinkSpec sink : recipe.sinks()) {
                publishers.add(sink.create(run, dryRun));
            }
            DiscoveryPipeline pipeline = new DiscoveryPipeline(
                    new RelationshipInference(recipe.discovery().inference()), progress);
            return pipeline.run(run, source, recipe.discovery(), publishers, dryRun);
        }
        finally {
            for (Publisher<?> publisher : publishers) {
                try {
                    publisher.close();
                }
                catch (RuntimeException e) {
                    progress.note("closing " + publisher.name() + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** Prints (or writes to {@code out}) the result in the chosen format, then what each sink did. */
    void write(RunReport report, ReportFormat format, java.util.Optional<String> out) {
        String rendered = format.render(report.result());
        if (out.isPresent()) {
            Path file = Path.of(out.get());
            AtomicFile.write(file, rendered);
            environment.err().println("tacit: wrote " + report.result().relationships().size()
                    + " relationships to " + redactor.redact(file.toString()));
        }
        else {
            environment.out().print(rendered);
            environment.out().flush();
        }
        for (PublisherRun publisher : report.publishers()) {
            describe(publisher, report.dryRun());
        }
    }

    private void describe(PublisherRun publisher, boolean dryRun) {
        var err = environment.err();
        if (dryRun) {
            err.println("tacit: plan for " + redactor.redact(publisher.publisher()) + " (dry run, nothing applied): "
                    + publisher.plan().changes().size() + " changes");
            for (PublishPlan.PlannedChange change : publisher.plan().changes()) {
                err.println("  " + change.action() + " " + redactor.redact(change.target()) + ": "
                        + redactor.redact(change.what()));
            }
            return;
        }
        PublishReport applied = publisher.applied().orElseThrow();
        err.println("tacit: " + redactor.redact(applied.publisher()) + ": " + applied.added() + " added, " + applied.changed()
                + " changed, " + applied.retired() + " retired, " + applied.unchanged() + " unchanged, "
                + applied.failures() + " failed");
        for (PublishReport.Outcome outcome : applied.outcomes()) {
            if (!outcome.ok()) {
                err.println("  failed " + redactor.redact(outcome.target()) + ": " + redactor.redact(outcome.message()));
            }
        }
    }
}
