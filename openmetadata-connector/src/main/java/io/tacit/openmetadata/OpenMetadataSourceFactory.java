package io.tacit.openmetadata;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.spi.Source;
import io.tacit.spi.SourceFactory;
import java.util.List;

/** {@code source: type: openmetadata} — reads schemas, constraints and profiles from OpenMetadata. */
public final class OpenMetadataSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "openmetadata";
    }

    @Override
    public List<Setting> settings() {
        return OpenMetadataSettings.sourceSettings();
    }

    @Override
    public void check(ConfigSection section) {
        OpenMetadataSettings.client(section);
    }

    @Override
    public Source create(ConfigSection section) {
        ClientSettings client = OpenMetadataSettings.client(section);
        return new OpenMetadataSource(new OpenMetadataClient(client),
                OpenMetadataSettings.string(section, OpenMetadataSettings.SERVICE_NAME),
                section.string(OpenMetadataSettings.DATABASE.name()).filter(value -> !value.isBlank()),
                OpenMetadataSettings.bool(section, OpenMetadataSettings.PROFILES));
    }
}
