package dev.walrussync.localnet.chain.graphql;

import dev.walrussync.localnet.chain.ExecutedTransaction;
import dev.walrussync.localnet.chain.TransactionRecord;
import dev.walrussync.localnet.chain.TransactionRejectedException;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SignatureScheme;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The root of {@code Query} and {@code Mutation}. */
final class RootView {
    private final Gql gql;

    RootView(Gql gql) {
        this.gql = gql;
    }

    /** The message Sui returns when validators refuse a transaction, wrapping the validators' error. */
    static String rejection(String error) {
        return "Transaction is rejected as invalid by more than 1/3 of validators by stake (non-retriable). "
                + "Non-retriable errors: [" + error + "]";
    }

    public ChainViews.AddressView address(DataFetchingEnvironment env) {
        SuiAddress address = env.getArgument("address");
        if (address == null) {
            if (env.getArgument("name") != null) {
                throw GraphQlUserError.badInput("Name resolution (SuiNS) is not available on the local chain");
            }
            throw GraphQlUserError.badInput("Either 'address' or 'name' must be provided");
        }
        return new ChainViews.AddressView(gql, address);
    }

    public String chainIdentifier() {
        return gql.chain().chainIdentifier();
    }

    public ChainViews.CheckpointView checkpoint(DataFetchingEnvironment env) {
        Long sequence = env.getArgument("sequenceNumber");
        String digest = env.getArgument("digest");
        long seq = sequence != null ? sequence : gql.chain().latestCheckpoint();
        if (digest != null) {
            for (long s = 0; s <= gql.chain().latestCheckpoint(); s++) {
                TransactionRecord tx = gql.chain().checkpoint(s).orElseThrow();
                if (ChainViews.CheckpointView.digestOf(tx).equals(digest)) {
                    return new ChainViews.CheckpointView(gql, tx);
                }
            }
            return null;
        }
        return gql.chain()
                .checkpoint(seq)
                .map(t -> new ChainViews.CheckpointView(gql, t))
                .orElse(null);
    }

    public ChainViews.EpochView epoch(DataFetchingEnvironment env) {
        Long id = env.getArgument("epochId");
        if (id == null) {
            return new ChainViews.EpochView(gql, gql.chain().currentEpochInfo());
        }
        return gql.chain().epoch(id).map(e -> new ChainViews.EpochView(gql, e)).orElse(null);
    }

    public ObjectViews.ObjectView object(DataFetchingEnvironment env) {
        SuiAddress address = env.getArgument("address");
        Long version = env.getArgument("version");
        return objectAt(address, version);
    }

    private ObjectViews.ObjectView objectAt(SuiAddress address, Long version) {
        return (version == null ? gql.chain().object(address) : gql.chain().object(address, version))
                .map(o -> new ObjectViews.ObjectView(gql, o))
                .orElse(null);
    }

    public List<ObjectViews.ObjectView> multiGetObjects(DataFetchingEnvironment env) {
        List<Map<String, Object>> keys = env.getArgument("keys");
        checkMultiGet(keys.size());
        List<ObjectViews.ObjectView> out = new ArrayList<>();
        for (Map<String, Object> key : keys) {
            out.add(objectAt((SuiAddress) key.get("address"), (Long) key.get("version")));
        }
        return out;
    }

    public List<TransactionViews.EffectsView> multiGetTransactionEffects(DataFetchingEnvironment env) {
        List<String> keys = env.getArgument("keys");
        checkMultiGet(keys.size());
        List<TransactionViews.EffectsView> out = new ArrayList<>();
        for (String key : keys) {
            out.add(transactionRecord(key)
                    .map(r -> new TransactionViews.EffectsView(gql, r))
                    .orElse(null));
        }
        return out;
    }

    private static void checkMultiGet(int size) {
        if (size > SuiGraphQl.MAX_MULTI_GET_SIZE) {
            throw GraphQlUserError.badInput("Requested " + size + " keys, but at most " + SuiGraphQl.MAX_MULTI_GET_SIZE
                    + " may be fetched at once");
        }
    }

