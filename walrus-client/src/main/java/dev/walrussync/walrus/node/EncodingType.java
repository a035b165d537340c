package dev.walrussync.walrus.node;

/** The BCS enum {@code EncodingType} of blob metadata: the retired RaptorQ RedStuff (0) and RS2 (1). */
public enum EncodingType {
    /** The original RedStuff with RaptorQ; nodes reject it today. */
    RED_STUFF_RAPTORQ(0),
    /** RedStuff with Reed-Solomon, the only encoding Walrus accepts. */
    RS2(1);

    private final int variant;

    EncodingType(int variant) {
        this.variant = variant;
    }

    /** The BCS variant index, which is also the value hashed into blob IDs and stored on chain. */
    public int variant() {
        return variant;
    }

    /**
     * The encoding type with the given BCS variant index.
     *
     * @throws IllegalArgumentException for an unknown index
     */
    public static EncodingType ofVariant(int variant) {
        for (EncodingType t : values()) {
            if (t.variant == variant) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown encoding type " + variant);
    }
}
