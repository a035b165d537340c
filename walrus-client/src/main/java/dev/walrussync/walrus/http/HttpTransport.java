package dev.walrussync.walrus.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request with retries, for every Walrus and Sui client: a 2xx answer is returned with
 * its whole body; a 429, 503 or 504 or a network error is retried after an exponential backoff with
 * full jitter ({@link RetryPolicy#backoff}); any other status fails at once. Error bodies become
 * {@link WalrusApiException}s: AIP-193 JSON ({@code {"error": {"code", "status", "message",
 * "details": [{"reason"}]}}}) or plain text, such as the publisher's overload 429.
 *
 * <p>Two 429/504 reasons of an authenticated publisher are not retried, because the same token can
 * never succeed: {@code TOKEN_ALREADY_USED} and {@code EXPIRED_SIGNATURE} (protocol.md §1.7).
 *
 * <p>Instances are immutable and thread-safe. Bodies are read into memory, so this is meant for JSON
 * and for blobs of tens of MiB, not for unbounded streams.
 */
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL_REASONS = Set.of("TOKEN_ALREADY_USED", "EXPIRED_SIGNATURE");
    private static final int MAX_MESSAGE_CHARS = 500;

    private static final OkHttpClient DEFAULT_CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .writeTimeout(Duration.ofSeconds(60))
            .readTimeout(Duration.ofSeconds(120))
            .build();

    private final OkHttpClient client;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public HttpTransport(OkHttpClient client, RetryPolicy retry, Sleeper sleeper, RandomGenerator random) {
        this.client = Objects.requireNonNull(client, "client");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A transport on the {@linkplain #defaultClient() shared client} that really sleeps. */
    public HttpTransport(RetryPolicy retry) {
        this(DEFAULT_CLIENT, retry, Sleeper.SYSTEM, ThreadLocalRandom.current());
    }

    /**
     * The process-wide client (one connection pool): connect timeout 10 s, write 60 s, read 120 s
     * between bytes, no overall call timeout. Derive variants with {@code newBuilder()}, which shares
     * the pool.
     */
    public static OkHttpClient defaultClient() {
        return DEFAULT_CLIENT;
    }

    public OkHttpClient client() {
        return client;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** A 2xx answer: its status, headers and whole body. */
    public record Reply(HttpUrl url, int code, Headers headers, byte[] body) {
        public @Nullable String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Sends {@code request} (its body must be replayable, as byte-array and file bodies are) until it
     * gets a 2xx answer or the retry policy gives up.
     *
     * @throws WalrusApiException the last error status: a non-retryable one at once, a retryable one
     *     (429, 503, 504, {@link WalrusException#retryable()} true) after the last attempt
     * @throws WalrusException a network error after the last attempt (retryable), or an interrupt
     *     (not retryable; the thread's interrupt flag is set again)
     */
    public Reply execute(Request request) throws WalrusException {
        String what = request.method() + " " + request.url();
        WalrusException last = null;
        for (int attempt = 0; attempt < retry.maxAttempts(); attempt++) {
            if (attempt > 0) {
                Duration wait = retry.backoff(attempt - 1, random);
                LOG.debug("{} failed ({}); retry {} in {} ms", what, last.getMessage(), attempt, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WalrusException("interrupted while waiting to retry " + what, e, false);
                }
            }
            try (Response response = client.newCall(request).execute()) {
                ResponseBody body = response.body();
                byte[] bytes = body == null ? new byte[0] : body.bytes();
                if (response.isSuccessful()) {
                    return new Reply(request.url(), response.code(), response.headers(), bytes);
                }
                WalrusApiException error = apiError(what, response.code(), bytes);
                if (!error.retryable()) {
                    throw error;
                }
                last = error;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new WalrusException("interrupted during " + what, e, false);
                }
                last = new WalrusException(what + " failed: " + e, e, true);
            }
        }
        throw Objects.requireNonNull(last);
    }

    /** Whether an HTTP status is worth retrying: 429, 503 or 504. */
    public static boolean retryableStatus(int httpStatus) {
        return httpStatus == 429 || httpStatus == 503 || httpStatus == 504;
    }

    /**
     * The exception for an error answer: status and reason from an AIP-193 JSON body, or the body's
     * text (shortened) as the message.
     *
     * @param what what was asked, for the message, such as {@code "GET http://…/v1/blobs/…"}
     */
    public static WalrusApiException apiError(String what, int httpStatus, byte[] body) {
        String status = null;
        String reason = null;
        String message = null;
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                status = textOrNull(error.get("status"));
                message = textOrNull(error.get("message"));
                JsonNode details = error.get("details");
                if (details != null && details.isArray()) {
                    for (JsonNode d : details) {
                        reason = textOrNull(d.get("reason"));
                        if (reason != null) {
                            break;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the text
        }
        if (message == null) {
            message = new String(body, StandardCharsets.UTF_8).strip();
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        StringBuilder text = new StringBuilder(what).append(" → HTTP ").append(httpStatus);
        if (status != null) {
            text.append(' ').append(status);
        }
        if (reason != null) {
            text.append(" (").append(reason).append(')');
        }
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        boolean retryable = retryableStatus(httpStatus) && (reason == null || !FINAL_REASONS.contains(reason));
        return new WalrusApiException(httpStatus, status, reason, text.toString(), retryable);
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
