package io.tacit.datahub;

import io.tacit.config.ConfigSection;
import io.tacit.config.Secret;
import io.tacit.config.Setting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A recipe section for tests: the given values over the declared defaults, undeclared names rejected. */
final class MapConfigSection implements ConfigSection {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Setting> declared = new LinkedHashMap<>();

    MapConfigSection(List<Setting> settings, Map<String, String> given) {
        settings.forEach(setting -> declared.put(setting.name(), setting));
        settings.forEach(setting -> setting.defaultValue().ifPresent(value -> values.put(setting.name(), value)));
        given.forEach((name, value) -> {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("undeclared setting " + name);
            }
            values.put(name, value);
        });
    }

    @Override
    public String path() {
        return "sinks[0] (datahub)";
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    private Optional<String> value(String name) {
        if (!declared.containsKey(name)) {
            throw new IllegalArgumentException("undeclared setting " + name);
        }
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public Optional<String> string(String name) {
        return value(name);
    }

    @Override
    public Optional<Integer> integer(String name) {
        return value(name).map(Integer::parseInt);
    }

    @Override
    public Optional<Double> decimal(String name) {
        return value(name).map(Double::parseDouble);
    }

    @Override
    public Optional<Boolean> bool(String name) {
        return value(name).map(Boolean::parseBoolean);
    }

    @Override
    public Optional<Duration> duration(String name) {
        return value(name).map(text -> {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(text);
        });
    }

    @Override
    public List<String> list(String name) {
        return value(name).map(text -> List.of(text.split(","))).orElse(List.of());
    }

    @Override
    public Optional<Secret> secret(String name) {
        return value(name).map(text -> Secret.of(text, "${env:DATAHUB_TOKEN}"));
    }
}
