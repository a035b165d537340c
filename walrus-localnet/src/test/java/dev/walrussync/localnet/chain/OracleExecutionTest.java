package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The oracle's six signed transactions execute successfully against a genesis seeded with their inputs. */
class OracleExecutionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    static LocalChain chain() {
        return LocalChain.inMemory(Oracle.genesis().build(), CLOCK);
    }

    static java.util.List<String> names() {
        return Oracle.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyOracleVectorExecutesWithStatusSuccess(String name) throws Exception {
        try (LocalChain chain = chain()) {
            ExecutedTransaction result = chain.execute(Oracle.txBytes(name), Oracle.signatures(name));
            assertThat(result.effects().failure()).as(name).isNull();
            assertThat(result.record().digest()).isEqualTo(Oracle.digest(name));
            assertThat(chain.transaction(Oracle.digest(name))).isPresent();
        }
    }

    @Test
    void extendBlobMovesTheEndEpochAndChargesUnitsTimesPriceTimesEpochs() throws Exception {
        try (LocalChain chain = chain()) {
            chain.execute(Oracle.txBytes(Oracle.EXTEND), Oracle.signatures(Oracle.EXTEND));
            BlobData blob = (BlobData)
                    chain.object(Oracle.BLOB.objectId()).orElseThrow().data();
            assertThat(blob.endEpoch()).isEqualTo(Oracle.BLOB_END_EPOCH + 5);
            CoinData wal = (CoinData)
                    chain.object(Oracle.WAL_COIN.objectId()).orElseThrow().data();
            long units = 63;
            assertThat(wal.balance()).isEqualTo(Oracle.WAL_BALANCE - units * Oracle.STORAGE_PRICE * 5);
        }
    }
}
