package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import io.tacit.error.TacitException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenMetadata server's version, read from {@code GET /v1/system/version}, and what it lets tacit use.
 * 1.4 is the floor: the payloads tacit sends are valid against the 1.4 JSON Schemas, and newer features are
 * switched on only when the server is new enough to accept them.
 */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
    public static final ServerVersion FLOOR = new ServerVersion(1, 4, 0, "1.4.0");
    private static final Pattern NUMBERS = Pattern.compile("^\\s*v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

    public ServerVersion {
        requireNonNull(text, "text is null");
    }

    public static ServerVersion parse(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher = NUMBERS.matcher(text);
        if (!matcher.matches()) {
            throw TacitException.catalog("OpenMetadata reported a version tacit cannot read: '" + text + "'",
                    "check that serverUrl points at an OpenMetadata server", false, null);
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new ServerVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, text.trim());
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** Fails unless this server is at least the supported floor. */
    public ServerVersion requireSupported() {
        if (!atLeast(FLOOR.major, FLOOR.minor)) {
            throw TacitException.catalog("OpenMetadata " + text + " is older than 1.4, the oldest version tacit supports",
                    "upgrade OpenMetadata to 1.4 or later", false, null);
        }
        return this;
    }

    /** {@code relationshipType} on table constraints (MANY_TO_ONE, ONE_TO_ONE, ...) appeared in 1.6. */
    public boolean acceptsConstraintRelationshipType() {
        return atLeast(1, 6);
    }

    /**
     * {@code PATCH /v1/tables/name/{fqn}}: documented from the 1.12 API reference on; 1.4 patches by id only.
     * tacit patches by id on older servers.
     */
    public boolean acceptsPatchByName() {
        return atLeast(1, 12);
    }

    @Override
    public int compareTo(ServerVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
