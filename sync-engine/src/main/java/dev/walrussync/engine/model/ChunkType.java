package dev.walrussync.engine.model;

/** What a chunk holds; the byte is part of the pack header and of the chunk's associated data. */
public enum ChunkType {
    DATA(0),
    TREE(1),
    SNAPSHOT(2),
    TOMBSTONE(3),
    /** A copy of the headers of the packs written in one run, so a rebuild need not read them. */
    INDEX(4);

    private final int code;

    ChunkType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChunkType fromCode(int code) {
        for (ChunkType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown chunk type " + code);
    }
}
