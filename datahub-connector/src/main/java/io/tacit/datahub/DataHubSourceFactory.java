package io.tacit.datahub;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.spi.Source;
import io.tacit.spi.SourceFactory;
import java.util.List;

/** The {@code datahub} source: schemas and profiles of one platform's datasets, read from DataHub GMS. */
public final class DataHubSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "datahub";
    }

    @Override
    public List<Setting> settings() {
        return DataHubSettings.sourceSettings();
    }

    @Override
    public void check(ConfigSection section) {
        DataHubSettings.from(section, false);
    }

    @Override
    public Source create(ConfigSection section) {
        return DataHubSource.create(DataHubSettings.from(section, false));
    }
}
