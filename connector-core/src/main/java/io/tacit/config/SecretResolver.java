package io.tacit.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            // files written with echo end in a newline that is not part of the secret
            return content.strip();
        }
        catch (IOException | RuntimeException e) {
            throw new ResolutionException("cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A reference that cannot be resolved; the message names what is missing, never a value. */
    public static final class ResolutionException extends RuntimeException {
        public ResolutionException(String message) {
            super(message);
        }
    }
}
