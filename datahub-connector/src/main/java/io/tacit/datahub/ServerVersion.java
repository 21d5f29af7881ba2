package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DataHub server version from {@code GET /config} ({@code versions."acryldata/datahub".version}, e.g.
 * {@code v0.15.0} or {@code v1.2.0.1}), and what tacit does differently because of it.
 */
record ServerVersion(String text, int major, int minor, int patch) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    static final ServerVersion UNKNOWN = new ServerVersion("unknown", 0, 0, 0);

    ServerVersion {
        requireNonNull(text, "text is null");
    }

    static ServerVersion parse(String text) {
        Matcher matcher = NUMBERS.matcher(text.trim());
        if (!matcher.matches()) {
            return new ServerVersion(text, 0, 0, 0);
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new ServerVersion(text, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch);
    }

    boolean known() {
        return major > 0 || minor > 0;
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** OpenAPI v3 entity endpoints, which tacit reads through, exist from 0.13 on. */
    boolean hasOpenApiV3() {
        return !known() || atLeast(0, 13);
    }

    /** MCP header If-Version-Match is checked (ConditionalWriteValidator) from 0.14 on; older servers ignore it. */
    boolean checksVersionHeaders() {
        return !known() || atLeast(0, 14);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        if (byMinor != 0) {
            return byMinor;
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
