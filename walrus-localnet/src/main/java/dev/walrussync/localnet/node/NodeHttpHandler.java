package dev.walrussync.localnet.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiStatusCode;
import dev.walrussync.walrus.node.ApiSuccess;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.StorageNodeRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes storage-node REST requests to a {@link NodeService} and writes JSON, BCS and AIP-193 responses. */
final class NodeHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHttpHandler.class);
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";

    /** A response to send. */
    private record Response(int status, String contentType, byte[] body, String allow) {
        static Response json(ApiSuccess success) {
            return new Response(success.code(), JSON, success.toBytes(), null);
        }

        static Response bcs(byte[] body) {
            return new Response(200, OCTETS, body, null);
        }

        static Response methodNotAllowed(Set<String> allowed) {
            return new Response(405, null, new byte[0], String.join(",", allowed));
        }
    }

    /** Thrown for a known route requested with a method it does not serve. */
    private static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Set<String> allowed;

        MethodNotAllowed(Set<String> allowed) {
            super("method not allowed", null, false, false);
            this.allowed = allowed;
        }
    }

    private final String nodeName;
    private final NodeService service;

    NodeHttpHandler(String nodeName, NodeService service) {
        this.nodeName = nodeName;
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange);
            } catch (MethodNotAllowed e) {
                response = Response.methodNotAllowed(e.allowed);
            } catch (ApiException e) {
                LOG.debug(
                        "{}: {} {} -> {}",
                        nodeName,
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        e.getMessage());
                response = error(e.error());
            } catch (RuntimeException e) {
                LOG.warn("{}: {} {} failed", nodeName, exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = error(new ApiError(
                        ApiStatusCode.INTERNAL,
                        "an internal error has occurred, please report it",
                        "INTERNAL_ERROR",
                        ApiError.GLOBAL_DOMAIN,
                        Map.of()));
            }
            send(exchange, response);
        }
    }

    private static Response error(ApiError error) {
        return new Response(error.httpCode(), JSON, error.toBytes(), null);
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] s = exchange.getRequestURI().getRawPath().split("/", -1);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        // s[0] is the empty string before the leading slash.
        if (s.length < 3 || !s[0].isEmpty() || !s[1].equals("v1")) {
            throw unknownRoute();
        }
        if (s.length == 3 && s[2].equals("health")) {
            requireMethod(method, "GET");
            return Response.json(
                    new ApiSuccess(200, service.health(flag(query, "detailed")).toJson()));
        }
        if (s.length == 3 && s[2].equals("api")) {
            requireMethod(method, "GET");
            return new Response(200, "text/html; charset=utf-8", apiPage(), null);
        }
        if (s.length < 5 || !s[2].equals("blobs")) {
            throw unknownRoute();
        }
        String blobIdText = s[3];
        String resource = s[4];
        switch (resource) {
            case "metadata" -> {
                if (s.length == 5) {
                    BlobId blobId = blobId(blobIdText);
                    if (method.equals("GET")) {
                        return Response.bcs(service.getMetadata(blobId));
                    }
                    requireMethod(method, "GET", "PUT");
                    byte[] body = body(exchange, service.maxMetadataBody());
                    if (body == null) {
                        return tooLarge();
                    }
                    return outcome(service.putMetadata(blobId, body, flag(query, "pending")));
                }
                if (s.length == 6 && s[5].equals("status")) {
                    requireMethod(method, "GET");
                    return Response.json(new ApiSuccess(
                            200, service.metadataStatus(blobId(blobIdText)).toJson()));
                }
            }
            case "slivers" -> {
                if (s.length == 7 || (s.length == 8 && s[7].equals("status"))) {
                    BlobId blobId = blobId(blobIdText);
                    int pairIndex = pairIndex(s[5]);
                    SliverType type = sliverType(s[6]);
                    if (s.length == 8) {
                        requireMethod(method, "GET");
                        return Response.json(new ApiSuccess(
                                200,
                                service.sliverStatus(blobId, pairIndex, type).toJson()));
                    }
                    if (method.equals("GET")) {
                        return Response.bcs(service.getSliver(blobId, pairIndex, type));
                    }
                    requireMethod(method, "GET", "PUT");
                    byte[] body = body(exchange, service.maxSliverBody());
                    if (body == null) {
                        return tooLarge();
                    }
                    return outcome(service.putSliver(blobId, pairIndex, type, body, flag(query, "pending")));
                }
            }
            case "confirmation" -> {
                if (s.length == 6 && s[5].equals("permanent")) {
                    requireMethod(method, "GET");
                    return Response.json(new ApiSuccess(
                            200,
                            service.confirmation(blobId(blobIdText), BlobPersistenceType.permanent(), wait(query))
                                    .toJson()));
                }
                if (s.length == 7 && s[5].equals("deletable")) {
                    requireMethod(method, "GET");
                    BlobId blobId = blobId(blobIdText);
                    BlobPersistenceType type = BlobPersistenceType.deletable(objectId(s[6]));
                    return Response.json(new ApiSuccess(
                            200, service.confirmation(blobId, type, wait(query)).toJson()));
                }
            }
            case "status" -> {
                if (s.length == 5) {
                    requireMethod(method, "GET");
                    return Response.json(new ApiSuccess(
                            200, service.blobStatus(blobId(blobIdText)).toJson()));
                }
            }
            default -> {
                // Falls through to the unknown-route error below.
            }
        }
        throw unknownRoute();
    }

    private static Response outcome(NodeService.Outcome outcome) {
        return Response.json(ApiSuccess.message(outcome.code(), outcome.message()));
    }

    private static Response tooLarge() {
        return new Response(
                413,
                "text/plain; charset=utf-8",
                "Failed to buffer the request body: length limit exceeded".getBytes(StandardCharsets.UTF_8),
                null);
    }

    private static ApiException unknownRoute() {
        return new ApiException(new ApiError(
                ApiStatusCode.NOT_FOUND,
                "the requested route does not exist on this storage node",
                "ROUTE_NOT_FOUND",
                ApiError.GLOBAL_DOMAIN,
                Map.of()));
    }

    private static void requireMethod(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new MethodNotAllowed(Set.of(allowed));
    }

    private static BlobId blobId(String text) {
        try {
            return BlobId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalidPath("invalid blob ID " + text + ": " + e.getMessage());
        }
    }

    private static int pairIndex(String text) {
        try {
            int index = Integer.parseInt(text);
            if (index < 0 || index > 0xFFFF) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw invalidPath("invalid sliver pair index " + text + ": expected a u16");
        }
    }

    private static SliverType sliverType(String text) {
        try {
            return StorageNodeRoutes.parseSliverType(text);
        } catch (IllegalArgumentException e) {
            throw invalidPath("invalid sliver type " + text + ": expected primary or secondary");
        }
    }

    private static byte[] objectId(String text) {
        try {
            return BlobPersistenceType.parseObjectId(text);
        } catch (IllegalArgumentException e) {
            throw invalidPath("invalid object ID " + text);
        }
    }

    private static ApiException invalidPath(String message) {
        return ApiException.of(ApiStatusCode.INVALID_ARGUMENT, "INVALID_PATH_PARAMETER", message);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.of(
                ApiStatusCode.INVALID_ARGUMENT,
                "INVALID_QUERY_PARAMETER",
                "query parameter " + name + " must be true or false, got " + value);
    }

    /** How long a confirmation request may wait for the registration: zero unless it asks to wait. */
    private static Duration wait(Map<String, String> query) {
        if (!flag(query, "wait_for_registration")) {
            return Duration.ZERO;
        }
        String millis = query.get("wait_millis");
        if (millis == null) {
            return NodeService.MAX_REGISTRATION_WAIT;
        }
        try {
            long value = Long.parseUnsignedLong(millis);
            return value < 0 ? NodeService.MAX_REGISTRATION_WAIT : Duration.ofMillis(value);
        } catch (NumberFormatException e) {
            throw ApiException.of(
                    ApiStatusCode.INVALID_ARGUMENT,
                    "INVALID_QUERY_PARAMETER",
                    "query parameter wait_millis must be a u64, got " + millis);
        }
    }

    /** The request body, or null if it is longer than {@code limit}. */
    private static byte[] body(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        if (response.allow() != null) {
            exchange.getResponseHeaders().set("Allow", response.allow());
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] apiPage() {
        List<String> routes = List.of(
                "GET " + StorageNodeRoutes.HEALTH,
                "GET|PUT " + StorageNodeRoutes.METADATA,
                "GET " + StorageNodeRoutes.METADATA_STATUS,
                "GET|PUT " + StorageNodeRoutes.SLIVER,
                "GET " + StorageNodeRoutes.SLIVER_STATUS,
                "GET " + StorageNodeRoutes.PERMANENT_CONFIRMATION,
                "GET " + StorageNodeRoutes.DELETABLE_CONFIRMATION,
                "GET " + StorageNodeRoutes.BLOB_STATUS);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Local Walrus storage node ")
                .append(escape(nodeName))
                .append("</title></head><body><h1>Local Walrus storage node ")
                .append(escape(nodeName))
                .append("</h1><ul>");
        for (String r : routes) {
            html.append("<li><code>").append(escape(r)).append("</code></li>");
        }
        return html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
