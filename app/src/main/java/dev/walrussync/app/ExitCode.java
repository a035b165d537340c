package dev.walrussync.app;

/** Process exit codes, as restic uses them. */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command failed: a wrong passphrase, a missing repository, damaged data. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The command finished, but some files could not be read or written; the report names them. */
    public static final int PARTIAL = 3;

    private ExitCode() {}
}
