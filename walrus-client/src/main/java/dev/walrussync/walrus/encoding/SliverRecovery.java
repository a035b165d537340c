package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rebuilding one lost sliver from {@link RecoverySymbol recovery symbols} that the holders of slivers of the other
 * type compute, as walrus-core's {@code recovery_symbol_for_sliver} and {@code
 * recover_sliver_or_generate_inconsistency_proof} do.
 *
 * <p>A primary sliver i is row i of the expanded matrix: its first n - f symbols are the source of the secondary
 * code, so any n - f symbols (i, j) of the row, one from each of n - f secondary slivers j, rebuild it. A secondary
 * sliver j is column j: any n - 2f symbols (i, j), from n - 2f primary slivers i, rebuild it with the primary code.
 * Each symbol carries the Merkle proof of its place in its source sliver's expansion, which is checked against the
 * source's hash in the metadata; the rebuilt sliver is checked against its own hash. All methods are stateless.
 */
public final class SliverRecovery {
    private SliverRecovery() {}

    /**
     * The number of recovery symbols needed to rebuild a sliver of {@code targetType}: n - f for a primary sliver,
     * n - 2f for a secondary sliver.
     */
    public static int symbolsNeeded(EncodingConfig config, SliverType targetType) {
        return targetType == SliverType.PRIMARY ? config.secondarySourceSymbols() : config.primarySourceSymbols();
    }

    /**
     * The recovery symbol that {@code source} gives for rebuilding sliver {@code targetIndex} of the other type:
     * symbol {@code targetIndex} of {@code source} expanded to n symbols, with its Merkle proof in the tree over
     * those n symbols (whose root is {@code source}'s hash in the metadata).
     *
     * @throws IllegalArgumentException if {@code source} does not have the length of a sliver of its type for
     *     {@code nShards} shards, or its symbol size is odd
     * @throws IndexOutOfBoundsException if {@code targetIndex} is not below {@code nShards}
     */
    public static RecoverySymbol recoverySymbol(Sliver source, int nShards, int targetIndex) {
        Objects.checkIndex(targetIndex, nShards);
        return recoverySymbols(source, nShards, targetIndex, targetIndex + 1).get(0);
    }

    /**
     * The n recovery symbols {@code source} gives, one for each sliver of the other type (element i is for sliver
     * i), from one expansion and one Merkle tree.
     *
     * @throws IllegalArgumentException as {@link #recoverySymbol(Sliver, int, int)}
     */
    public static List<RecoverySymbol> recoverySymbols(Sliver source, int nShards) {
        return recoverySymbols(source, nShards, 0, nShards);
    }

    private static List<RecoverySymbol> recoverySymbols(Sliver source, int nShards, int from, int to) {
        Objects.requireNonNull(source, "source");
        EncodingConfig config = EncodingConfig.forShards(nShards);
        Objects.checkIndex(source.index(), nShards);
        int s = source.symbolSize();
        int symbols = symbolsNeeded(config, source.type()); // a sliver holds its code's source symbols
        if (source.symbolCount() != symbols || s % EncodingConfig.SYMBOL_ALIGNMENT != 0) {
            throw new IllegalArgumentException("a " + source.type().name().toLowerCase(Locale.ROOT) + " sliver for "
                    + nShards + " shards has " + symbols + " symbols of an even size, got " + source);
        }
        Rs2Matrix m = new Rs2Matrix(config, s, false);
        byte[] expanded = m.expand(source.type(), source.rawData());
        Blake2b256 hasher = new Blake2b256();
        byte[][] tree = MerkleTree.levels(m.leafHashes(expanded, hasher), nShards, hasher);
        SliverType target = otherType(source.type());
        List<RecoverySymbol> out = new ArrayList<>(to - from);
        for (int t = from; t < to; t++) {
            MerkleProof proof = MerkleTree.proof(tree, nShards, t);
            byte[] data = Arrays.copyOfRange(expanded, t * s, (t + 1) * s);
            out.add(RecoverySymbol.wrap(target, t, source.index(), data, proof));
        }
        return out;
    }

