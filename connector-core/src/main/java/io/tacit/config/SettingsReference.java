package io.tacit.config;

import java.util.List;
import java.util.Locale;

/** Reference documentation generated from setting declarations, so the docs can never drift from the code. */
public final class SettingsReference {
    private SettingsReference() {
    }

    /** A Markdown table of one section's settings: name, type, default, description. */
    public static String markdownTable(List<Setting> settings) {
        StringBuilder out = new StringBuilder();
        out.append("| setting | type | default | description |\n");
        out.append("| --- | --- | --- | --- |\n");
        for (Setting setting : settings) {
            out.append("| `").append(setting.name()).append("` | ")
                    .append(typeLabel(setting)).append(" | ")
                    .append(defaultLabel(setting)).append(" | ")
                    .append(escape(setting.description())).append(" |\n");
        }
        return out.toString();
    }

    private static String typeLabel(Setting setting) {
        String type = setting.type().name().toLowerCase(Locale.ROOT);
        if (!setting.allowedValues().isEmpty()) {
            return type + ": " + String.join(" \\| ", setting.allowedValues());
        }
        if (setting.isSecret()) {
            return "secret (`${env:NAME}` or `${file:/path}`)";
        }
        return type;
    }

    private static String defaultLabel(Setting setting) {
        if (setting.required()) {
            return "**required**";
        }
        return setting.defaultValue().map(value -> "`" + value + "`").orElse("—");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
