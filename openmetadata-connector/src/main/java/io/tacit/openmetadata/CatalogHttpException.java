package io.tacit.openmetadata;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;

/** OpenMetadata answered a request with an error status; {@link #status()} tells which. */
public final class CatalogHttpException extends TacitException {
    private final int status;

    CatalogHttpException(int status, String message, String hint, boolean retriable) {
        super(ErrorKind.CATALOG, message, hint, retriable, null);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401 or 403: the token is bad or lacks rights; every further request would fail the same way. */
    public boolean isAuthenticationFailure() {
        return status == 401;
    }
}
