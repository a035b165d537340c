package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's whole state survives a restart, and a torn log tail is dropped. */
class PersistenceTest {
    @TempDir
    Path dir;

    private LocalChain open() throws IOException {
        return LocalChain.open(Oracle.genesis().build(), dir, OracleExecutionTest.CLOCK);
    }

    private static List<Object> state(LocalChain chain) {
        return List.of(
                chain.object(Oracle.BLOB.objectId()).orElseThrow(),
                chain.object(Oracle.WAL_COIN.objectId()).orElseThrow(),
                chain.object(Oracle.GAS_COIN.objectId()).orElseThrow(),
                chain.object(Oracle.SYSTEM).orElseThrow(),
                chain.latestCheckpoint(),
                chain.currentEpoch(),
                chain.addressBalance(Oracle.SENDER, Oracle.WAL),
                chain.chainIdentifier(),
                chain.systemState(),
                chain.ownedObjects(Oracle.SENDER).stream().map(ChainObject::ref).toList());
    }

    @Test
    void theStateAfterTransactionsAnEpochChangeAndAFaucetGrantSurvivesARestart() throws Exception {
        List<Object> before;
        try (LocalChain chain = open()) {
            chain.execute(Oracle.txBytes(Oracle.REDEEM_EXTEND), Oracle.signatures(Oracle.REDEEM_EXTEND));
            chain.fund(Oracle.RECIPIENT);
            chain.advanceEpoch();
            before = state(chain);
        }
        try (TestNet net = TestNet.open(Oracle.genesis().build(), dir, OracleExecutionTest.CLOCK)) {
            assertThat(state(net.chain)).isEqualTo(before);
            assertThat(net.chain.transaction(Oracle.digest(Oracle.REDEEM_EXTEND)))
                    .isPresent();
            assertThat(net.chain.blobStatus(Oracle.BLOB_ID).objects().getFirst().certifiedEvent())
                    .isPresent();
            JsonNode wait = net.graphQl(
                    SuiQueriesTest.WAIT_FOR_TX,
                    Map.of("d", Oracle.digest(Oracle.REDEEM_EXTEND).toString()));
            assertThat(wait.at("/data/transaction/effects/status").asText()).isEqualTo("SUCCESS");
            JsonNode replay = net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.SPLIT));
            assertThat(replay.at("/errors/0/message").asText()).contains("is not available for consumption");
        }
    }

    @Test
    void aTornRecordAtTheEndOfTheLogIsDroppedAndTheCommittedStateKept() throws Exception {
        List<Object> before;
        try (LocalChain chain = open()) {
            chain.execute(Oracle.txBytes(Oracle.SPLIT), Oracle.signatures(Oracle.SPLIT));
            before = state(chain);
        }
        Path log = dir.resolve("chain.log");
        long size = Files.size(log);
        Files.write(log, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);
        try (LocalChain chain = open()) {
            assertThat(state(chain)).isEqualTo(before);
            chain.fund(Oracle.RECIPIENT);
        }
        assertThat(Files.size(log)).isGreaterThan(size);
        try (LocalChain chain = open()) {
            assertThat(chain.ownedObjects(Oracle.RECIPIENT)).hasSize(3); // 1 WAL from the split, SUI + WAL grant
        }
    }

    @Test
    void aSecondChainCannotOpenAFolderInUse() throws Exception {
        try (LocalChain chain = open()) {
            assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("in use");
            assertThat(chain.currentEpoch()).isEqualTo(Oracle.EPOCH);
        }
    }

    @Test
    void reopeningWithOtherWalrusPackagesIsRefused() throws Exception {
        try (LocalChain chain = open()) {
            assertThat(chain.currentEpoch()).isEqualTo(Oracle.EPOCH);
        }
        ChainConfig other = ChainConfig.builder()
                .systemObject(Oracle.SYSTEM, Oracle.SYSTEM_ISV)
                .build();
        assertThatThrownBy(() -> LocalChain.open(other, dir, OracleExecutionTest.CLOCK))
                .isInstanceOf(IllegalStateException.class);
        try (LocalChain chain = open()) {
            assertThat(chain.currentEpoch()).isEqualTo(Oracle.EPOCH);
        }
    }
}
