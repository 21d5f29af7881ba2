package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import io.tacit.openmetadata.OpenMetadataClient.Path;

/**
 * One write tacit plans to send: method, path below {@code /api}, content type and body (a spec POJO or a
 * Jackson tree). Kept apart from sending so that a plan can be printed, saved offline or applied.
 *
 * @param purpose what it does, in plain words
 */
public record CatalogRequest(String method, Path path, String contentType, Object body, String purpose) {
    public CatalogRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(purpose, "purpose is null");
    }

    public static CatalogRequest put(Path path, Object body, String purpose) {
        return new CatalogRequest("PUT", path, OpenMetadataClient.JSON, body, purpose);
    }

    public static CatalogRequest patch(Path path, Object body, String purpose) {
        return new CatalogRequest("PATCH", path, OpenMetadataClient.JSON_PATCH, body, purpose);
    }

    public static CatalogRequest delete(Path path, String purpose) {
        return new CatalogRequest("DELETE", path, null, null, purpose);
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + purpose + ")";
    }
}
