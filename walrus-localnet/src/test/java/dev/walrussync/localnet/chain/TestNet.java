package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.localnet.chain.graphql.ChainServer;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.GasData;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.ProgrammableTransactionBuilder;
import dev.walrussync.walrus.sui.SharedObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import dev.walrussync.walrus.sui.TransactionExpiration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A chain served over HTTP on loopback, with a GraphQL client and helpers to build and sign transactions. */
final class TestNet implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final LocalChain chain;
    final ChainServer server;

    private TestNet(LocalChain chain) throws IOException {
        this.chain = chain;
        this.server = ChainServer.start(chain, 0);
    }

    /** The oracle genesis, in memory. */
    static TestNet oracle() throws IOException {
        return new TestNet(LocalChain.inMemory(Oracle.genesis().build(), OracleExecutionTest.CLOCK));
    }

    /** A chain from {@code config}, in memory. */
    static TestNet of(ChainConfig config, Clock clock) throws IOException {
        return new TestNet(LocalChain.inMemory(config, clock));
    }

    /** A chain from {@code config}, kept in {@code dir}. */
    static TestNet open(ChainConfig config, Path dir, Clock clock) throws IOException {
        return new TestNet(LocalChain.open(config, dir, clock));
    }

    /** POSTs a GraphQL request and returns the response body. */
    JsonNode graphQl(String query, Map<String, ?> variables) {
        ObjectNode body = Json.object();
        body.put("query", query);
        body.set("variables", Json.MAPPER.valueToTree(variables));
        return post(server.graphQlUri(), body).body();
    }

    /** POSTs a GraphQL request with the variables as a JSON object. */
    JsonNode graphQl(String query, JsonNode variables) {
        ObjectNode body = Json.object();
        body.put("query", query);
        body.set("variables", variables);
        return post(server.graphQlUri(), body).body();
    }

    /** A response's status and JSON body. */
    record Response(int status, JsonNode body) {}

    static Response post(URI uri, JsonNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The §4.7 mutation with the oracle's variable names, so its {@code graphqlExecuteVariables} fit as they are. */
    static final String EXECUTE = """
            mutation Execute($transactionDataBcs: Base64!, $signatures: [Base64!]!) {
              executeTransaction(transactionDataBcs: $transactionDataBcs, signatures: $signatures) {
                effects {
                  digest status lamportVersion
                  executionError { message abortCode identifier module { name package { address } } function { name } }
                  gasEffects { gasObject { address version digest }
                               gasSummary { computationCost storageCost storageRebate nonRefundableStorageFee } }
                  objectChanges(first: 50) { pageInfo { hasNextPage endCursor }
                    nodes { address idCreated idDeleted outputState { version digest asMoveObject { contents { type { repr } } } } } }
                  effectsBcs
                }
              }
            }""";

    /** Executes signed bytes through the GraphQL mutation. */
    JsonNode execute(byte[] txBytes, List<String> signatures) {
        return graphQl(
                EXECUTE,
                Map.of("transactionDataBcs", Base64.getEncoder().encodeToString(txBytes), "signatures", signatures));
    }

    /** Builds, signs and executes a transaction through GraphQL. */
    JsonNode execute(Ed25519Keypair key, ObjectRef gas, long budget, Consumer<ProgrammableTransactionBuilder> body) {
        byte[] tx = build(key.address(), gas, budget, body);
        return execute(tx, List.of(key.serializedSignature(tx)));
    }

    byte[] build(SuiAddress sender, ObjectRef gas, long budget, Consumer<ProgrammableTransactionBuilder> body) {
        ProgrammableTransactionBuilder builder = new ProgrammableTransactionBuilder();
        body.accept(builder);
        TransactionData tx = builder.build(
                sender, new GasData(List.of(gas), sender, 1000, budget), new TransactionExpiration.None());
        return tx.toBcs();
    }

    /** The current reference of an object. */
    ObjectRef ref(SuiAddress id) {
        return chain.object(id).orElseThrow().ref();
    }

    /** The system object as a mutable shared input. */
    SharedObjectRef system() {
        ChainConfig config = chain.config();
        return new SharedObjectRef(config.systemObjectId(), config.systemInitialSharedVersion(), true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        chain.close();
    }
}
