package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.walrus.bcs.BcsException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link TransactionData} encoding and strict decoding beyond the golden vectors. */
class TransactionDataTest {
    private static final SuiAddress A = SuiAddress.parse("0xa");
    private static final SuiAddress B = SuiAddress.parse("0xb");
    private static final ObjectRef REF = new ObjectRef(A, 7, Digest.fromBytes(filled(0x11)));
    private static final GasData GAS = new GasData(List.of(REF), A, 1000, 5_000_000);

    private static byte[] filled(int b) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    static List<String> vectorNames() {
        return SuiTxVectors.names();
    }

    /** A transaction that uses every input kind, command and argument kind this module knows. */
    private static ProgrammableTransaction everything() {
        return new ProgrammableTransaction(
                List.of(
                        new CallArg.Pure(new byte[] {1, 2, 3}),
                        new CallArg.ObjectInput(new ObjectArg.ImmOrOwnedObject(REF)),
                        new CallArg.ObjectInput(new ObjectArg.SharedObject(new SharedObjectRef(B, 1, false))),
                        new CallArg.ObjectInput(new ObjectArg.Receiving(REF)),
                        new CallArg.Withdrawal(
                                new FundsWithdrawal(-1L, TypeTag.parse("0x2::sui::SUI"), WithdrawFrom.SPONSOR)),
                        new CallArg.Withdrawal(
                                new FundsWithdrawal(5, TypeTag.Primitive.U8, new WithdrawFrom.SenderAllowance(A, B)))),
                List.of(
                        new Command.MoveCall(
                                SuiAddress.SUI_FRAMEWORK,
                                "pay",
                                "split_vec",
                                List.of(TypeTag.parse("0x2::coin::Coin<0x2::sui::SUI>"), TypeTag.Primitive.U64),
                                List.of(
                                        Argument.GAS_COIN,
                                        Argument.input(0),
                                        Argument.result(0),
                                        Argument.nestedResult(1, 2))),
                        new Command.TransferObjects(List.of(Argument.input(1)), Argument.input(0)),
                        new Command.SplitCoins(Argument.GAS_COIN, List.of(Argument.input(0))),
                        new Command.MergeCoins(Argument.input(1), List.of(Argument.nestedResult(2, 0))),
                        new Command.Publish(List.of(new byte[] {0x0a, 0x0b}, new byte[] {1}), List.of(A, B)),
                        new Command.MakeMoveVec(Optional.of(TypeTag.Primitive.U8), List.of(Argument.input(0))),
                        new Command.MakeMoveVec(Optional.empty(), List.of()),
                        new Command.Upgrade(List.of(new byte[] {2}), List.of(A), B, Argument.result(3))));
    }

