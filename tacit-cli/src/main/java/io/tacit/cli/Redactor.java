package io.tacit.cli;

import io.tacit.config.Secret;
import io.tacit.config.SettingType;
import io.tacit.config.ValidatedSection;
import io.tacit.recipe.Recipe;
import io.tacit.report.ConsoleText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Last line of defence for anything printed: replaces every secret value this run knows about, and anything
 * that looks like a credential in a URL, with {@code [hidden]}. Messages are built without secrets in the
 * first place; this catches what a driver or library might echo. It also escapes control characters
 * ({@link ConsoleText}): messages carry names from databases and catalogs, which must not drive the terminal.
 */
final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    void remember(Recipe recipe) {
        remember(recipe.source().section());
        for (Recipe.SinkSpec sink : recipe.sinks()) {
            remember(sink.section());
        }
    }

    void remember(ValidatedSection section) {
        section.settings().stream()
                .filter(setting -> setting.type() == SettingType.SECRET)
                .forEach(setting -> section.secret(setting.name()).map(Secret::reveal).ifPresent(this::remember));
    }

    void remember(String secret) {
        // very short values would blank out ordinary words; they are still never printed on purpose
        if (secret.length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** One printable line: secrets hidden, control characters (line breaks too) escaped. */
    String redact(String text) {
        return ConsoleText.escape(hideSecrets(text));
    }

    /** Several lines (a stack trace): secrets hidden, each line escaped, the line breaks kept. */
    String redactLines(String text) {
        return ConsoleText.escapeLines(hideSecrets(text));
    }

    private String hideSecrets(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "[hidden]");
        }
        return ValidatedSection.maskCredentials(result);
    }
}
