package dev.walrussync.localnet.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.node.BlobRegistration;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.BlobPersistenceType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local network's own loopback API, not part of any Walrus protocol: storage-node processes read
 * the epoch and blob registrations here (real nodes follow chain events instead), and
 * {@code walrus-sync localnet advance-epoch} moves the epoch on.
 *
 * <ul>
 *   <li>{@code GET /local/v1/epoch} → {@code {"epoch": 7}}
 *   <li>{@code GET /local/v1/blobs/{blobId}/registration} → {@code {"epoch": 7, "registration": null |
 *       {"endEpoch", "deletable", "objectId", "certifiedEpoch", "event": {"txDigest", "eventSeq"}}}}
 *   <li>{@code POST /local/v1/advance-epoch} → {@code {"epoch": 8}}
 * </ul>
 */
final class InternalApi implements AutoCloseable {
    static final String EPOCH = "/local/v1/epoch";
    static final String ADVANCE_EPOCH = "/local/v1/advance-epoch";
    static final String REGISTRATION_PREFIX = "/local/v1/blobs/";
    static final String REGISTRATION_SUFFIX = "/registration";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalChain chain;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private InternalApi(LocalChain chain, int port) throws IOException {
        this.chain = chain;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.server.setExecutor(executor);
        this.server.createContext("/local/v1/", this::handle);
    }

    static InternalApi start(LocalChain chain, int port) throws IOException {
        InternalApi api = new InternalApi(chain, port);
        api.server.start();
        return api;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            ObjectNode body = JSON.createObjectNode();
            if (path.equals(EPOCH) && ex.getRequestMethod().equals("GET")) {
                body.put("epoch", chain.currentEpoch());
            } else if (path.equals(ADVANCE_EPOCH) && ex.getRequestMethod().equals("POST")) {
                body.put("epoch", chain.advanceEpoch());
            } else if (path.startsWith(REGISTRATION_PREFIX) && path.endsWith(REGISTRATION_SUFFIX)) {
                String raw = path.substring(REGISTRATION_PREFIX.length(), path.length() - REGISTRATION_SUFFIX.length());
                BlobId id;
                try {
                    id = BlobId.parse(raw);
                } catch (IllegalArgumentException e) {
                    send(ex, 400, JSON.createObjectNode().put("error", "not a blob ID: " + raw));
                    return;
                }
                body.put("epoch", chain.currentEpoch());
                Optional<BlobRegistration> r = ChainRegistrations.of(chain.blobStatus(id));
                if (r.isEmpty()) {
                    body.putNull("registration");
                } else {
                    body.set("registration", toJson(r.get()));
                }
            } else {
                send(ex, 404, JSON.createObjectNode().put("error", "no route " + path));
                return;
            }
            send(ex, 200, body);
        }
    }

    static ObjectNode toJson(BlobRegistration r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("endEpoch", r.endEpoch());
        o.put("deletable", r.isDeletable());
        if (r.persistence() instanceof BlobPersistenceType.Deletable d) {
            o.put("objectId", "0x" + HexFormat.of().formatHex(d.objectId()));
        }
        if (r.certifiedEpoch().isPresent()) {
            o.put("certifiedEpoch", r.certifiedEpoch().getAsLong());
        }
        o.set("event", r.statusEvent().toJson());
        return o;
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
