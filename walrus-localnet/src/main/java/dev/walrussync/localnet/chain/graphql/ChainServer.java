package dev.walrussync.localnet.chain.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.CoinData;
import dev.walrussync.localnet.chain.FaucetGrant;
import dev.walrussync.localnet.chain.Json;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local chain's HTTP endpoint on 127.0.0.1: Sui GraphQL at {@code POST /graphql} and a faucet at {@code POST
 * /v2/gas}.
 *
 * <p>GraphQL: {@code {"query", "variables", "operationName"}} in, {@code {"data", "errors"}} out, HTTP 200 even for
 * errors (as Sui's service answers); a body that is not such JSON gets 400, a body over 1 MiB 413, another method
 * 405.
 *
 * <p>Faucet (local only; real faucets give SUI alone): request {@code {"FixedAmountRequest": {"recipient":
 * "0x…"}}}, response 201 with {@code {"status": "Success", "coins_sent": [{"amount": <number>, "id": "0x…",
 * "transferTxDigest": "<base58>"}]}} listing a SUI coin then a WAL coin; a bad request gets 400 with {@code
 * {"status": {"Failure": {"internal": "<reason>"}}, "coins_sent": null}}, the shape of Sui's faucet v2.
 */
public final class ChainServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainServer.class);
    private static final int MAX_BODY = 1024 * 1024;

    private final LocalChain chain;
    private final SuiGraphQl graphQl;
    private final HttpServer server;
    private final ExecutorService executor;

    private ChainServer(LocalChain chain, HttpServer server, ExecutorService executor) {
        this.chain = chain;
        this.graphQl = new SuiGraphQl(chain);
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code chain} on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @throws IOException if the port cannot be bound
     */
    public static ChainServer start(LocalChain chain, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        ChainServer chainServer = new ChainServer(chain, server, executor);
        server.createContext("/graphql", chainServer::graphQl);
        server.createContext("/v2/gas", chainServer::faucet);
        server.createContext("/", exchange -> chainServer.respond(exchange, 404, error("no such route")));
        server.start();
        LOG.info("local chain serving GraphQL at {}", chainServer.graphQlUri());
        return chainServer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The GraphQL endpoint. */
    public URI graphQlUri() {
        return baseUri().resolve("/graphql");
    }

    /** The faucet endpoint. */
    public URI faucetUri() {
        return baseUri().resolve("/v2/gas");
    }

    private static ObjectNode error(String message) {
        ObjectNode body = Json.object();
        body.putNull("data");
        body.putArray("errors").addObject().put("message", message);
        return body;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private void graphQl(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/graphql")) {
                respond(exchange, 404, error("no such route"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, error("use POST with a JSON body"));
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                respond(exchange, 413, error("request body larger than " + MAX_BODY + " bytes"));
                return;
            }
            JsonNode request;
            try {
                request = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                respond(exchange, 400, error("request body is not JSON: " + e.getMessage()));
                return;
            }
            if (request == null || !request.isObject() || !request.path("query").isTextual()) {
                respond(exchange, 400, error("request body must be a JSON object with a string \"query\""));
                return;
            }
            JsonNode variables = request.path("variables");
            if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
                respond(exchange, 400, error("\"variables\" must be a JSON object"));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = variables.isObject() ? Json.MAPPER.convertValue(variables, Map.class) : Map.of();
            JsonNode operation = request.path("operationName");
            Map<String, Object> result = graphQl.execute(
                    request.get("query").asText(), operation.isTextual() ? operation.asText() : null, vars);
            respond(exchange, 200, Json.MAPPER.valueToTree(result));
        } catch (RuntimeException e) {
            LOG.warn("GraphQL request failed", e);
            respond(exchange, 500, error("internal error: " + e));
        }
    }

    private void faucet(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, faucetFailure("use POST"));
                return;
            }
            byte[] body = readBody(exchange);
            SuiAddress recipient;
            try {
                JsonNode request = Json.MAPPER.readTree(body == null ? new byte[0] : body);
                JsonNode r = request == null
                        ? null
                        : request.path("FixedAmountRequest").path("recipient");
                if (r == null || !r.isTextual()) {
                    respond(
                            exchange,
                            400,
                            faucetFailure("expected {\"FixedAmountRequest\": {\"recipient\": \"0x…\"}}"));
                    return;
                }
                recipient = SuiScalars.parseAddress(r.asText());
            } catch (IOException | RuntimeException e) {
                respond(exchange, 400, faucetFailure("invalid request: " + e.getMessage()));
                return;
            }
            FaucetGrant grant = chain.fund(recipient);
            ObjectNode response = Json.object();
            response.put("status", "Success");
            ArrayNode coins = response.putArray("coins_sent");
            for (ChainObject coin : grant.coins()) {
                coins.addObject()
                        .put("amount", ((CoinData) coin.data()).balance())
                        .put("id", coin.id().toString())
                        .put("transferTxDigest", grant.transactionDigest().toString());
            }
            respond(exchange, 201, response);
        }
    }

    private static ObjectNode faucetFailure(String reason) {
        ObjectNode body = Json.object();
        body.putObject("status").putObject("Failure").put("internal", reason);
        body.putNull("coins_sent");
        return body;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving; the chain stays open. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
