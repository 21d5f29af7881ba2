package io.tacit.datahub;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.model.RunContext;
import io.tacit.spi.Publisher;
import io.tacit.spi.PublisherFactory;
import java.util.List;

/** The {@code datahub} sink: publishes inferred relationships to DataHub GMS, or to an MCP file for offline loading. */
public final class DataHubPublisherFactory implements PublisherFactory {
    @Override
    public String type() {
        return "datahub";
    }

    @Override
    public List<Setting> settings() {
        return DataHubSettings.publisherSettings();
    }

    @Override
    public void check(ConfigSection section) {
        DataHubSettings.from(section, true);
    }

    @Override
    public Publisher<?> create(ConfigSection section, RunContext run, boolean dryRun) {
        return DataHubPublisher.create(DataHubSettings.from(section, true), run, dryRun);
    }
}
