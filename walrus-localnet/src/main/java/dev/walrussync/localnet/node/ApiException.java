package dev.walrussync.localnet.node;

import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiStatusCode;
import java.util.Map;

/** A request failure that the HTTP layer turns into an AIP-193 error response. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    /** A storage-node-domain error. */
    static ApiException of(ApiStatusCode status, String reason, String message) {
        return new ApiException(ApiError.storageNode(status, reason, message));
    }

    /** A storage-node-domain error with metadata. */
    static ApiException of(ApiStatusCode status, String reason, String message, Map<String, Object> metadata) {
        return new ApiException(new ApiError(status, message, reason, ApiError.STORAGE_NODE_DOMAIN, metadata));
    }

    ApiError error() {
        return error;
    }
}
