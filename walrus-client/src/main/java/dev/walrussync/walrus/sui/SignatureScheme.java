package dev.walrussync.walrus.sui;

/** Sui signature schemes and their one-byte flags, used in serialized signatures, addresses and private keys. */
public enum SignatureScheme {
    ED25519(0x00),
    SECP256K1(0x01),
    SECP256R1(0x02),
    MULTISIG(0x03),
    ZKLOGIN(0x05),
    PASSKEY(0x06);

    private final byte flag;

    SignatureScheme(int flag) {
        this.flag = (byte) flag;
    }

    public byte flag() {
        return flag;
    }

    /**
     * Returns the scheme with this flag.
     *
     * @throws IllegalArgumentException for an unknown flag
     */
    public static SignatureScheme fromFlag(int flag) {
        for (SignatureScheme scheme : values()) {
            if ((scheme.flag & 0xFF) == flag) {
                return scheme;
            }
        }
        throw new IllegalArgumentException(String.format("unknown Sui signature scheme flag 0x%02x", flag));
    }
}
