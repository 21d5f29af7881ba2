package io.tacit.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a raw section (as parsed from YAML or built from flags) against its declared settings and reports
 * every problem at once: unknown keys (with the closest valid key), missing required settings, values of the
 * wrong type, values outside the allowed set, secrets written literally instead of by reference and references
 * in settings that are not secrets (only a secret's value is never printed).
 */
public final class SettingsValidator {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final SecretResolver secrets;

    public SettingsValidator(SecretResolver secrets) {
        this.secrets = requireNonNull(secrets, "secrets is null");
    }

    /** The section's values, typed and with defaults, or every problem found. */
    public Result validate(String path, List<Setting> settings, Map<String, ?> raw) {
        requireNonNull(path, "path is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(raw, "raw is null");
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Setting> declared = new LinkedHashMap<>();
        for (Setting setting : settings) {
            declared.put(setting.name(), setting);
        }
        for (String key : raw.keySet()) {
            if (!declared.containsKey(key)) {
                problems.add(new ConfigProblem(child(path, key), unknownKeyMessage(key, declared.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            Object value = raw.get(setting.name());
            String where = child(path, setting.name());
            if (value == null) {
                if (setting.defaultValue().isPresent()) {
                    values.put(setting.name(), parseDefault(setting));
                }
                else if (setting.required()) {
                    problems.add(new ConfigProblem(where, "required setting is missing (" + setting.description() + ")"));
                }
                continue;
            }
            if (!setting.isSecret() && SecretResolver.mentionsReference(value)) {
                // resolving it would put a file's or a variable's content where messages and --verbose show values
                problems.add(new ConfigProblem(where, "references are only accepted for secrets (" + where
                        + " is not a secret); write the value itself"));
                continue;
            }
            try {
                values.put(setting.name(), convert(setting, value));
            }
            catch (BadValue e) {
                problems.add(new ConfigProblem(where, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new ValidatedSection(path, settings, values)), List.of());
    }

    /** Checks that a setting's declared default parses as its type; used by tests over every declaration. */
    public static Object parseDefault(Setting setting) {
        try {
            return new SettingsValidator(SecretResolver.placeholders()).convert(setting, setting.defaultValue().orElseThrow());
        }
        catch (BadValue e) {
            throw new IllegalStateException("default of setting " + setting.name() + " is invalid: " + e.getMessage());
        }
    }

    public static String unknownKeyMessage(String key, java.util.Collection<String> valid) {
        if (valid.isEmpty()) {
            return "unknown key '" + key + "'; this section takes no settings";
        }
        String closest = EditDistance.closest(key, valid).orElseThrow();
        return "unknown key '" + key + "'; did you mean '" + closest + "'? (valid keys: "
                + String.join(", ", valid.stream().sorted().toList()) + ")";
    }

    private static String child(String path, String key) {
        if (path.isEmpty()) {
            return key;
        }
        return path + "." + key;
    }

    private Object convert(Setting setting, Object value) {
        if (setting.isSecret() && value instanceof String text && SecretResolver.isReference(text)) {
            try {
                return Secret.of(secrets.resolve(text), text.trim());
            }
            catch (SecretResolver.ResolutionException e) {
                throw new BadValue(e.getMessage());
            }
        }
        if (setting.isSecret()) {
            // never echo the value: it is a credential written where a reference belongs
            throw new BadValue("secrets are only accepted as a reference; write ${env:VARIABLE} or ${file:/path/to/file}");
        }
        else if (value instanceof String text && !ValidatedSection.maskCredentials(text).equals(text)) {
            // a password inside a URL would be printed wherever the URL is; never echo it here either
            throw new BadValue("holds a credential (a password or token inside the value); remove it and give it "
                    + "to the secret setting as ${env:VARIABLE} or ${file:/path/to/file}");
        }
        return switch (setting.type()) {
            case STRING -> allowed(setting, scalar(setting, value));
            case INTEGER -> integer(setting, value);
            case DOUBLE -> decimal(setting, value);
            case BOOLEAN -> bool(setting, value);
            case DURATION -> duration(setting, scalar(setting, value));
            case LIST -> list(setting, value);
            case SECRET -> throw new IllegalStateException("secret handled above");
        };
    }

    private static String scalar(Setting setting, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new BadValue("expected a single " + setting.type().name().toLowerCase(Locale.ROOT) + " value, got "
                + describe(value));
    }

    private static String allowed(Setting setting, String value) {
        if (setting.allowedValues().isEmpty()) {
            return value;
        }
        for (String allowed : setting.allowedValues()) {
            if (allowed.equalsIgnoreCase(value.trim())) {
                return allowed;
            }
        }
        return throwNotAllowed(setting, value);
    }

    private static String throwNotAllowed(Setting setting, String value) {
        throw new BadValue("'" + value + "' is not allowed; use one of " + String.join(", ", setting.allowedValues()));
    }

    private static Integer integer(Setting setting, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim().replace("_", ""));
            }
            catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new BadValue("expected a whole number, got " + describe(value));
    }

    private static Double decimal(Setting setting, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                double parsed = Double.parseDouble(text.trim());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new BadValue("expected a number, got " + describe(value));
    }

    private static Boolean bool(Setting setting, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            String trimmed = text.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("true") || trimmed.equals("yes")) {
                return true;
            }
            if (trimmed.equals("false") || trimmed.equals("no")) {
                return false;
            }
        }
        throw new BadValue("expected true or false, got " + describe(value));
    }

    /** Parses {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 500ms} or ISO-8601 {@code PT30S}. */
    public static Optional<Duration> parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration duration(Setting setting, String value) {
        Duration duration = parseDuration(value).orElseThrow(() -> new BadValue(
                "expected a duration such as 30s, 5m or PT1M, got '" + value + "'"));
        if (duration.isNegative() || duration.isZero()) {
            throw new BadValue("expected a positive duration, got '" + value + "'");
        }
        return duration;
    }

    private static List<String> list(Setting setting, Object value) {
        if (value instanceof List<?> items) {
            List<String> result = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map || item instanceof List || item == null) {
                    throw new BadValue("expected a list of plain values, got an item that is " + describe(item));
                }
                result.add(String.valueOf(item));
            }
            return List.copyOf(result);
        }
        if (value instanceof String text) {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        throw new BadValue("expected a list, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a nested section";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }

    /**
     * @param section present when there are no problems
     */
    public record Result(Optional<ValidatedSection> section, List<ConfigProblem> problems) {
        public Result {
            requireNonNull(section, "section is null");
            problems = List.copyOf(requireNonNull(problems, "problems is null"));
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
