package dev.walrussync.engine.crypto;

import dev.walrussync.engine.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Wraps the master key into key slots and unwraps it again, with a passphrase (Argon2id) or a
 * recovery phrase (HKDF). Every key-encryption key is wiped after use.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 3.2</a>
 */
public final class KeySlots {
    /** HKDF info for the key-encryption key of a recovery-phrase slot. */
    static final String RECOVERY_PHRASE_INFO = "walrus-sync recovery phrase";
    /** Prefix of the AEAD associated data; the slot ID follows. */
    static final String ASSOCIATED_DATA_PREFIX = "walrus-sync key slot v1 ";
    /** The purpose of the master key's subkey {@code K_phrase}, which seals recovery phrases. */
    static final String SEALED_PHRASE_PURPOSE = "recovery phrase";
    /** Prefix of a sealed phrase's AEAD associated data; the slot ID follows. */
    static final String SEALED_PHRASE_PREFIX = "walrus-sync sealed phrase v1 ";

    private static final int ID_BYTES = 4;

    private KeySlots() {}

    /**
     * The master key of an unlocked repository and the slot that opened it. The caller owns the master
     * key and must destroy it when done.
     */
    public record Unlocked(MasterKey masterKey, String slotId) {
        public Unlocked {
            Objects.requireNonNull(masterKey, "masterKey");
            Objects.requireNonNull(slotId, "slotId");
        }
    }

