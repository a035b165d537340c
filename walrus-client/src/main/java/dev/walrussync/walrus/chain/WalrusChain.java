package dev.walrussync.walrus.chain;

import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;

/**
 * Walrus on Sui, over Sui GraphQL: the system object, balances, owned blobs, and the transactions a
 * backup needs (extend, attributes, delete), built as BCS {@code TransactionData}, budgeted with a
 * dry run, signed with Ed25519 and executed.
 */
public final class WalrusChain {
    public WalrusChain(
            dev.walrussync.walrus.network.WalrusNetwork network, dev.walrussync.walrus.http.RetryPolicy retry) {
        throw new UnsupportedOperationException("issue 4");
    }

    public SystemInfo system() throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    public Balances balances(SuiAddress owner) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Every {@code Blob} object the owner holds, all pages, with attributes. */
    public List<OwnedBlob> ownedBlobs(SuiAddress owner) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Extends a blob the signer owns by {@code epochs} epochs, paying WAL from the signer's coins. */
    public TransactionOutcome extendBlob(Ed25519Keypair signer, SuiAddress blobObject, int epochs)
            throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Sets one attribute ({@code insert_or_update_metadata_pair}) on a blob the signer owns. */
    public TransactionOutcome setAttribute(Ed25519Keypair signer, SuiAddress blobObject, String key, String value)
            throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Transfers objects the signer owns (for example its Blob objects) to another address. */
    public TransactionOutcome transferObjects(Ed25519Keypair signer, List<SuiAddress> objects, SuiAddress recipient)
            throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Deletes a deletable blob the signer owns and keeps its storage resource with the signer. */
    public TransactionOutcome deleteBlob(Ed25519Keypair signer, SuiAddress blobObject) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }
}
