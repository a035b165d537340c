package dev.walrussync.walrus.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal Sui GraphQL client: {@code POST {"query", "variables"}} as JSON, the standard {@code {"data",
 * "errors"}} envelope back (sui-client.md §3). Any {@code errors} entry fails the call with the server's messages;
 * HTTP 429, 503 and 504 and network errors are retried with exponential backoff and full jitter per the {@link
 * RetryPolicy}. Mutations are retried too: Sui transactions are idempotent, re-submitting the same signed bytes
 * returns the same effects.
 */
public final class SuiGraphQlClient {
    private static final Logger LOG = LoggerFactory.getLogger(SuiGraphQlClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final RetryPolicy retry;
    private final OkHttpClient http;

    public SuiGraphQlClient(URI endpoint, RetryPolicy retry) {
        this(endpoint, retry, defaultHttpClient());
    }

    public SuiGraphQlClient(URI endpoint, RetryPolicy retry, OkHttpClient http) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.http = Objects.requireNonNull(http, "http");
    }

    private static OkHttpClient defaultHttpClient() {
        // Sui GraphQL's own limits: 40 s per query, 74 s per mutation (sui-client.md §3).
        return new OkHttpClient.Builder()
                .connectTimeout(15, TimeUnit.SECONDS)
                .readTimeout(90, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .build();
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
        WalrusException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(bytes);
            } catch (RetryableFailure e) {
                last = new WalrusException(e.getMessage(), e.getCause() == null ? e : e.getCause(), true);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new WalrusException(
                        "Sui GraphQL at " + endpoint + " failed " + attempt + " time(s): " + last.getMessage(),
                        last.getCause(),
                        true);
            }
            long delay = backoffMillis(attempt);
            LOG.debug("Sui GraphQL attempt {} failed ({}); retrying in {} ms", attempt, last.getMessage(), delay);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WalrusException("interrupted while waiting to retry Sui GraphQL", e, false);
            }
        }
    }

    /** Full jitter: a random delay in {@code [0, min(maxDelay, initialDelay · 2^(attempt-1))]}. */
    long backoffMillis(int attempt) {
        long initial = retry.initialDelay().toMillis();
        long cap = retry.maxDelay().toMillis();
        long bound = cap;
        if (attempt - 1 < 31) {
            long exp = initial * (1L << (attempt - 1));
            if (exp >= 0 && exp < cap) {
                bound = exp;
            }
        }
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }

    private JsonNode once(byte[] body) throws WalrusException, RetryableFailure {
        Request request = new Request.Builder()
                .url(endpoint.toString())
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (code == 429 || code == 503 || code == 504) {
                throw new RetryableFailure("HTTP " + code + " " + snippet(text), null);
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(text);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                if (code / 100 != 2) {
                    throw new WalrusException(
                            "Sui GraphQL at " + endpoint + " answered HTTP " + code + ": " + snippet(text), false);
                }
                throw new BadResponseException(
                        "Sui GraphQL at " + endpoint + " answered with something that is not JSON: " + snippet(text));
            }
            JsonNode errors = json.get("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                throw new WalrusException("Sui GraphQL error: " + messages(errors), false);
            }
            if (code / 100 != 2) {
                throw new WalrusException(
                        "Sui GraphQL at " + endpoint + " answered HTTP " + code + ": " + snippet(text), false);
            }
            JsonNode data = json.get("data");
            if (data == null || !data.isObject()) {
                throw new BadResponseException("Sui GraphQL response has neither data nor errors: " + snippet(text));
            }
            return data;
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new WalrusException("interrupted while calling Sui GraphQL", e, false);
            }
            throw new RetryableFailure("timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RetryableFailure("network error: " + e, e);
        }
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

    /** A failure worth another attempt. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RetryableFailure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
