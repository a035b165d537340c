package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/**
 * A reference to one version of an owned or immutable object: ID, version (u64, unsigned) and digest.
 *
 * @param objectId the object ID
 * @param version the version, an unsigned 64-bit number
 * @param digest the object digest
 */
public record ObjectRef(SuiAddress objectId, long version, Digest digest) {
    public ObjectRef {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(digest, "digest");
    }

    /** Builds a reference from the text forms GraphQL returns: hex ID, version and Base58 digest. */
    public static ObjectRef of(String objectId, long version, String digestBase58) {
        return new ObjectRef(SuiAddress.parse(objectId), version, Digest.parse(digestBase58));
    }

    public void writeTo(BcsWriter writer) {
        objectId.writeTo(writer);
        writer.u64(version);
        digest.writeTo(writer);
    }

    public static ObjectRef readFrom(BcsReader reader) {
        SuiAddress id = SuiAddress.readFrom(reader);
        long version = reader.u64();
        return new ObjectRef(id, version, Digest.readFrom(reader));
    }

    @Override
    public String toString() {
        return "ObjectRef[" + objectId + " v" + Long.toUnsignedString(version) + " " + digest + "]";
    }
}
