package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/** Who owns an object, as Sui's {@code Owner} enum: an address, another object, everyone (shared) or no one. */
public sealed interface Owner {
    /**
     * Owned by an account address, variant 0.
     *
     * @param address the owner
     */
    record AddressOwner(SuiAddress address) implements Owner {
        public AddressOwner {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Owned by another object (a dynamic field's parent), variant 1.
     *
     * @param parent the parent object's ID
     */
    record ObjectOwner(SuiAddress parent) implements Owner {
        public ObjectOwner {
            Objects.requireNonNull(parent, "parent");
        }
    }

    /**
     * Shared, variant 2.
     *
     * @param initialSharedVersion the version at which the object became shared
     */
    record Shared(long initialSharedVersion) implements Owner {}

    /** Frozen: readable by everyone, never mutated, variant 3. */
    record Immutable() implements Owner {}

    /** The owner as an address owner, or {@code null}. */
    default SuiAddress addressOwner() {
        return this instanceof AddressOwner a ? a.address() : null;
    }

    /** Writes Sui's BCS form of {@code Owner}. */
    default void writeTo(BcsWriter writer) {
        switch (this) {
            case AddressOwner a -> {
                writer.variant(0);
                a.address().writeTo(writer);
            }
            case ObjectOwner o -> {
                writer.variant(1);
                o.parent().writeTo(writer);
            }
            case Shared s -> writer.variant(2).u64(s.initialSharedVersion());
            case Immutable i -> writer.variant(3);
        }
    }

    /** Reads Sui's BCS form of {@code Owner} (without the consensus-address variant). */
    static Owner readFrom(BcsReader reader) {
        int variant = reader.variant("Owner", 4);
        return switch (variant) {
            case 0 -> new AddressOwner(SuiAddress.readFrom(reader));
            case 1 -> new ObjectOwner(SuiAddress.readFrom(reader));
            case 2 -> new Shared(reader.u64());
            default -> new Immutable();
        };
    }
}
