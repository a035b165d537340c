package dev.walrussync.engine.crypto;

/**
 * Cost parameters of Argon2id for a passphrase key slot; they are stored in the slot so that new
 * slots can use higher costs without breaking old ones.
 *
 * <p>The upper bounds keep a damaged or hostile key blob from demanding unbounded memory or time.
 *
 * @param memoryKiB memory in KiB, at least {@code 8 * parallelism} and at most 4 GiB
 * @param iterations passes over the memory, 1 to 100
 * @param parallelism lanes, 1 to 64
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    /**
     * The defaults for new passphrase slots: 46 MiB, 1 iteration, parallelism 1, the first of the
     * equally strong configurations the OWASP Password Storage Cheat Sheet recommends for Argon2id.
     * It costs about a quarter of a second in Bouncy Castle's pure-Java Argon2 on one core, which
     * every command pays once; see docs/decisions/0003-cryptography.md.
     */
    public static final Argon2Params DEFAULT = new Argon2Params(47104, 1, 1);

    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 64;

    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2 parallelism must be 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "Argon2 iterations must be 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB
                    + " KiB (at least 8 KiB per lane), got " + memoryKiB);
        }
    }
}
