package dev.walrussync.engine.crypto;

import java.util.Arrays;

/**
 * Argon2id version 0x13 as RFC 9106 specifies it, in plain Java. The engine carries its own so
 * that unlocking a repository loads no signed third-party jar, whose verification and exclusion from
 * the class-data-sharing archive cost every command a quarter of a second. Tests check it against
 * the RFC's vector and Bouncy Castle's implementation.
 */
final class Argon2idFunction {
    private static final int BLOCK_WORDS = 128;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;

    private Argon2idFunction() {}

    /**
     * Computes an Argon2id tag.
     *
     * @param memoryKiB memory in KiB (blocks), at least 8 per lane
     */
    static byte[] hash(
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData,
            int memoryKiB,
            int iterations,
            int lanes,
            int tagLength) {
        Blake2b h0 = new Blake2b(64)
                .updateInt(lanes)
                .updateInt(tagLength)
                .updateInt(memoryKiB)
                .updateInt(iterations)
                .updateInt(VERSION)
                .updateInt(TYPE_ID)
                .updateInt(password.length)
                .update(password)
                .updateInt(salt.length)
                .update(salt)
                .updateInt(secret.length)
                .update(secret)
                .updateInt(associatedData.length)
                .update(associatedData);
        byte[] seed = Arrays.copyOf(h0.digest(), 72);

        int segment = memoryKiB / (SYNC_POINTS * lanes);
        int laneLength = segment * SYNC_POINTS;
        long[][] memory = new long[lanes * laneLength][];
        try {
            for (int l = 0; l < lanes; l++) {
                for (int i = 0; i < 2; i++) {
                    writeInt(seed, 64, i);
                    writeInt(seed, 68, l);
                    memory[l * laneLength + i] = toWords(variableHash(seed, 1024));
                }
            }
            long[] scratch = new long[BLOCK_WORDS];
            long[] addresses = new long[BLOCK_WORDS];
            long[] input = new long[BLOCK_WORDS];
            long[] zero = new long[BLOCK_WORDS];
            for (int pass = 0; pass < iterations; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < lanes; lane++) {
                        fillSegment(
                                memory,
                                pass,
                                slice,
                                lane,
                                lanes,
                                laneLength,
                                segment,
                                memoryKiB,
                                iterations,
                                scratch,
                                addresses,
                                input,
                                zero);
                    }
                }
            }
            long[] last = memory[laneLength - 1].clone();
            for (int l = 1; l < lanes; l++) {
                long[] b = memory[l * laneLength + laneLength - 1];
                for (int i = 0; i < BLOCK_WORDS; i++) {
                    last[i] ^= b[i];
                }
            }
            byte[] lastBytes = toBytes(last);
            byte[] tag = variableHash(lastBytes, tagLength);
            Arrays.fill(lastBytes, (byte) 0);
            Arrays.fill(last, 0);
            return tag;
        } finally {
            for (long[] block : memory) {
                if (block != null) {
                    Arrays.fill(block, 0);
                }
            }
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static void fillSegment(
            long[][] memory,
            int pass,
            int slice,
            int lane,
            int lanes,
            int laneLength,
            int segment,
            int memoryKiB,
            int iterations,
            long[] scratch,
            long[] addresses,
            long[] input,
            long[] zero) {
        boolean independent = pass == 0 && slice < 2;
        if (independent) {
            Arrays.fill(input, 0);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = (long) lanes * laneLength;
            input[4] = iterations;
            input[5] = TYPE_ID;
        }
        int start = pass == 0 && slice == 0 ? 2 : 0;
        if (independent && start != 0) {
            nextAddresses(input, addresses, zero, scratch);
        }
        int current = lane * laneLength + slice * segment + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (int index = start; index < segment; index++, current++, previous++) {
            if (current % laneLength == 1) {
                previous = current - 1;
            }
            long pseudoRandom;
            if (independent) {
                if (index % BLOCK_WORDS == 0) {
                    nextAddresses(input, addresses, zero, scratch);
                }
                pseudoRandom = addresses[index % BLOCK_WORDS];
            } else {
                pseudoRandom = memory[previous][0];
            }
            int refLane = (int) ((pseudoRandom >>> 32) % lanes);
            if (pass == 0 && slice == 0) {
                refLane = lane;
            }
            int refIndex = referenceIndex(pass, slice, index, segment, laneLength, refLane == lane, pseudoRandom);
            long[] ref = memory[refLane * laneLength + refIndex];
            long[] prev = memory[previous];
            long[] out = memory[current];
            if (out == null) {
                out = new long[BLOCK_WORDS];
                memory[current] = out;
                compress(prev, ref, out, scratch, false);
            } else {
                compress(prev, ref, out, scratch, true);
            }
        }
    }

    /** The next block of data-independent addresses: G(0, G(0, input)) with the counter incremented. */
    private static void nextAddresses(long[] input, long[] addresses, long[] zero, long[] scratch) {
        input[6]++;
        long[] tmp = new long[BLOCK_WORDS];
        compress(zero, input, tmp, scratch, false);
        compress(zero, tmp, addresses, scratch, false);
    }

    private static int referenceIndex(
            int pass, int slice, int index, int segment, int laneLength, boolean sameLane, long pseudoRandom) {
        int area;
        if (pass == 0) {
            if (slice == 0) {
                area = index - 1;
            } else if (sameLane) {
                area = slice * segment + index - 1;
            } else {
                area = slice * segment + (index == 0 ? -1 : 0);
            }
        } else if (sameLane) {
            area = laneLength - segment + index - 1;
        } else {
            area = laneLength - segment + (index == 0 ? -1 : 0);
        }
        long j1 = pseudoRandom & 0xffffffffL;
        long x = (j1 * j1) >>> 32;
        long y = (area * x) >>> 32;
        long relative = area - 1 - y;
        int startPosition = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (slice + 1) * segment;
        return (int) ((startPosition + relative) % laneLength);
    }

    /** The compression function G: {@code out (^)= P(x ^ y) ^ x ^ y}, rows then columns. */
    private static void compress(long[] x, long[] y, long[] out, long[] r, boolean xorInto) {
        for (int i = 0; i < BLOCK_WORDS; i++) {
            r[i] = x[i] ^ y[i];
        }
        long[] q = r.clone();
        for (int row = 0; row < 8; row++) {
            int b = 16 * row;
            permute(
                    q, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12, b + 13,
                    b + 14, b + 15);
        }
        for (int col = 0; col < 8; col++) {
            int b = 2 * col;
            permute(
                    q, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81, b + 96,
                    b + 97, b + 112, b + 113);
        }
        if (xorInto) {
            for (int i = 0; i < BLOCK_WORDS; i++) {
                out[i] ^= q[i] ^ r[i];
            }
        } else {
            for (int i = 0; i < BLOCK_WORDS; i++) {
                out[i] = q[i] ^ r[i];
            }
        }
    }

    private static void permute(
            long[] v,
            int v0,
            int v1,
            int v2,
            int v3,
            int v4,
            int v5,
            int v6,
            int v7,
            int v8,
            int v9,
            int v10,
            int v11,
            int v12,
            int v13,
            int v14,
            int v15) {
        gb(v, v0, v4, v8, v12);
        gb(v, v1, v5, v9, v13);
        gb(v, v2, v6, v10, v14);
        gb(v, v3, v7, v11, v15);
        gb(v, v0, v5, v10, v15);
        gb(v, v1, v6, v11, v12);
        gb(v, v2, v7, v8, v13);
        gb(v, v3, v4, v9, v14);
    }

    private static void gb(long[] v, int a, int b, int c, int d) {
        v[a] = blaMka(v[a], v[b]);
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] = blaMka(v[c], v[d]);
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] = blaMka(v[a], v[b]);
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] = blaMka(v[c], v[d]);
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }

    private static long blaMka(long x, long y) {
        return x + y + 2 * (x & 0xffffffffL) * (y & 0xffffffffL);
    }

    /** H' of RFC 9106: BLAKE2b stretched to any output length. */
    private static byte[] variableHash(byte[] input, int outLength) {
        byte[] lengthPrefix = new byte[4];
        writeInt(lengthPrefix, 0, outLength);
        if (outLength <= 64) {
            return new Blake2b(outLength).update(lengthPrefix).update(input).digest();
        }
        byte[] out = new byte[outLength];
        byte[] v = new Blake2b(64).update(lengthPrefix).update(input).digest();
        System.arraycopy(v, 0, out, 0, 32);
        int pos = 32;
        int r = (outLength + 31) / 32 - 2;
        for (int i = 2; i <= r; i++) {
            v = new Blake2b(64).update(v).digest();
            System.arraycopy(v, 0, out, pos, 32);
            pos += 32;
        }
        byte[] lastV = new Blake2b(outLength - 32 * r).update(v).digest();
        System.arraycopy(lastV, 0, out, pos, lastV.length);
        return out;
    }

    private static long[] toWords(byte[] bytes) {
        long[] words = new long[bytes.length / 8];
        for (int i = 0; i < words.length; i++) {
            words[i] = Blake2b.readLong(bytes, 8 * i);
        }
        Arrays.fill(bytes, (byte) 0);
        return words;
    }

    private static byte[] toBytes(long[] words) {
        byte[] out = new byte[words.length * 8];
        for (int i = 0; i < words.length; i++) {
            for (int k = 0; k < 8; k++) {
                out[8 * i + k] = (byte) (words[i] >>> (8 * k));
            }
        }
        return out;
    }

    private static void writeInt(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 16);
        b[off + 3] = (byte) (value >>> 24);
    }
}
