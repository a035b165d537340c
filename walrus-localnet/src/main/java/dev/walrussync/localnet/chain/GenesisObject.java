package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.StructTag;
import java.util.Objects;

/**
 * An object seeded at genesis with an exact version and, optionally, an exact digest (so references made elsewhere,
 * such as the oracle transactions, point at it). Without a digest one is computed from the contents.
 *
 * @param version the version
 * @param digest the digest to report, or {@code null} to compute it
 * @param owner the owner
 * @param type the Move type
 * @param data the contents; its ID is the object's ID
 */
public record GenesisObject(long version, Digest digest, Owner owner, StructTag type, ObjectData data) {
    public GenesisObject {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
