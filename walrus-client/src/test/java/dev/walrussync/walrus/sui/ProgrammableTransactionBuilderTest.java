package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests input numbering, deduplication and the Walrus helpers of {@link ProgrammableTransactionBuilder}. */
class ProgrammableTransactionBuilderTest {
    private static final SuiAddress PKG = SuiTxVectors.WALRUS_PACKAGE;
    private static final SharedObjectRef SYSTEM = SuiTxVectors.SYSTEM;
    private static final SharedObjectRef SYSTEM_READ_ONLY =
            new SharedObjectRef(SYSTEM.objectId(), SYSTEM.initialSharedVersion(), false);
    private static final ObjectRef BLOB = SuiTxVectors.BLOB;

    @Test
    void sameObjectTwiceIsOneInput() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        Argument first = ptb.object(BLOB);
        Argument second = ptb.object(BLOB);

        assertThat(first).isEqualTo(second).isEqualTo(Argument.input(0));
        assertThat(ptb.build().inputs()).hasSize(1);
    }

    @Test
    void equalPureValuesStaySeparateInputs() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        assertThat(ptb.pureU64(1)).isEqualTo(Argument.input(0));
        assertThat(ptb.pureU64(1)).isEqualTo(Argument.input(1));
    }

    @Test
    void sharedObjectBecomesMutableWhenAnyUseIsMutable() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        ptb.sharedObject(SYSTEM_READ_ONLY);
        ptb.sharedObject(SYSTEM);
        ptb.sharedObject(SYSTEM_READ_ONLY);

        assertThat(ptb.build().inputs()).containsExactly(new CallArg.ObjectInput(new ObjectArg.SharedObject(SYSTEM)));
    }

    @Test
    void deleteBlobUsesTheSystemReadOnlyAndReturnsTheStorage() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        Argument storage = ptb.deleteBlob(PKG, SYSTEM_READ_ONLY, BLOB);
        ptb.transferObjects(List.of(storage), SuiTxVectors.SENDER);

        ProgrammableTransaction pt = ptb.build();
        assertThat(storage).isEqualTo(Argument.result(0));
        assertThat(pt.inputs().get(0)).isEqualTo(new CallArg.ObjectInput(new ObjectArg.SharedObject(SYSTEM_READ_ONLY)));
        assertThat(pt.commands().get(0))
                .isEqualTo(new Command.MoveCall(
                        PKG, "system", "delete_blob", List.of(), List.of(Argument.input(0), Argument.input(1))));
        assertThat(pt.commands().get(1))
                .isEqualTo(new Command.TransferObjects(List.of(Argument.result(0)), Argument.input(2)));
    }

    @Test
    void removeMetadataPairPassesTheBlobAndTheKey() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        ptb.removeMetadataPair(PKG, BLOB, "content-type");

        ProgrammableTransaction pt = ptb.build();
        assertThat(pt.inputs())
                .containsExactly(
                        new CallArg.ObjectInput(new ObjectArg.ImmOrOwnedObject(BLOB)),
                        new CallArg.Pure(SuiTxVectors.hex("0c636f6e74656e742d74797065")));
        assertThat(pt.commands())
                .containsExactly(new Command.MoveCall(
                        PKG, "blob", "remove_metadata_pair", List.of(), List.of(Argument.input(0), Argument.input(1))));
    }

    @Test
    void splitCoinsReturnsOneNestedResultPerAmount() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        List<Argument> parts = ptb.splitCoins(ptb.gasCoin(), 1, 2, 3);

        assertThat(parts)
                .containsExactly(Argument.nestedResult(0, 0), Argument.nestedResult(0, 1), Argument.nestedResult(0, 2));
    }

    @Test
    void commandsMayOnlyReferToExistingInputsAndEarlierResults() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        assertThatThrownBy(() -> ptb.mergeCoins(Argument.GAS_COIN, List.of(Argument.input(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input that does not exist");
        assertThatThrownBy(() -> ptb.transferObjects(List.of(Argument.result(0)), Argument.GAS_COIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("command that does not exist yet");
        assertThat(ptb.build().commands()).isEmpty();
    }

    @Test
    void moveCallRejectsInvalidIdentifiers() {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();

        assertThatThrownBy(() -> ptb.moveCall(PKG, "system", "extend-blob", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Move identifier for function");
    }

    @Test
    void argumentIndicesMustFitInU16() {
        assertThatThrownBy(() -> Argument.input(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.nestedResult(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
