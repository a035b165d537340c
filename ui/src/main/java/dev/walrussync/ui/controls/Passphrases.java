package dev.walrussync.ui.controls;

/** What the UI asks of a new passphrase, wherever one is chosen: onboarding, recovery, the Keys settings. */
public final class Passphrases {
    /** The shortest passphrase accepted. */
    public static final int MIN_LENGTH = 10;

    private Passphrases() {}

    /** What is wrong with a new passphrase typed twice, or empty if nothing is. */
    public static String problem(String pass, String again) {
        if (pass.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters; a few unusual words work well.";
        }
        if (!pass.equals(again)) {
            return "The two passphrases differ.";
        }
        return "";
    }
}
