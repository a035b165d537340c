package dev.walrussync.walrus.encoding;

/** Thrown when a blob is longer than the largest blob Walrus can encode for the given number of shards. */
public final class BlobTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long length;
    private final long maxLength;

    public BlobTooLargeException(long length, long maxLength, int nShards) {
        super("a blob of " + length + " bytes exceeds the maximum of " + maxLength + " bytes for " + nShards
                + " shards");
        this.length = length;
        this.maxLength = maxLength;
    }

    public long length() {
        return length;
    }

    public long maxLength() {
        return maxLength;
    }
}
