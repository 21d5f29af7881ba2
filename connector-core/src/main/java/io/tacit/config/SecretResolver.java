package io.tacit.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a reference ({@code ${env:NAME}}, {@code ${file:/path}}) into a value. Secrets are only ever written
 * as references, so a recipe can be committed and printed. Messages name the variable or file, never a value.
 */
public final class SecretResolver {
    /** A password, token or key file is far smaller; a larger file is the wrong file. */
    public static final int MAX_SECRET_BYTES = 64 * 1024;

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, Optional<String>> environment;
    private final Function<String, String> files;

    /** @param environment looks up an environment variable; tests pass a map */
    public SecretResolver(Function<String, Optional<String>> environment) {
        this(environment, SecretResolver::readFile);
    }

    private SecretResolver(Function<String, Optional<String>> environment, Function<String, String> files) {
        this.environment = environment;
        this.files = files;
    }

    /** Resolves against the real process environment and file system. */
    public static SecretResolver system() {
        return new SecretResolver(name -> Optional.ofNullable(System.getenv(name)));
    }

    /** Resolves every reference to a fixed placeholder: validates recipes without their secrets at hand. */
    public static SecretResolver placeholders() {
        return new SecretResolver(name -> Optional.of("placeholder"), file -> "placeholder");
    }

    /** Whether the whole text is one reference. */
    public static boolean isReference(String text) {
        return REFERENCE.matcher(text.trim()).matches();
    }

    /** Whether a raw value (text, or a list or section holding text) contains a reference anywhere. */
    public static boolean mentionsReference(Object value) {
        if (value instanceof String text) {
            return text.contains("${env:") || text.contains("${file:");
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().anyMatch(SecretResolver::mentionsReference);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.keySet().stream().anyMatch(SecretResolver::mentionsReference)
                    || map.values().stream().anyMatch(SecretResolver::mentionsReference);
        }
        return false;
    }

    /**
     * @return the referenced value
     * @throws ResolutionException naming the variable or file when it cannot be read
     */
    public String resolve(String reference) {
        Matcher matcher = REFERENCE.matcher(reference.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a reference");
        }
        String scheme = matcher.group(1);
        String target = matcher.group(2).trim();
        if (scheme.equals("env")) {
            if (!ENV_NAME.matcher(target).matches()) {
                throw new ResolutionException("'" + target + "' is not a valid environment variable name");
            }
            return environment.apply(target).orElseThrow(() -> new ResolutionException(
                    "environment variable " + target + " is not set"));
        }
        if (target.isEmpty()) {
            throw new ResolutionException("${file:} names no file");
        }
        return files.apply(target);
    }

    private static String readFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        }
        catch (InvalidPathException e) {
            throw new ResolutionException("secret file '" + file + "' is not a usable path: " + e.getReason());
        }
        try {
            // files written with echo end in a newline that is not part of the secret
            return ConfigFiles.readText(path, MAX_SECRET_BYTES, "secret file").strip();
        }
        catch (ConfigFiles.UnreadableFileException e) {
            throw new ResolutionException(e.getMessage());
        }
    }

    /** A reference that cannot be resolved; the message names what is missing, never a value. */
    public static final class ResolutionException extends RuntimeException {
        public ResolutionException(String message) {
            super(message);
        }
    }
}
