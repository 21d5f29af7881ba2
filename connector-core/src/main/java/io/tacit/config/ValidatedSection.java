package io.tacit.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A section whose values were checked against its settings: each value already has its setting's type
 * ({@link String}, {@link Integer}, {@link Double}, {@link Boolean}, {@link Duration}, {@code List<String>},
 * {@link Secret}). {@code toString()} shows secrets as {@code [hidden]} and masks passwords inside URLs.
 */
public final class ValidatedSection implements ConfigSection {
    private static final Pattern URL_CREDENTIAL =
            Pattern.compile("(?i)((?:password|pwd|secret|token|apikey|api_key)=)[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/@:\\s]*:)[^/@\\s]*@");

    private final String path;
    private final Map<String, Setting> settings;
    private final Map<String, Object> values;

    public ValidatedSection(String path, List<Setting> settings, Map<String, Object> values) {
        this.path = requireNonNull(path, "path is null");
        Map<String, Setting> declared = new LinkedHashMap<>();
        for (Setting setting : requireNonNull(settings, "settings is null")) {
            declared.put(setting.name(), setting);
        }
        this.settings = Collections.unmodifiableMap(declared);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Setting setting : settings) {
            Object value = requireNonNull(values, "values is null").get(setting.name());
            if (value != null) {
                copy.put(setting.name(), value);
            }
        }
        for (String name : values.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException(path + " has a value for undeclared setting " + name);
            }
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Hides anything that looks like a credential inside a URL or connection string. */
    public static String maskCredentials(String text) {
        String masked = URL_CREDENTIAL.matcher(text).replaceAll("$1[hidden]");
        return URL_USER_INFO.matcher(masked).replaceAll("$1[hidden]@");
    }

    @Override
    public String path() {
        return path;
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public Optional<String> string(String name) {
        return typed(name, SettingType.STRING, String.class);
    }

    @Override
    public Optional<Integer> integer(String name) {
        return typed(name, SettingType.INTEGER, Integer.class);
    }

    @Override
    public Optional<Double> decimal(String name) {
        return typed(name, SettingType.DOUBLE, Double.class);
    }

    @Override
    public Optional<Boolean> bool(String name) {
        return typed(name, SettingType.BOOLEAN, Boolean.class);
    }

    @Override
    public Optional<Duration> duration(String name) {
        return typed(name, SettingType.DURATION, Duration.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return typed(name, SettingType.LIST, List.class).map(list -> (List<String>) list).orElse(List.of());
    }

    @Override
    public Optional<Secret> secret(String name) {
        return typed(name, SettingType.SECRET, Secret.class);
    }

    private <T> Optional<T> typed(String name, SettingType type, Class<T> javaType) {
        Setting setting = settings.get(name);
        if (setting == null) {
            throw new IllegalArgumentException(path + " declares no setting " + name);
        }
        if (setting.type() != type) {
            throw new IllegalArgumentException(path + "." + name + " is a " + setting.type() + ", not a " + type);
        }
        return Optional.ofNullable(values.get(name)).map(javaType::cast);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            String shown;
            if (value instanceof Secret secret) {
                shown = "[hidden] (from " + secret.reference() + ")";
            }
            else if (value instanceof String text) {
                shown = maskCredentials(text);
            }
            else {
                shown = String.valueOf(value);
            }
            parts.add(entry.getKey() + "=" + shown);
        }
        return path + " {" + String.join(", ", parts) + "}";
    }
}
