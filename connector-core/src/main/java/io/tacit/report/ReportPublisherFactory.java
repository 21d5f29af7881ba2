package io.tacit.report;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.model.RunContext;
import io.tacit.spi.Publisher;
import io.tacit.spi.PublisherFactory;
import java.nio.file.Path;
import java.util.List;

/** Sinks that write a report file; one subclass per format so that {@link java.util.ServiceLoader} finds each. */
public abstract class ReportPublisherFactory implements PublisherFactory {
    private final ReportFormat format;

    protected ReportPublisherFactory(ReportFormat format) {
        this.format = format;
    }

    @Override
    public String type() {
        return format.label();
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.required("path", SettingType.STRING,
                "File the " + format.label() + " report is written to (folders are created); relative to the working directory."));
    }

    @Override
    public Publisher<?> create(ConfigSection section, RunContext run, boolean dryRun) {
        return new ReportPublisher(format, Path.of(section.string("path").orElseThrow()));
    }

    public static final class Json extends ReportPublisherFactory {
        public Json() {
            super(ReportFormat.JSON);
        }
    }

    public static final class Markdown extends ReportPublisherFactory {
        public Markdown() {
            super(ReportFormat.MARKDOWN);
        }
    }

    public static final class Csv extends ReportPublisherFactory {
        public Csv() {
            super(ReportFormat.CSV);
        }
    }

    public static final class Html extends ReportPublisherFactory {
        public Html() {
            super(ReportFormat.HTML);
        }
    }
}
