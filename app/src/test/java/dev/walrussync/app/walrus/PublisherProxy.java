package dev.walrussync.app.walrus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy in front of a real publisher that counts the stores ({@code PUT /v1/blobs})
 * and, on command, starts failing them after a number of answered ones: it refuses them (503, as a
 * publisher behind a load balancer that lost it), or hangs up without an answer (as a publisher whose
 * process died). The first failing store can be passed on first, so the publisher stores and
 * certifies the blob but its answer is lost: the client never learns of a blob its wallet now owns.
 * Every other request is passed on untouched.
 */
final class PublisherProxy implements AutoCloseable {
    /** How stores fail once failing. */
    enum Failure {
        /** 503 Service Unavailable, which the client retries. */
        REFUSE,
        /** The connection is closed without an answer, which the client retries. */
        HANG_UP
    }

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "host", "upgrade", "expect");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    // The failure plan; guarded by this.
    private int answeredBeforeFailing = Integer.MAX_VALUE;
    private @Nullable Failure failure;
    private boolean passOnTheFirstFailing;
    private @Nullable CountDownLatch lostAnswerHeld;
    private @Nullable CountDownLatch releaseLostAnswer;

    private PublisherProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy on an ephemeral loopback port that passes everything on to {@code target}. */
    static PublisherProxy start(URI target) throws IOException {
        return new PublisherProxy(target);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * After {@code stores} more stores are answered, every store fails as {@code how} says.
     *
     * @param passOnTheFirst whether the first failing store still reaches the publisher (which stores and
     *     certifies the blob) before its answer is lost
     */
    synchronized void failAfter(int stores, Failure how, boolean passOnTheFirst) {
        answeredBeforeFailing = answered.get() + stores;
        failure = how;
        passOnTheFirstFailing = passOnTheFirst;
    }

    /**
     * Makes the lost answer of {@link #failAfter} wait: {@code held} is counted down once the publisher has
     * answered the store (its blob is certified), and the connection is closed only when {@code release} is
     * counted down.
     */
    synchronized void holdTheLostAnswer(CountDownLatch held, CountDownLatch release) {
        lostAnswerHeld = held;
        releaseLostAnswer = release;
    }

    /** Passes every request on again. */
    synchronized void heal() {
        answeredBeforeFailing = Integer.MAX_VALUE;
        failure = null;
        passOnTheFirstFailing = false;
    }

    /** Stores whose answer reached the client (2xx or not). */
    int storesAnswered() {
        return answered.get();
    }

    /** Stores the publisher received, answered or not. */
    int storesForwarded() {
        return forwarded.get();
    }

    /** Stores refused or hung up on, including one whose answer was lost. */
    int storesFailed() {
        return failed.get();
    }

    /** What to do with one store: pass it on, fail it, or pass it on and lose the answer. */
    private enum Plan {
        PASS,
        FAIL,
        PASS_AND_LOSE
    }

    private synchronized Plan plan() {
        if (failure == null || answered.get() < answeredBeforeFailing) {
            return Plan.PASS;
        }
        if (passOnTheFirstFailing) {
            passOnTheFirstFailing = false;
            return Plan.PASS_AND_LOSE;
        }
        return Plan.FAIL;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean store = ex.getRequestMethod().equals("PUT")
                    && ex.getRequestURI().getPath().equals("/v1/blobs");
            if (!store) {
                answer(ex, forward(ex, body));
                return;
            }
            Plan plan = plan();
            if (plan == Plan.FAIL) {
                failed.incrementAndGet();
                fail(ex);
                return;
            }
            forwarded.incrementAndGet();
            HttpResponse<byte[]> response = forward(ex, body);
            if (plan == Plan.PASS_AND_LOSE) {
                failed.incrementAndGet();
                awaitRelease();
                // Closing the exchange before any answer closes the connection.
                return;
            }
            answered.incrementAndGet();
            answer(ex, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRelease() throws InterruptedException {
        CountDownLatch held;
        CountDownLatch release;
        synchronized (this) {
            held = lostAnswerHeld;
            release = releaseLostAnswer;
        }
        if (held != null) {
            held.countDown();
        }
        if (release != null && !release.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the held answer was never released");
        }
    }

    private synchronized @Nullable Failure failure() {
        return failure;
    }

    private void fail(HttpExchange ex) throws IOException {
        if (failure() == Failure.HANG_UP) {
            return; // closed without an answer
        }
        byte[] text = "publisher unavailable".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(503, text.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(text);
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        URI uri = target.resolve(ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + ex.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .method(
                        ex.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                for (String v : h.getValue()) {
                    request.header(h.getKey(), v);
                }
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange ex, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                ex.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean noBody = body.length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        http.close();
    }
}
