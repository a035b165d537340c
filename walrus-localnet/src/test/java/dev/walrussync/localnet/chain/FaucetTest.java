package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.sui.SuiAddress;
import org.junit.jupiter.api.Test;

/** The faucet at {@code POST /v2/gas} answers in Sui's faucet v2 shape and gives SUI and WAL. */
class FaucetTest {
    private static final SuiAddress RECIPIENT = SuiAddress.parse("0x" + "c4".repeat(32));

    @Test
    void aFixedAmountRequestCreatesASuiCoinAndAWalCoinForTheRecipient() throws Exception {
        try (TestNet net = TestNet.of(ChainConfig.builder().faucet(5_000, 7_000).build(), OracleExecutionTest.CLOCK)) {
            ObjectNode request = Json.object();
            request.putObject("FixedAmountRequest").put("recipient", RECIPIENT.toString());
            TestNet.Response response = TestNet.post(net.server.faucetUri(), request);
            assertThat(response.status()).isEqualTo(201);
            JsonNode body = response.body();
            assertThat(body.get("status").asText()).isEqualTo("Success");
            assertThat(body.get("coins_sent")).hasSize(2);
            assertThat(body.at("/coins_sent/0/amount").asLong()).isEqualTo(5_000);
            assertThat(body.at("/coins_sent/1/amount").asLong()).isEqualTo(7_000);
            assertThat(body.at("/coins_sent/0/transferTxDigest").asText()).isNotEmpty();
            assertThat(net.chain.coinBalance(RECIPIENT, ChainTypes.SUI)).isEqualTo(5_000);
            assertThat(net.chain.coinBalance(RECIPIENT, net.chain.types().wal()))
                    .isEqualTo(7_000);
            SuiAddress coin = SuiAddress.parse(body.at("/coins_sent/0/id").asText());
            assertThat(net.chain.object(coin).orElseThrow().owner()).isEqualTo(new Owner.AddressOwner(RECIPIENT));
        }
    }

    @Test
    void aMalformedRequestGetsA400InTheFailureShape() throws Exception {
        try (TestNet net = TestNet.of(ChainConfig.builder().build(), OracleExecutionTest.CLOCK)) {
            ObjectNode request = Json.object();
            request.putObject("FixedAmountRequest").put("recipient", "not-an-address");
            TestNet.Response response = TestNet.post(net.server.faucetUri(), request);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().at("/status/Failure/internal").asText()).isNotEmpty();
            assertThat(response.body().get("coins_sent").isNull()).isTrue();
        }
    }

    @Test
    void theGraphQlEndpointAnswers405ToGetAnd400ToABodyWithoutQuery() throws Exception {
        try (TestNet net = TestNet.of(ChainConfig.builder().build(), OracleExecutionTest.CLOCK)) {
            var get = TestNet.HTTP.send(
                    java.net.http.HttpRequest.newBuilder(net.server.graphQlUri())
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            TestNet.Response noQuery =
                    TestNet.post(net.server.graphQlUri(), Json.object().put("q", "x"));
            assertThat(noQuery.status()).isEqualTo(400);
            assertThat(noQuery.body().at("/errors/0/message").asText()).contains("query");
        }
    }
}
