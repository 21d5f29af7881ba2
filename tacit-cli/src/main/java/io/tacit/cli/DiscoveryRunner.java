package io.tacit.cli;

import static java.util.Objects.requireNonNull;

import io.tacit.inference.RelationshipInference;
import io.tacit.model.RunContext;
import io.tacit.output.AtomicFile;
import io.tacit.orm.CodeSchema;
import io.tacit.orm.CodeSource;
import io.tacit.orm.Framework;
import io.tacit.orm.OrmEvidence;
import io.tacit.orm.ScanWarning;
import io.tacit.recipe.Recipe;
import io.tacit.report.ReportFormat;
import io.tacit.run.DiscoveryPipeline;
import io.tacit.run.PublisherRun;
import io.tacit.run.RunReport;
import io.tacit.run.ToolVersion;
import io.tacit.spi.Inference;
import io.tacit.spi.PublishPlan;
import io.tacit.spi.PublishReport;
import io.tacit.spi.Publisher;
import io.tacit.spi.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a validated recipe end to end and writes its result: what {@code discover} and {@code demo} share. */
final class DiscoveryRunner {
    private final CliEnvironment environment;
    private final Redactor redactor;

    DiscoveryRunner(CliEnvironment environment, Redactor redactor) {
        this.environment = requireNonNull(environment, "environment is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    RunReport run(Recipe recipe, boolean dryRun) {
        return run(recipe, dryRun, Optional.empty(), RunContext.start(ToolVersion.current()));
    }

    /** Runs the recipe; model code, as the source or given beside a database, adds its declarations. */
    RunReport run(Recipe recipe, boolean dryRun, Optional<CodeEvidenceOption> code) {
        return run(recipe, dryRun, code, RunContext.start(ToolVersion.current()));
    }

    /** One run under a given id: {@code tacit serve} uses the id the catalog chose (a DataHub execution request's). */
    RunReport run(Recipe recipe, boolean dryRun, RunContext run) {
        return run(recipe, dryRun, Optional.empty(), run);
    }

    RunReport run(Recipe recipe, boolean dryRun, Optional<CodeEvidenceOption> code, RunContext run) {
        ConsoleProgress progress = new ConsoleProgress(environment.err(), environment.terminal(), redactor);
        progress.note("run " + run.runId() + " (tacit " + run.toolVersion() + ")");
        List<Publisher<?>> publishers = new ArrayList<>();
        try (Source source = recipe.source().open(run)) {
            for (Recipe.SinkSpec sink : recipe.sinks()) {
                publishers.add(sink.create(run, dryRun));
            }
            Inference inference = new RelationshipInference(recipe.discovery().inference());
            if (source instanceof CodeSource codeSource) {
                report(codeSource.schema(), progress);
                inference = new OrmEvidence(OrmEvidence.NOTHING, codeSource.schema(), codeSource.description());
            }
            else if (code.isPresent()) {
                CodeSchema schema = code.get().scanner().scan(code.get().path());
                report(schema, progress);
                inference = new OrmEvidence(inference, schema, "code:" + code.get().path());
            }
            DiscoveryPipeline pipeline = new DiscoveryPipeline(inference, progress);
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

    private static void report(CodeSchema schema, ConsoleProgress progress) {
        progress.note("code: " + schema.tables().size() + " tables and " + schema.edges().size()
                + " relationships in " + String.join(", ", schema.frameworks().stream().map(Framework::title).toList())
                + " models, " + schema.warnings().size() + " warnings");
        for (ScanWarning warning : schema.warnings()) {
            progress.note("code: " + warning);
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