    /**
     * Rebuilds sliver {@code targetIndex} of {@code targetType} from recovery symbols. Symbols that are for
     * another sliver, repeat a source, or fail {@link RecoverySymbol#verifies(BlobMetadata)} are left out; the
     * first {@link #symbolsNeeded} remaining ones are decoded.
     *
     * @throws IllegalArgumentException if fewer than {@link #symbolsNeeded} genuine symbols from distinct sources
     *     are given (the message names the symbols left out and why)
     * @throws InconsistentBlobException if the rebuilt sliver does not have the hash the metadata holds for it:
     *     the blob was encoded inconsistently
     */
    public static Sliver recover(
            BlobMetadata metadata, SliverType targetType, int targetIndex, Collection<RecoverySymbol> symbols)
            throws InconsistentBlobException {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(symbols, "symbols");
        EncodingConfig config = EncodingConfig.forShards(metadata.nShards());
        int n = config.nShards();
        Objects.checkIndex(targetIndex, n);
        int needed = symbolsNeeded(config, targetType);
        String target = targetType.name().toLowerCase(Locale.ROOT) + " sliver " + targetIndex;

        List<RecoverySymbol> chosen = new ArrayList<>(needed);
        boolean[] seen = new boolean[n];
        List<String> rejected = new ArrayList<>();
        for (RecoverySymbol symbol : symbols) {
            if (chosen.size() == needed) {
                break;
            }
            String problem = symbol.targetType() != targetType || symbol.targetIndex() != targetIndex
                    ? "it is for " + symbol.targetType().name().toLowerCase(Locale.ROOT) + " sliver "
                            + symbol.targetIndex()
                    : symbol.problem(metadata);
            if (problem == null && seen[symbol.sourceIndex()]) {
                problem = "its source was given before";
            }
            if (problem != null) {
                rejected.add("the symbol from " + symbol.sourceType().name().toLowerCase(Locale.ROOT) + " sliver "
                        + symbol.sourceIndex() + " (" + problem + ")");
                continue;
            }
            seen[symbol.sourceIndex()] = true;
            chosen.add(symbol);
        }
        if (chosen.size() < needed) {
            throw new IllegalArgumentException(
                    "need " + needed + " genuine recovery symbols to recover " + target + ", got " + chosen.size()
                            + (rejected.isEmpty() ? "" : "; left out " + String.join(", ", rejected)));
        }

        int s = config.symbolSize(metadata.unencodedLength());
        Rs2Matrix m = new Rs2Matrix(config, s, false);
        ReedSolomon code = targetType == SliverType.PRIMARY ? m.rowCode : m.columnCode;
        int[] positions = chosen.stream().mapToInt(RecoverySymbol::sourceIndex).toArray();
        char[][] received = new char[needed][m.elements];
        for (int i = 0; i < needed; i++) {
            SymbolLayout.toElements(chosen.get(i).rawData(), 0, s, received[i], 0);
        }
        char[][] source = code.decoder(positions).decode(received);
        byte[] data = new byte[needed * s];
        for (int i = 0; i < needed; i++) {
            SymbolLayout.fromElements(source[i], 0, s, data, i * s);
        }
        byte[] expected =
                metadata.hashes().get(config.pairIndex(targetType, targetIndex)).rawHash(targetType);
        if (!Arrays.equals(m.sliverHash(targetType, data), expected)) {
            throw new InconsistentBlobException("the " + target
                    + " rebuilt from genuine recovery symbols does not match its hash in the metadata:"
                    + " the blob is inconsistently encoded");
        }
        return Sliver.wrap(targetType, targetIndex, s, data);
    }

    private static SliverType otherType(SliverType type) {
        return type == SliverType.PRIMARY ? SliverType.SECONDARY : SliverType.PRIMARY;
    }
}
