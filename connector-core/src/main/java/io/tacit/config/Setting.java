package io.tacit.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One setting, declared once: its name within its section, type, default, whether it is required, the
 * values it allows and the description the reference docs are generated from.
 *
 * @param allowedValues for STRING settings with a fixed vocabulary; empty for any value
 */
public record Setting(
        String name,
        SettingType type,
        Optional<String> defaultValue,
        boolean required,
        List<String> allowedValues,
        String description) {
    public Setting {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
        requireNonNull(description, "description is null");
        if (description.isBlank()) {
            throw new IllegalArgumentException("setting " + name + " has no description");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("setting " + name + " is required and has a default");
        }
        if (type == SettingType.SECRET && defaultValue.isPresent()) {
            throw new IllegalArgumentException("secret setting " + name + " cannot have a default");
        }
        if (defaultValue.isPresent() && !allowedValues.isEmpty() && !allowedValues.contains(defaultValue.get())) {
            throw new IllegalArgumentException("default of " + name + " is not one of " + allowedValues);
        }
    }

    public static Setting required(String name, SettingType type, String description) {
        return new Setting(name, type, Optional.empty(), true, List.of(), description);
    }

    public static Setting optional(String name, SettingType type, String defaultValue, String description) {
        return new Setting(name, type, Optional.ofNullable(defaultValue), false, List.of(), description);
    }

    public static Setting oneOf(String name, String defaultValue, List<String> allowed, String description) {
        return new Setting(name, SettingType.STRING, Optional.ofNullable(defaultValue), defaultValue == null, allowed,
                description);
    }

    public boolean isSecret() {
        return type == SettingType.SECRET;
    }
}