    public ChainViews.ProtocolConfigsView protocolConfigs(DataFetchingEnvironment env) {
        Long version = env.getArgument("version");
        long current = gql.chain().currentEpochInfo().protocolVersion();
        if (version != null && version != current) {
            return null;
        }
        return new ChainViews.ProtocolConfigsView(current);
    }

    public ChainViews.ServiceConfigView serviceConfig() {
        return new ChainViews.ServiceConfigView();
    }

    private Optional<TransactionRecord> transactionRecord(String digest) {
        Digest parsed;
        try {
            parsed = Digest.parse(digest);
        } catch (IllegalArgumentException e) {
            throw GraphQlUserError.badInput("Invalid digest: " + digest);
        }
        return gql.chain().transaction(parsed);
    }

    public TransactionViews.TransactionView transaction(DataFetchingEnvironment env) {
        return transactionRecord(env.getArgument("digest"))
                .map(r -> new TransactionViews.TransactionView(gql, r))
                .orElse(null);
    }

    public TransactionViews.EffectsView transactionEffects(DataFetchingEnvironment env) {
        return transactionRecord(env.getArgument("digest"))
                .map(r -> new TransactionViews.EffectsView(gql, r))
                .orElse(null);
    }

    public TransactionViews.SimulationResultView simulateTransaction(DataFetchingEnvironment env) {
        Object transaction = env.getArgument("transaction");
        Boolean doGasSelection = env.getArgument("doGasSelection");
        byte[] bcs = simulationBcs(transaction);
        try {
            ExecutedTransaction result = gql.chain().simulate(bcs, Boolean.TRUE.equals(doGasSelection));
            return TransactionViews.SimulationResultView.of(gql, result);
        } catch (TransactionRejectedException e) {
            throw GraphQlUserError.badInput(rejection(e.getMessage()));
        }
    }

    private static byte[] simulationBcs(Object transaction) {
        if (transaction instanceof Map<?, ?> map
                && map.get("bcs") instanceof Map<?, ?> bcs
                && bcs.get("value") instanceof String value) {
            try {
                return Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw GraphQlUserError.badInput("Invalid Base64 in transaction.bcs.value: " + e.getMessage());
            }
        }
        throw GraphQlUserError.badInput(
                "The local chain accepts a transaction only as {\"bcs\": {\"value\": \"<Base64 TransactionData>\"}}");
    }

    public TransactionViews.ExecutionResultView executeTransaction(DataFetchingEnvironment env) {
        byte[] bcs = env.getArgument("transactionDataBcs");
        List<byte[]> signatures = env.getArgument("signatures");
        try {
            TransactionData.fromBcs(bcs);
        } catch (IllegalArgumentException e) {
            throw GraphQlUserError.badInput("Invalid BCS encoding in transaction data: " + e.getMessage());
        }
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            byte[] signature = signatures.get(i);
            String problem = signatureFormatProblem(signature);
            if (problem != null) {
                throw GraphQlUserError.badInput("Invalid signature format in signature " + i + ": " + problem);
            }
            encoded.add(Base64.getEncoder().encodeToString(signature));
        }
        try {
            ExecutedTransaction result = gql.chain().execute(bcs, encoded);
            return new TransactionViews.ExecutionResultView(
                    new TransactionViews.EffectsView(gql.inExecutionScope(), result.record()));
        } catch (TransactionRejectedException e) {
            throw GraphQlUserError.badInput(rejection(e.getMessage()));
        }
    }

    private static String signatureFormatProblem(byte[] signature) {
        if (signature.length == 0) {
            return "empty signature";
        }
        int flag = signature[0] & 0xFF;
        try {
            SignatureScheme.fromFlag(flag);
        } catch (IllegalArgumentException e) {
            return "unknown signature scheme flag " + flag;
        }
        if (flag == (SignatureScheme.ED25519.flag() & 0xFF) && signature.length != 97) {
            return "an Ed25519 signature is 97 bytes (flag, signature, public key), got " + signature.length;
        }
        return null;
    }
}
