package io.tacit.openmetadata;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.model.RunContext;
import io.tacit.spi.Publisher;
import io.tacit.spi.PublisherFactory;
import java.time.Clock;
import java.util.List;

/** {@code sinks: - type: openmetadata} — publishes inferred relationships into OpenMetadata. */
public final class OpenMetadataPublisherFactory implements PublisherFactory {
    @Override
    public String type() {
        return "openmetadata";
    }

    @Override
    public List<Setting> settings() {
        return OpenMetadataSettings.sinkSettings();
    }

    @Override
    public void check(ConfigSection section) {
        OpenMetadataSettings.client(section);
        OpenMetadataSettings.publishOptions(section);
    }

    @Override
    public Publisher<?> create(ConfigSection section, RunContext run, boolean dryRun) {
        ClientSettings client = OpenMetadataSettings.client(section);
        PublishOptions options = OpenMetadataSettings.publishOptions(section);
        return new OpenMetadataPublisher(new OpenMetadataClient(client), options, run, dryRun, Clock.systemUTC());
    }
}