    /**
     * Wraps {@code masterKey} under a key derived from {@code passphrase} with Argon2id. The
     * passphrase array is neither kept nor modified.
     *
     * @throws IllegalArgumentException when the passphrase is empty or is not valid text
     */
    public static KeySlot wrapWithPassphrase(
            MasterKey masterKey, char[] passphrase, Argon2Params params, SecureRandom random, Clock clock) {
        Objects.requireNonNull(params, "params");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        String id = newId(random);
        byte[] salt = newSalt(random);
        Instant created = now(clock);
        byte[] kek = Argon2id.derive(passphrase, salt, params);
        try {
            return KeySlot.passphrase(id, created, salt, params, wrap(kek, masterKey, id, random));
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * Wraps {@code masterKey} under a key derived from the recovery phrase's entropy with HKDF, and seals
     * the entropy under the master key's subkey {@code K_phrase}, so that whoever unlocks the repository
     * can be shown the phrase again ({@link #openSealedPhrase}).
     */
    public static KeySlot wrapWithRecoveryPhrase(
            MasterKey masterKey, RecoveryPhrase phrase, SecureRandom random, Clock clock) {
        String id = newId(random);
        byte[] salt = newSalt(random);
        Instant created = now(clock);
        byte[] kek = recoveryKek(phrase, salt);
        byte[] phraseKey = masterKey.deriveSubkey(SEALED_PHRASE_PURPOSE);
        byte[] entropy = phrase.entropyCopy();
        try {
            byte[] wrapped = wrap(kek, masterKey, id, random);
            byte[] sealed = new Aead(phraseKey, random).encrypt(entropy, sealedPhraseAssociatedData(id));
            return KeySlot.recoveryPhrase(id, created, salt, wrapped, sealed);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(phraseKey, (byte) 0);
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /**
     * Opens the recovery phrase sealed in {@code slot} with the master key, and checks that the phrase
     * really opens the slot. The caller owns the phrase and must destroy it.
     *
     * @throws IllegalArgumentException when the slot has no sealed phrase (a passphrase slot, or a
     *     recovery-phrase slot written before sealed phrases existed)
     * @throws AuthenticationFailedException when the sealed phrase does not open under this master
     *     key, or the phrase it holds does not unwrap this master key from the slot
     */
    public static RecoveryPhrase openSealedPhrase(MasterKey masterKey, KeySlot slot)
            throws AuthenticationFailedException {
        byte[] sealed = slot.sealedPhrase()
                .orElseThrow(() -> new IllegalArgumentException("key slot " + slot.id() + " has no sealed phrase"));
        byte[] phraseKey = masterKey.deriveSubkey(SEALED_PHRASE_PURPOSE);
        byte[] entropy;
        try {
            entropy = new Aead(phraseKey, null).decrypt(sealed, sealedPhraseAssociatedData(slot.id()));
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException(
                    "the sealed recovery phrase of key slot " + slot.id() + " does not open with this master key", e);
        } finally {
            Arrays.fill(phraseKey, (byte) 0);
        }
        RecoveryPhrase phrase;
        try {
            phrase = RecoveryPhrase.ofEntropy(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
        // Show nothing that would not unlock: the phrase must unwrap this very master key from the slot.
        byte[] kek = recoveryKek(phrase, slot.salt());
        boolean opens;
        try (MasterKey unwrapped = tryUnwrap(kek, slot)) {
            opens = unwrapped != null && sameKey(unwrapped, masterKey);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
        if (!opens) {
            phrase.destroy();
            throw new AuthenticationFailedException(
                    "the sealed recovery phrase of key slot " + slot.id() + " does not open that slot");
        }
        return phrase;
    }

    private static boolean sameKey(MasterKey a, MasterKey b) {
        byte[] x = a.rawCopy();
        byte[] y = b.rawCopy();
        try {
            return java.security.MessageDigest.isEqual(x, y);
        } finally {
            Arrays.fill(x, (byte) 0);
            Arrays.fill(y, (byte) 0);
        }
    }

    /**
     * Tries {@code passphrase} on every passphrase slot, in file order, and returns the first master key
     * it unwraps.
     *
     * @throws AuthenticationFailedException when it opens none of them, or there are none
     */
    public static Unlocked unlockWithPassphrase(KeyFile keyFile, char[] passphrase)
            throws AuthenticationFailedException {
        return unlock(
                keyFile,
                KeySlot.Kind.PASSPHRASE,
                slot -> Argon2id.derive(
                        passphrase, slot.salt(), slot.argon2Params().orElseThrow()),
                "this repository has no passphrase key slot: unlock it with the recovery phrase",
                "wrong passphrase");
    }

    /**
     * Tries {@code phrase} on every recovery-phrase slot, in file order, and returns the first master
     * key it unwraps.
     *
     * @throws AuthenticationFailedException when it opens none of them, or there are none
     */
    public static Unlocked unlockWithRecoveryPhrase(KeyFile keyFile, RecoveryPhrase phrase)
            throws AuthenticationFailedException {
        return unlock(
                keyFile,
                KeySlot.Kind.RECOVERY_PHRASE,
                slot -> recoveryKek(phrase, slot.salt()),
                "this repository has no recovery-phrase key slot: unlock it with a passphrase",
                "wrong recovery phrase");
    }

    /** Tries every slot of one kind, in file order, with the KEK each derives; wipes every KEK. */
    private static Unlocked unlock(
            KeyFile keyFile,
            KeySlot.Kind kind,
            java.util.function.Function<KeySlot, byte[]> kekFor,
            String noSlot,
            String wrong)
            throws AuthenticationFailedException {
        List<KeySlot> candidates = keyFile.slots(kind);
        if (candidates.isEmpty()) {
            throw new AuthenticationFailedException(noSlot);
        }
        for (KeySlot slot : candidates) {
            byte[] kek = kekFor.apply(slot);
            try {
                MasterKey key = tryUnwrap(kek, slot);
                if (key != null) {
                    return new Unlocked(key, slot.id());
                }
            } finally {
                Arrays.fill(kek, (byte) 0);
            }
        }
        throw new AuthenticationFailedException(wrong + ": it opens none of the " + candidates.size() + " "
                + kind.jsonName() + " key slot" + (candidates.size() == 1 ? "" : "s"));
    }

    /** The AEAD associated data of a slot: {@code "walrus-sync key slot v1 " || id} as UTF-8. */
    static byte[] associatedData(String slotId) {
        return (ASSOCIATED_DATA_PREFIX + slotId).getBytes(StandardCharsets.UTF_8);
    }

    /** The AEAD associated data of a sealed phrase: {@code "walrus-sync sealed phrase v1 " || id} as UTF-8. */
    static byte[] sealedPhraseAssociatedData(String slotId) {
        return (SEALED_PHRASE_PREFIX + slotId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] recoveryKek(RecoveryPhrase phrase, byte[] salt) {
        byte[] entropy = phrase.entropyCopy();
        try {
            return Hkdf.derive(entropy, salt, RECOVERY_PHRASE_INFO);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    private static byte[] wrap(byte[] kek, MasterKey masterKey, String id, SecureRandom random) {
        byte[] raw = masterKey.rawCopy();
        try {
            return new Aead(kek, random).encrypt(raw, associatedData(id));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Returns the unwrapped master key, or null when the tag does not verify under {@code kek}. */
    private static MasterKey tryUnwrap(byte[] kek, KeySlot slot) {
        // Decryption draws no random numbers, so Aead gets no SecureRandom here.
        Aead aead = new Aead(kek, null);
        byte[] raw;
        try {
            raw = aead.decrypt(slot.wrappedKey(), associatedData(slot.id()));
        } catch (AuthenticationFailedException e) {
            return null;
        }
        try {
            return MasterKey.of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static String newId(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return Hex.encode(id);
    }

    private static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[KeySlot.SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }

    /** The clock's time to whole seconds, as the key blob shows it. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
