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

    @Test
    void redeemingFromTheAddressBalanceMovesTheReservationIntoACoinThatPaysTheExtension() throws Exception {
        try (LocalChain chain = chain()) {
            ExecutedTransaction result =
                    chain.execute(Oracle.txBytes(Oracle.REDEEM_EXTEND), Oracle.signatures(Oracle.REDEEM_EXTEND));
            assertThat(chain.addressBalance(Oracle.SENDER, Oracle.WAL)).isEqualTo(Oracle.ADDRESS_WAL - 2_000_000_000L);
            ObjectChange created = result.effects().changes().stream()
                    .filter(ObjectChange::idCreated)
                    .findFirst()
                    .orElseThrow();
            ChainObject coin = chain.object(created.id()).orElseThrow();
            assertThat(coin.owner()).isEqualTo(new Owner.AddressOwner(Oracle.SENDER));
            assertThat(((CoinData) coin.data()).balance()).isEqualTo(2_000_000_000L - 63 * Oracle.STORAGE_PRICE * 5);
            assertThat(((BlobData) chain.object(Oracle.BLOB.objectId())
                                    .orElseThrow()
                                    .data())
                            .endEpoch())
                    .isEqualTo(Oracle.BLOB_END_EPOCH + 5);
        }
    }

    @Test
    void splittingWalAndSplittingTheGasCoinSendTheAmountsToTheRecipient() throws Exception {
        try (LocalChain chain = chain()) {
            chain.execute(Oracle.txBytes(Oracle.SPLIT), Oracle.signatures(Oracle.SPLIT));
            assertThat(chain.coinBalance(Oracle.RECIPIENT, Oracle.WAL)).isEqualTo(1_000_000_000L);
            assertThat(chain.coinBalance(Oracle.SENDER, Oracle.WAL))
                    .isEqualTo(Oracle.WAL_BALANCE + Oracle.WAL_2_BALANCE - 1_000_000_000L);
        }
        try (LocalChain chain = chain()) {
            ExecutedTransaction result =
                    chain.execute(Oracle.txBytes(Oracle.GAS_TRANSFER), Oracle.signatures(Oracle.GAS_TRANSFER));
            assertThat(chain.coinBalance(Oracle.RECIPIENT, ChainTypes.SUI)).isEqualTo(100_000_000L);
            assertThat(chain.coinBalance(Oracle.SENDER, ChainTypes.SUI))
                    .isEqualTo(Oracle.GAS_BALANCE
                            - 100_000_000L
                            - result.effects().gas().netCharge());
        }
    }

    @Test
    void mergingThenExtendingByFiftyTwoPaysFromBothCoinsAndDeletesTheSource() throws Exception {
        try (LocalChain chain = chain()) {
            chain.execute(Oracle.txBytes(Oracle.MERGE_EXTEND), Oracle.signatures(Oracle.MERGE_EXTEND));
            assertThat(chain.object(Oracle.WAL_COIN_2.objectId())).isEmpty();
            CoinData merged = (CoinData)
                    chain.object(Oracle.WAL_COIN.objectId()).orElseThrow().data();
            assertThat(merged.balance())
                    .isEqualTo(Oracle.WAL_BALANCE + Oracle.WAL_2_BALANCE - 63 * Oracle.STORAGE_PRICE * 52);
            assertThat(((BlobData) chain.object(Oracle.BLOB.objectId())
                                    .orElseThrow()
                                    .data())
                            .endEpoch())
                    .isEqualTo(Oracle.EPOCH + 53);
        }
    }
}
