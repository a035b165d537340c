package dev.walrussync.localnet.chain.graphql;

/**
 * An error a resolver reports to the client as a top-level GraphQL error with this exact message and an {@code
 * extensions.code} (e.g. {@code BAD_USER_INPUT}), as Sui's GraphQL service does.
 */
final class GraphQlUserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String BAD_USER_INPUT = "BAD_USER_INPUT";

    private final String code;

    GraphQlUserError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static GraphQlUserError badInput(String message) {
        return new GraphQlUserError(BAD_USER_INPUT, message);
    }

    String code() {
        return code;
    }
}