    static List<TransactionExpiration> expirations() {
        Digest chain = Digest.fromBytes(filled(0x4d));
        return List.of(
                TransactionExpiration.NONE,
                new TransactionExpiration.Epoch(42),
                new TransactionExpiration.ValidDuring(
                        Optional.of(1L), Optional.of(2L), Optional.empty(), Optional.of(-1L), chain, 0xFFFF_FFFFL),
                new TransactionExpiration.Validity(
                        Optional.empty(),
                        Optional.of(9L),
                        Optional.of(3L),
                        Optional.empty(),
                        chain,
                        7,
                        Optional.of(new TransactionExpiration.AllowedProposers(9, List.of(0L, 3L, 4L)))),
                new TransactionExpiration.Validity(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        chain,
                        0,
                        Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("expirations")
    void everyCommandInputAndExpirationKindRoundTrips(TransactionExpiration expiration) {
        TransactionData tx = new TransactionData(everything(), B, GAS, expiration);

        byte[] bytes = tx.toBcs();
        TransactionData decoded = TransactionData.fromBcs(bytes);

        assertThat(decoded).isEqualTo(tx);
        assertThat(decoded.toBcs()).isEqualTo(bytes);
        assertThat(decoded.digest()).isEqualTo(tx.digest());
    }

    @Test
    void epochExpirationIsVariantOneWithAU64() {
        TransactionData tx = new TransactionData(
                new ProgrammableTransaction(List.of(), List.of()),
                A,
                new GasData(List.of(), A, 1, 2),
                new TransactionExpiration.Epoch(42));

        byte[] bytes = tx.toBcs();

        assertThat(Arrays.copyOfRange(bytes, bytes.length - 9, bytes.length))
                .containsExactly(1, 42, 0, 0, 0, 0, 0, 0, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void everyTruncationOfAVectorIsRejected(String name) {
        byte[] bytes = SuiTxVectors.txBytes(name);

        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> TransactionData.fromBcs(cut))
                    .as("cut to %d bytes", length)
                    .isInstanceOf(BcsException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void aTrailingByteIsRejected(String name) {
        byte[] bytes = Arrays.copyOf(SuiTxVectors.txBytes(name), SuiTxVectors.txBytes(name).length + 1);

        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("trailing bytes: 1 byte(s) left");
    }

    @Test
    void unknownTransactionDataVersionIsRejected() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");
        bytes[0] = 1;

        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("unknown TransactionData variant 1");
    }

    @Test
    void systemTransactionKindsAreRejected() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");
        bytes[1] = 1; // ChangeEpoch

        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("unsupported TransactionKind variant 1");
    }

    @Test
    void sharedObjectMutabilityOtherThanZeroOrOneIsRejected() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");
        assertThat(bytes[45]).isEqualTo((byte) 1); // inputs[0].mutable, per the annotated map

        bytes[45] = 2;
        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("NonExclusiveWrite (2) at offset 45");
        bytes[45] = 3;
        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid shared object mutability 0x03");
    }

    @Test
    void objectDigestOfTheWrongLengthIsRejected() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");
        assertThat(bytes[88]).isEqualTo((byte) 0x20); // inputs[1].ref.digest length

        bytes[88] = 0x1f;
        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("digest at offset 88 must be 32 bytes, got 31");
    }

    @Test
    void unknownEnumVariantsAreRejectedWithTheirTypeName() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");

        byte[] callArg = bytes.clone();
        callArg[3] = 3;
        assertThatThrownBy(() -> TransactionData.fromBcs(callArg)).hasMessageContaining("unknown CallArg variant 3");

        byte[] objectArg = bytes.clone();
        objectArg[4] = 3;
        assertThatThrownBy(() -> TransactionData.fromBcs(objectArg))
                .hasMessageContaining("unknown ObjectArg variant 3");

        byte[] command = bytes.clone();
        command[203] = 7;
        assertThatThrownBy(() -> TransactionData.fromBcs(command)).hasMessageContaining("unknown Command variant 7");

        byte[] argument = bytes.clone();
        argument[257] = 4;
        assertThatThrownBy(() -> TransactionData.fromBcs(argument)).hasMessageContaining("unknown Argument variant 4");

        byte[] expiration = bytes.clone();
        expiration[423] = 4;
        assertThatThrownBy(() -> TransactionData.fromBcs(expiration))
                .hasMessageContaining("unknown TransactionExpiration variant 4");
    }

    @Test
    void invalidMoveIdentifierInAMoveCallIsRejected() {
        byte[] bytes = SuiTxVectors.txBytes("extend_blob");
        assertThat(bytes[237]).isEqualTo((byte) 's'); // "system"

        bytes[237] = '-';
        assertThatThrownBy(() -> TransactionData.fromBcs(bytes))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid Move identifier for module at offset 236");
    }

    @Test
    void allowedProposersMustBeStrictlyIncreasingAndNonEmpty() {
        assertThatThrownBy(() -> new TransactionExpiration.AllowedProposers(1, List.of()))
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new TransactionExpiration.AllowedProposers(1, List.of(2L, 2L)))
                .hasMessageContaining("strictly increasing");
    }

    @Test
    void fundsWithdrawalHasTheVectorLayout() {
        byte[] bytes = SuiTxVectors.txBytes("redeem_wal_from_address_balance_then_extend");
        TransactionData tx = TransactionData.fromBcs(bytes);

        assertThat(tx.transaction().inputs().get(0))
                .isEqualTo(new CallArg.Withdrawal(FundsWithdrawal.fromSender(2_000_000_000L, SuiTxVectors.WAL_TYPE)));
        assertThat(tx.transaction().commands().get(1))
                .isEqualTo(new Command.MoveCall(
                        SuiTxVectors.WALRUS_PACKAGE,
                        "system",
                        "extend_blob",
                        List.of(),
                        List.of(Argument.input(1), Argument.input(2), Argument.input(3), Argument.result(0))));
    }
}
