package io.tacit.report.dbt;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.model.RunContext;
import io.tacit.spi.Publisher;
import io.tacit.spi.PublisherFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** The {@code dbt} sink: relationships tests in a dbt schema file (docs/dbt.md). */
public final class DbtPublisherFactory implements PublisherFactory {
    @Override
    public String type() {
        return "dbt";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.required("path", SettingType.STRING, "The dbt schema file (for example models/sources.yml); "
                        + "merged with what it holds, created with its folders when missing."),
                Setting.optional("minConfidence", SettingType.DOUBLE, null, "Inferred edges below this confidence "
                        + "get no test; when unset, every edge the run reports (the run's own threshold chose them)."),
                Setting.oneOf("as", "sources", List.of("sources", "models"), "Write the tables as dbt sources "
                        + "(source('schema', 'table'): tables read from the database) or as models of the same name "
                        + "(ref('table'))."),
                Setting.oneOf("testsKey", "data_tests", List.of("data_tests", "tests"), "The key of a column's new "
                        + "test list: data_tests (dbt 1.8 and later) or tests (older dbt); a column keeps the key it has."),
                Setting.optional("includeDeclared", SettingType.BOOLEAN, "false", "Also test declared foreign keys "
                        + "(the database enforces them already)."),
                Setting.optional("force", SettingType.BOOLEAN, "false", "Rewrite the file even if it has YAML "
                        + "comments, which are lost; without it such a file is refused."));
    }

    @Override
    public Publisher<?> create(ConfigSection section, RunContext run, boolean dryRun) {
        return new DbtPublisher(export(section));
    }

    @Override
    public void check(ConfigSection section) {
        export(section);
    }

    private static DbtExport export(ConfigSection section) {
        OptionalDouble minConfidence = section.decimal("minConfidence").map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return new DbtExport(Path.of(section.string("path").orElseThrow()), minConfidence,
                section.bool("includeDeclared").orElse(false),
                DbtSchemaFile.Layout.parse(section.string("as").orElse("sources")),
                section.string("testsKey").orElse("data_tests"), section.bool("force").orElse(false));
    }
}
