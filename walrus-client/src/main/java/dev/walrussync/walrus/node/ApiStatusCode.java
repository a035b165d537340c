package dev.walrussync.walrus.node;

/** The AIP-193 status codes Walrus services use, each with its fixed HTTP status. */
public enum ApiStatusCode {
    /** Not an error. */
    OK("OK", 200),
    /** The resource is blocked (deny-listed). */
    UNAVAILABLE_FOR_LEGAL_REASONS("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
    /** The request is malformed regardless of the system state. */
    INVALID_ARGUMENT("INVALID_ARGUMENT", 400),
    /** The resource does not exist. */
    NOT_FOUND("NOT_FOUND", 404),
    /** The system is not in the state the operation requires. */
    FAILED_PRECONDITION("FAILED_PRECONDITION", 400),
    /** The caller may not do this. */
    PERMISSION_DENIED("PERMISSION_DENIED", 403),
    /** The resource is larger than the service allows. */
    SIZE_EXCEEDED("SIZE_EXCEEDED", 403),
    /** A broken invariant on the server. */
    INTERNAL("INTERNAL", 500),
    /** The operation timed out. */
    DEADLINE_EXCEEDED("DEADLINE_EXCEEDED", 504),
    /** Missing or invalid credentials. */
    UNAUTHENTICATED("UNAUTHENTICATED", 401),
    /** The requested byte range cannot be served. */
    RANGE_NOT_SATISFIABLE("RANGE_NOT_SATISFIABLE", 416),
    /** A quota or resource ran out. */
    RESOURCE_EXHAUSTED("RESOURCE_EXHAUSTED", 429),
    /** Temporarily unavailable; retry with backoff. */
    UNAVAILABLE("UNAVAILABLE", 503);

    private final String wireName;
    private final int httpCode;

    ApiStatusCode(String wireName, int httpCode) {
        this.wireName = wireName;
        this.httpCode = httpCode;
    }

    /** The UPPER_SNAKE_CASE string of the {@code status} field. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP status, also the {@code code} field. */
    public int httpCode() {
        return httpCode;
    }

    /**
     * The status code for a {@code status} string and HTTP code, which must correspond.
     *
     * @throws IllegalArgumentException if they do not
     */
    public static ApiStatusCode of(String wireName, int httpCode) {
        for (ApiStatusCode c : values()) {
            if (c.wireName.equals(wireName) && c.httpCode == httpCode) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "error status (" + wireName + ") and code (" + httpCode + ") do not correspond");
    }
}
