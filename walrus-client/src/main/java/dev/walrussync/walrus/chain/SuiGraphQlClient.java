package dev.walrussync.walrus.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.Sleeper;
import dev.walrussync.walrus.http.WalrusException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A minimal Sui GraphQL client: {@code POST {"query", "variables"}} as JSON, the standard {@code {"data",
 * "errors"}} envelope back (sui-client.md §3). Any {@code errors} entry fails the call with the server's messages;
 * HTTP 429, 503 and 504 and network errors are retried by {@link HttpTransport}, with exponential backoff and full
 * jitter per the {@link RetryPolicy}. Mutations are retried too: Sui transactions are idempotent, re-submitting the same signed bytes
 * returns the same effects.
 */
public final class SuiGraphQlClient {
    private static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Sui GraphQL's own limits are 40 s per query and 74 s per mutation (sui-client.md §3). */
    private static final OkHttpClient GRAPHQL_CLIENT = HttpTransport.defaultClient()
            .newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .readTimeout(Duration.ofSeconds(90))
            .writeTimeout(Duration.ofSeconds(30))
            .build();

    private final URI endpoint;
    private final HttpTransport transport;

    public SuiGraphQlClient(URI endpoint, RetryPolicy retry) {
        this(endpoint, new HttpTransport(GRAPHQL_CLIENT, retry, Sleeper.SYSTEM, ThreadLocalRandom.current()));
    }

    /** A client on a transport of the caller's, for example one whose sleeper records the waits. */
    public SuiGraphQlClient(URI endpoint, HttpTransport transport) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Runs a query or mutation and returns its {@code data}.
     *
     * @throws WalrusException with the server's messages if the response has {@code errors}; retryable when the
     *     service stayed overloaded or unreachable through every attempt
     */
    public JsonNode execute(String query, Map<String, ?> variables) throws WalrusException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("query", query);
        body.set("variables", MAPPER.valueToTree(variables));
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("variables do not serialize to JSON", e);
        }
        Request request = new Request.Builder()
                .url(endpoint.toString())
                .header("Accept", "application/json")
                .post(RequestBody.create(bytes, JSON))
                .build();
        HttpTransport.Reply reply;
        try {
            reply = transport.execute(request);
        } catch (WalrusException e) {
            if (!e.retryable()) {
                throw e;
            }
            throw new WalrusException(
                    "Sui GraphQL at " + endpoint + " failed "
                            + transport.retryPolicy().maxAttempts() + " time(s): " + e.getMessage(),
                    e,
                    true);
        }
        String text = new String(reply.body(), StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new BadResponseException(
                    "Sui GraphQL at " + endpoint + " answered with something that is not JSON: " + snippet(text));
        }
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            throw new WalrusException("Sui GraphQL error: " + messages(errors), false);
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            throw new BadResponseException("Sui GraphQL response has neither data nor errors: " + snippet(text));
        }
        return data;
    }

    private static String messages(JsonNode errors) {
        List<String> out = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = error.path("message").asText(error.toString());
            JsonNode path = error.get("path");
            out.add(
                    path != null && path.isArray() && !path.isEmpty()
                            ? message + " (at " + pathText(path) + ")"
                            : message);
        }
        return String.join("; ", out);
    }

    private static String pathText(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }

    private static String snippet(String text) {
        String t = text.strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
