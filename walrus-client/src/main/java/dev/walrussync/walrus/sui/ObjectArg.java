package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/** How a transaction uses an object input: owned or immutable, shared, or to be received. */
public sealed interface ObjectArg {
    /**
     * An owned or immutable object at an exact version, variant 0.
     *
     * @param ref the object reference
     */
    record ImmOrOwnedObject(ObjectRef ref) implements ObjectArg {
        public ImmOrOwnedObject {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * A shared object, variant 1.
     *
     * @param ref the shared object reference
     */
    record SharedObject(SharedObjectRef ref) implements ObjectArg {
        public SharedObject {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * An object sent to another object, to be received in this transaction, variant 2.
     *
     * @param ref the object reference
     */
    record Receiving(ObjectRef ref) implements ObjectArg {
        public Receiving {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** The ID of the object this argument names. */
    default SuiAddress objectId() {
        return switch (this) {
            case ImmOrOwnedObject o -> o.ref().objectId();
            case SharedObject s -> s.ref().objectId();
            case Receiving r -> r.ref().objectId();
        };
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case ImmOrOwnedObject o -> {
                writer.variant(0);
                o.ref().writeTo(writer);
            }
            case SharedObject s -> {
                writer.variant(1);
                s.ref().writeTo(writer);
            }
            case Receiving r -> {
                writer.variant(2);
                r.ref().writeTo(writer);
            }
        }
    }

    static ObjectArg readFrom(BcsReader reader) {
        int variant = reader.variant("ObjectArg", 3);
        return switch (variant) {
            case 0 -> new ImmOrOwnedObject(ObjectRef.readFrom(reader));
            case 1 -> new SharedObject(SharedObjectRef.readFrom(reader));
            default -> new Receiving(ObjectRef.readFrom(reader));
        };
    }
}
