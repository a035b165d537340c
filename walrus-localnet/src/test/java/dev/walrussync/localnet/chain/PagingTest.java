package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owned objects page by ID with opaque cursors, a default page of 20 and a maximum of 50. */
class PagingTest {
    private static final SuiAddress OWNER = SuiAddress.parse("0x" + "5a".repeat(32));
    private static final String SUI_COINS = "0x2::coin::Coin<0x2::sui::SUI>";

    private static TestNet netWith25Coins() throws Exception {
        TestNet net = TestNet.of(ChainConfig.builder().build(), OracleExecutionTest.CLOCK);
        for (int i = 0; i < 25; i++) {
            net.chain.fund(OWNER, 1 + i, 0);
        }
        return net;
    }

    private static JsonNode page(TestNet net, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("owner", OWNER.toString());
        variables.put("type", SUI_COINS);
        if (first != null) {
            variables.put("first", first);
        }
        if (after != null) {
            variables.put("after", after);
        }
        return net.graphQl(SuiQueriesTest.OWNED_OBJECTS, variables);
    }

    @Test
    void pagingWithFirstAndAfterVisitsEveryCoinOnceInIdOrder() throws Exception {
        try (TestNet net = netWith25Coins()) {
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            while (true) {
                JsonNode objects = page(net, 10, after).at("/data/address/objects");
                objects.get("nodes").forEach(n -> seen.add(n.get("address").asText()));
                pages++;
                if (!objects.at("/pageInfo/hasNextPage").asBoolean()) {
                    break;
                }
                after = objects.at("/pageInfo/endCursor").asText();
            }
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void withoutFirstAPageHoldsTwentyObjects() throws Exception {
        try (TestNet net = netWith25Coins()) {
            JsonNode objects = page(net, null, null).at("/data/address/objects");
            assertThat(objects.get("nodes")).hasSize(20);
            assertThat(objects.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        }
    }

    @Test
    void askingForMoreThanFiftyIsABadUserInputError() throws Exception {
        try (TestNet net = netWith25Coins()) {
            JsonNode response = page(net, 51, null);
            assertThat(response.at("/data/address/objects").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asText())
                    .isEqualTo("Connection's page size of 51 exceeds max of 50");
            assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
        }
    }

    @Test
    void pagingBackwardsWithLastAndBeforeReturnsThePrecedingObjects() throws Exception {
        try (TestNet net = netWith25Coins()) {
            JsonNode all = page(net, 50, null).at("/data/address/objects/nodes");
            String cursorOfTenth = net.graphQl(
                            "query($o: SuiAddress!) { address(address: $o) { objects(first: 10) { edges { cursor } } } }",
                            Map.of("o", OWNER.toString()))
                    .at("/data/address/objects/edges/9/cursor")
                    .asText();
            JsonNode back = net.graphQl(
                            "query($o: SuiAddress!, $b: String) { address(address: $o) { objects(last: 3, before: $b) {"
                                    + " pageInfo { hasPreviousPage } nodes { address } } } }",
                            Map.of("o", OWNER.toString(), "b", cursorOfTenth))
                    .at("/data/address/objects");
            assertThat(back.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
            List<String> addresses = new ArrayList<>();
            back.get("nodes").forEach(n -> addresses.add(n.get("address").asText()));
            assertThat(addresses)
                    .containsExactly(
                            all.get(6).get("address").asText(),
                            all.get(7).get("address").asText(),
                            all.get(8).get("address").asText());
        }
    }

    @Test
    void addressBalancesListEachCoinTypeOnce() throws Exception {
        try (TestNet net = netWith25Coins()) {
            net.chain.fund(OWNER, 0, 7);
            JsonNode nodes = net.graphQl(
                            "query($o: SuiAddress!) { address(address: $o) { balances { nodes { coinType { repr }"
                                    + " totalBalance } } } }",
                            Map.of("o", OWNER.toString()))
                    .at("/data/address/balances/nodes");
            assertThat(nodes).hasSize(2);
            long expected = 0;
            for (int i = 0; i < 25; i++) {
                expected += 1 + i;
            }
            String sui = "0x0000000000000000000000000000000000000000000000000000000000000002::sui::SUI";
            for (JsonNode n : nodes) {
                if (n.at("/coinType/repr").asText().equals(sui)) {
                    assertThat(n.get("totalBalance").asText()).isEqualTo(Long.toString(expected));
                } else {
                    assertThat(n.get("totalBalance").asText()).isEqualTo("7");
                }
            }
        }
    }
}
