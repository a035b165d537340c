package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;

/**
 * Sui's wording for the errors this chain reports, from {@code sui-types} ({@code UserInputError}, {@code
 * SuiError}, {@code ExecutionFailureStatus}, {@code CommandArgumentError}), so clients that match on the text behave
 * as they do against Sui.
 */
final class SuiErrors {
    // CommandArgumentError texts.
    static final String TYPE_MISMATCH = "The type of the value does not match the expected type";
    static final String INVALID_BCS = "The argument cannot be deserialized into a value of the specified type";
    static final String INVALID_GAS_COIN_USAGE =
            "Invalid taking of the Gas coin. It can only be used by-value with TransferObjects";
    static final String INVALID_VALUE_USAGE = "Invalid usage of value. Mutably borrowed values require unique usage. "
            + "Immutably borrowed values cannot be taken or borrowed mutably. Taken values cannot be used again. "
            + "Taken values cannot be implicitly passed by mutable or immutable reference.";
    static final String INVALID_OBJECT_BY_VALUE = "Immutable objects cannot be passed by-value.";
    static final String INVALID_OBJECT_BY_MUT_REF = "Immutable objects cannot be passed by mutable reference, &mut.";
    static final String SHARED_OBJECT_OPERATION =
            "Shared object operations such a wrapping, freezing, or converting to owned are not allowed.";
    static final String INVALID_TRANSFER_OBJECT =
            "Object passed to TransferObject does not have public transfer, i.e. the `store` ability";
    static final String ARGUMENT_WITHOUT_VALUE = "Specified argument location does not have a value and cannot be used";

    private SuiErrors() {}

    static String indexOutOfBounds(int idx) {
        return "Out of bounds access to input or result vector " + idx;
    }

    static String secondaryIndexOutOfBounds(int result, int secondary) {
        return "Out of bounds secondary access to result vector " + result + " at secondary index " + secondary;
    }

    static String invalidResultArity(int result) {
        return "Invalid usage of result " + result
                + ", expected a single result but found either no return values or multiple.";
    }

    static String hex(long version) {
        return "0x" + Long.toHexString(version);
    }

    static String objectNotFound(SuiAddress id, Long version) {
        String v = version == null ? "None" : "Some(SequenceNumber(" + Long.toUnsignedString(version) + "))";
        return "Could not find the referenced object " + id + " at version " + v + ".";
    }

    static String versionUnavailable(ObjectRef ref, long currentVersion) {
        return "Object ID " + ref.objectId() + " Version " + hex(ref.version()) + " Digest " + ref.digest()
                + " is not available for consumption, current version: " + hex(currentVersion);
    }

    static String objectDeleted(ObjectRef ref) {
        return "Object deleted at reference (" + ref.objectId() + ", SequenceNumber("
                + Long.toUnsignedString(ref.version()) + "), o#" + ref.digest() + ").";
    }

    static String invalidDigest(SuiAddress id, Digest expected) {
        return "Invalid Object digest for object " + id + ". Expected digest : o#" + expected + ".";
    }

    static String incorrectSigner(SuiAddress id, SuiAddress owner, SuiAddress signer) {
        return "Transaction was not signed by the correct sender: Object " + id + " is owned by account address "
                + owner + ", but given owner/signer address is " + signer;
    }

    static String childObjectArgument(SuiAddress child, SuiAddress parent) {
        return "Object " + child + " is owned by object " + parent
                + ". Objects owned by other objects cannot be used as input arguments.";
    }

    static String notShared() {
        return "Object used as shared is not shared.";
    }

    static String sharedVersionMismatch() {
        return "Wrong initial version given for shared object";
    }

    static String dependentPackageNotFound(SuiAddress pkg) {
        return "Dependent package not found on-chain: " + pkg;
    }

    static String objectAsPackage(SuiAddress id) {
        return "A move package is expected, instead a move object is passed: " + id;
    }

    static String packageAsObject(SuiAddress id) {
        return "A move object is expected, instead a move package is passed: " + id;
    }

    static String mutableObjectUsedTwice(SuiAddress id) {
        return "Mutable object " + id + " cannot appear more than one in one transaction.";
    }

    static String missingGas() {
        return "Transaction gas payment missing.";
    }

    static String gasPriceUnderRgp(long price, long rgp) {
        return "Gas price " + Long.toUnsignedString(price) + " under reference gas price (RGP) " + rgp;
    }

    static String gasPriceTooHigh(long max) {
        return "Gas price cannot exceed " + max + " mist";
    }

    static String gasBudgetTooHigh(long budget, long max) {
        return "Gas budget: " + Long.toUnsignedString(budget) + " is higher than max: " + max + ".";
    }

    static String gasBudgetTooLow(long budget, long min) {
        return "Gas budget: " + Long.toUnsignedString(budget) + " is lower than min: " + min + ".";
    }

    static String gasBalanceTooLow(long balance, long needed) {
        return "Balance of gas object " + Long.toUnsignedString(balance) + " is lower than the needed amount: "
                + Long.toUnsignedString(needed) + ".";
    }

    static String invalidGasObject(SuiAddress id) {
        return "Object " + id + " is not a gas object";
    }

    static String gasObjectNotOwned(Owner owner) {
        return "Gas object is not an owned object with owner: " + owner + ".";
    }

    static String invalidSignature(String detail) {
        return "Signature is not valid: " + detail;
    }

    static String signerAbsent(SuiAddress signer) {
        return "Required Signature from " + signer + " is absent.";
    }

    static String signatureCount(int expected, int actual) {
        return "Expect " + expected + " signer signatures but got " + actual + ".";
    }

    static String transactionExpired() {
        return "Transaction Expired";
    }

    static String unsupported(String what) {
        return "Feature is not yet supported: " + what;
    }

    static String sizeLimitExceeded(String limit, String value) {
        return "Size limit exceeded: " + limit + " is " + value;
    }

    static String emptyCommandInput() {
        return "TransferObjects, MergeCoin, and Publish cannot have empty arguments. "
                + "If MakeMoveVec has empty arguments, it must have a type specified";
    }
}
