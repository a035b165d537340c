package dev.walrussync.walrus.encoding;

import java.io.ByteArrayOutputStream;

/** Minimal BCS (Binary Canonical Serialization) writer and reader for the encoding types. */
final class Bcs {
    private Bcs() {}

    /** Appends BCS values to a growing buffer. */
    static final class Writer {
        private final ByteArrayOutputStream out;

        Writer(int expectedSize) {
            out = new ByteArrayOutputStream(expectedSize);
        }

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u16(int v) {
            out.write(v);
            out.write(v >>> 8);
            return this;
        }

        Writer u64(long v) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Writer uleb128(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        }

        Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Writer bytes(byte[] b, int off, int len) {
            out.write(b, off, len);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads BCS values from a byte array, failing with IllegalArgumentException on malformed input. */
    static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in) {
            this.in = in;
        }

        private void need(int n) {
            if (n < 0 || in.length - pos < n) {
                throw new IllegalArgumentException("truncated BCS input at offset " + pos);
            }
        }

        int u8() {
            need(1);
            return in[pos++] & 0xFF;
        }

        int u16() {
            need(2);
            int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        long u64() {
            need(8);
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (in[pos + i] & 0xFF);
            }
            pos += 8;
            return v;
        }

        int uleb128AsInt() {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (v > Integer.MAX_VALUE || (b == 0 && shift > 0)) {
                        break;
                    }
                    return (int) v;
                }
            }
            throw new IllegalArgumentException("non-canonical or out-of-range BCS length at offset " + pos);
        }

        byte[] bytes(int n) {
            need(n);
            byte[] b = new byte[n];
            System.arraycopy(in, pos, b, 0, n);
            pos += n;
            return b;
        }

        void end() {
            if (pos != in.length) {
                throw new IllegalArgumentException((in.length - pos) + " trailing bytes after BCS value");
            }
        }
    }
}
