package io.tacit.jdbc;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a JDBC URL that messages need, and prints URLs without credentials. */
public final class JdbcUrls {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|key)[a-z_]*=)[^&;]*");
    private static final Pattern ENDPOINT = Pattern.compile("^jdbc:[a-z0-9]+:(?:[a-z0-9]+:)?//(?:[^/@?;]*@)?(\\[[^]]+]|[^/:?;,]+)(?::(\\d+))?[^/?;]*(?:/([^?;]*))?",
            Pattern.CASE_INSENSITIVE);

    private JdbcUrls() {
    }

    /** The URL with credentials in user info or parameters replaced by {@code [hidden]}. */
    public static String redact(String url) {
        String withoutUser = USER_INFO.matcher(url).replaceAll("//");
        return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1[hidden]");
    }

    /** A short, secret-free name for the database: {@code postgresql://127.0.0.1:5432/shop}. */
    public static String describe(String url) {
        String redacted = USER_INFO.matcher(url).replaceAll("//");
        if (redacted.regionMatches(true, 0, "jdbc:", 0, 5)) {
            redacted = redacted.substring(5);
        }
        int cut = redacted.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = redacted.indexOf(separator);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return redacted.substring(0, cut);
    }

    /** The first host of a network URL. */
    public static Optional<String> host(String url) {
        Matcher matcher = ENDPOINT.matcher(url);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }

    public static OptionalInt port(String url) {
        Matcher matcher = ENDPOINT.matcher(url);
        if (!matcher.find() || matcher.group(2) == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }

    /** The database named in the URL path, if any. */
    public static Optional<String> database(String url) {
        Matcher matcher = ENDPOINT.matcher(url);
        if (!matcher.find() || matcher.group(3) == null || matcher.group(3).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(3));
    }

    /** {@code host:port}, with the default port of the URL's database when it names none. */
    public static String endpoint(String url) {
        String host = host(url).orElse("the host in the URL");
        OptionalInt port = port(url);
        if (port.isPresent()) {
            return host + ":" + port.getAsInt();
        }
        OptionalInt defaultPort = Dialects.defaultPort(url);
        if (defaultPort.isPresent()) {
            return host + ":" + defaultPort.getAsInt();
        }
        return host;
    }
}
