package io.tacit.datahub;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DataHub server version from {@code GET /config} ({@code versions."acryldata/datahub".version}, e.g.
 * {@code v0.15.0} or {@code v1.2.0.1}) and environment ({@code datahub.serverEnv}), and what tacit does
 * differently because of them. DataHub Cloud numbers its versions apart from Core (a Cloud {@code v0.3.11} is
 * recent; shared/reference/datahub.md, "Corrections"), so a Cloud version is never compared with Core
 * thresholds: its features are probed instead.
 *
 * @param cloud {@code serverEnv} is set and is not {@code core}
 */
record ServerVersion(String text, int major, int minor, int patch, boolean cloud) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    static final ServerVersion UNKNOWN = new ServerVersion("unknown", 0, 0, 0, false);

    ServerVersion {
        requireNonNull(text, "text is null");
    }

    /** A DataHub Core version. */
    static ServerVersion parse(String text) {
        return parse(text, "core");
    }

    /** @param environment {@code datahub.serverEnv} of {@code /config}; null when the server does not say */
    static ServerVersion parse(String text, String environment) {
        boolean cloud = environment != null && !environment.isBlank() && !environment.equalsIgnoreCase("core");
        Matcher matcher = NUMBERS.matcher(text.trim());
        if (!matcher.matches()) {
            return new ServerVersion(text, 0, 0, 0, cloud);
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new ServerVersion(text, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, cloud);
    }

    /** Whether the numbers can be compared with Core's thresholds. */
    boolean known() {
        return !cloud && (major > 0 || minor > 0);
    }

    /** The version says nothing tacit can rely on (Cloud numbering, or no version): probe features instead. */
    boolean needsProbing() {
        return !known();
    }

    /**
     * The OpenAPI v3 controllers of 0.13 / early 0.14 ignore {@code includeSoftDelete}, so a scroll does not show
     * soft-deleted entities: relationships tacit is about to add are then looked up one by one. Assumed for any
     * Core version below 0.15 (the reference pins no exact release) and for an unknown version; not for Cloud.
     */
    boolean mayHideSoftDeleted() {
        if (cloud) {
            return false;
        }
        return !known() || !atLeast(0, 15);
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** OpenAPI v3 entity endpoints, which tacit reads through, exist from 0.13 on. */
    boolean hasOpenApiV3() {
        return !known() || atLeast(0, 13);
    }

    /**
     * MCP header If-Version-Match is checked (ConditionalWriteValidator) from Core 0.14 on; older servers ignore it.
     * Assumed on DataHub Cloud, which is kept current (the reference gives no Cloud version for it).
     */
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
        return cloud ? text + " (DataHub Cloud)" : text;
    }
}
