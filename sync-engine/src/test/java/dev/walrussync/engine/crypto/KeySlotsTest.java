package dev.walrussync.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests wrapping and unwrapping the master key with {@link KeySlots}. */
class KeySlotsTest {
    /** Cheap Argon2 costs so tests stay fast; one test uses {@link Argon2Params#DEFAULT}. */
    private static final Argon2Params CHEAP = new Argon2Params(1024, 1, 1);

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static byte[] goldenMasterKey() {
        byte[] m = new byte[32];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) i;
        }
        return m;
    }

    @Test
    void goldenKeyFileOpensWithItsPassphraseAndItsRecoveryPhrase() throws Exception {
        KeyFile file = KeyFileTest.golden();

        KeySlots.Unlocked byPassphrase =
                KeySlots.unlockWithPassphrase(file, KeyFileTest.GOLDEN_PASSPHRASE.toCharArray());
        assertThat(byPassphrase.slotId()).isEqualTo("a1b2c3d4");
        assertThat(byPassphrase.masterKey().rawCopy()).isEqualTo(goldenMasterKey());

        try (RecoveryPhrase phrase = RecoveryPhrase.parse(KeyFileTest.GOLDEN_PHRASE)) {
            KeySlots.Unlocked byPhrase = KeySlots.unlockWithRecoveryPhrase(file, phrase);
            assertThat(byPhrase.slotId()).isEqualTo("e5f6a7b8");
            assertThat(byPhrase.masterKey().rawCopy()).isEqualTo(goldenMasterKey());
        }
    }

    @Test
    void goldenSealedPhraseOpensToTheGoldenPhrase() throws Exception {
        KeyFile file = KeyFileTest.goldenSealed();

        try (MasterKey key = MasterKey.of(goldenMasterKey());
                RecoveryPhrase phrase =
                        KeySlots.openSealedPhrase(key, file.slot("e5f6a7b8").orElseThrow())) {
            assertThat(String.join(" ", phrase.words())).isEqualTo(KeyFileTest.GOLDEN_PHRASE);
        }
    }

    @Test
    void aNewRecoveryPhraseSlotSealsItsPhraseSoItCanBeShownAgain() throws Exception {
        try (MasterKey key = MasterKey.generate(random);
                RecoveryPhrase phrase = RecoveryPhrase.generate(random)) {
            KeySlot slot = KeySlots.wrapWithRecoveryPhrase(key, phrase, random, clock);
            KeyFile file = KeyFile.parse(KeyFile.of(new byte[32], List.of(slot)).toJson());

            assertThat(slot.sealedPhrase())
                    .hasValueSatisfying(s -> assertThat(s).hasSize(60));
            try (RecoveryPhrase again =
                    KeySlots.openSealedPhrase(key, file.slots().get(0))) {
                assertThat(again.words()).isEqualTo(phrase.words());
            }
        }
    }

    @Test
    void aSealedPhraseOpensOnlyWithItsMasterKeyAndItsSlot() throws Exception {
        try (MasterKey key = MasterKey.generate(random);
                MasterKey other = MasterKey.generate(random);
                RecoveryPhrase phrase = RecoveryPhrase.generate(random)) {
            KeySlot slot = KeySlots.wrapWithRecoveryPhrase(key, phrase, random, clock);
            KeySlot renamed = KeySlot.recoveryPhrase(
                    "00000000",
                    slot.created(),
                    slot.salt(),
                    slot.wrappedKey(),
                    slot.sealedPhrase().orElseThrow());
            byte[] tampered = slot.sealedPhrase().orElseThrow();
            tampered[20] ^= 1;
            KeySlot flipped =
                    KeySlot.recoveryPhrase(slot.id(), slot.created(), slot.salt(), slot.wrappedKey(), tampered);

            assertThatThrownBy(() -> KeySlots.openSealedPhrase(other, slot))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("does not open with this master key");
            assertThatThrownBy(() -> KeySlots.openSealedPhrase(key, renamed))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> KeySlots.openSealedPhrase(key, flipped))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void aSealedPhraseThatDoesNotOpenItsOwnSlotIsNeverShown() throws Exception {
        try (MasterKey key = MasterKey.generate(random);
                RecoveryPhrase phrase = RecoveryPhrase.generate(random);
                RecoveryPhrase otherPhrase = RecoveryPhrase.generate(random)) {
            KeySlot slot = KeySlots.wrapWithRecoveryPhrase(key, phrase, random, clock);
            // Another slot's sealed phrase for the same master key, moved under this slot's ID: it decrypts, but
            // its phrase does not unwrap this slot's key.
            KeySlot other = KeySlots.wrapWithRecoveryPhrase(key, otherPhrase, random, clock);
            KeySlot mixed = KeySlot.recoveryPhrase(
                    other.id(),
                    other.created(),
                    slot.salt(),
                    slot.wrappedKey(),
                    other.sealedPhrase().orElseThrow());

            assertThatThrownBy(() -> KeySlots.openSealedPhrase(key, mixed))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("does not open that slot");
        }
    }

    @Test
    void openSealedPhraseRefusesASlotWithoutOne() throws Exception {
        try (MasterKey key = MasterKey.of(goldenMasterKey())) {
            for (KeySlot slot : KeyFileTest.golden().slots()) {
                assertThatThrownBy(() -> KeySlots.openSealedPhrase(key, slot))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("key slot " + slot.id() + " has no sealed phrase");
            }
        }
    }

    @Test
    void passphraseTypedDecomposedOpensSlotMadeWithPrecomposedAccents() throws Exception {
        try (MasterKey key = MasterKey.generate(random)) {
            // "café" with U+00E9 (as most keyboards type it) versus "cafe" + U+0301 (as macOS may store it).
            KeySlot slot = KeySlots.wrapWithPassphrase(key, "caf\u00e9".toCharArray(), CHEAP, random, clock);
            KeyFile file = KeyFile.of(new byte[32], List.of(slot));

            KeySlots.Unlocked unlocked = KeySlots.unlockWithPassphrase(file, "cafe\u0301".toCharArray());

            assertThat(unlocked.masterKey().rawCopy()).isEqualTo(key.rawCopy());
        }
    }

    @Test
    void passphraseSlotRoundTrips() throws Exception {
        try (MasterKey key = MasterKey.generate(random)) {
            KeySlot slot = KeySlots.wrapWithPassphrase(key, "hunter2 \u00fc".toCharArray(), CHEAP, random, clock);

            assertThat(slot.kind()).isEqualTo(KeySlot.Kind.PASSPHRASE);
            assertThat(slot.id()).matches("[0-9a-f]{8}");
            assertThat(slot.created()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(slot.argon2Params()).contains(CHEAP);
            assertThat(slot.salt()).hasSize(16);
            assertThat(slot.wrappedKey()).hasSize(60);

            KeyFile file = KeyFile.parse(KeyFile.of(new byte[32], List.of(slot)).toJson());
            KeySlots.Unlocked unlocked = KeySlots.unlockWithPassphrase(file, "hunter2 \u00fc".toCharArray());
            assertThat(unlocked.slotId()).isEqualTo(slot.id());
            assertThat(unlocked.masterKey().rawCopy()).isEqualTo(key.rawCopy());
        }
    }

    @Test
    void recoveryPhraseSlotRoundTrips() throws Exception {
        try (MasterKey key = MasterKey.generate(random);
                RecoveryPhrase phrase = RecoveryPhrase.generate(random)) {
            KeySlot slot = KeySlots.wrapWithRecoveryPhrase(key, phrase, random, clock);

            assertThat(slot.kind()).isEqualTo(KeySlot.Kind.RECOVERY_PHRASE);
            assertThat(slot.argon2Params()).isEmpty();

            KeyFile file = KeyFile.parse(KeyFile.of(new byte[32], List.of(slot)).toJson());
            try (RecoveryPhrase typed =
                    RecoveryPhrase.parse(String.join("  ", phrase.words()).toUpperCase())) {
                KeySlots.Unlocked unlocked = KeySlots.unlockWithRecoveryPhrase(file, typed);
                assertThat(unlocked.slotId()).isEqualTo(slot.id());
                assertThat(unlocked.masterKey().rawCopy()).isEqualTo(key.rawCopy());
            }
        }
    }

    @Test
    void defaultArgon2ParamsRoundTrip() throws Exception {
        try (MasterKey key = MasterKey.generate(random)) {
            KeySlot slot = KeySlots.wrapWithPassphrase(
                    key, "correct horse".toCharArray(), Argon2Params.DEFAULT, random, clock);
            KeyFile file = KeyFile.of(new byte[32], List.of(slot));

            assertThat(slot.argon2Params()).contains(new Argon2Params(47104, 1, 1));
            assertThat(KeySlots.unlockWithPassphrase(file, "correct horse".toCharArray())
                            .masterKey()
                            .rawCopy())
                    .isEqualTo(key.rawCopy());
        }
    }

    @Test
    void unlockTriesEveryPassphraseSlot() throws Exception {
        try (MasterKey key = MasterKey.generate(random)) {
            KeySlot alice = KeySlots.wrapWithPassphrase(key, "alice".toCharArray(), CHEAP, random, clock);
            KeySlot bob = KeySlots.wrapWithPassphrase(key, "bob".toCharArray(), CHEAP, random, clock);
            KeyFile file = KeyFile.of(new byte[32], List.of(alice, bob));

            assertThat(KeySlots.unlockWithPassphrase(file, "bob".toCharArray()).slotId())
                    .isEqualTo(bob.id());
            assertThat(KeySlots.unlockWithPassphrase(file, "alice".toCharArray())
                            .slotId())
                    .isEqualTo(alice.id());
        }
    }

    @Test
    void wrongPassphraseFails() throws Exception {
        KeyFile file = KeyFileTest.golden();
        try (MasterKey key = MasterKey.generate(random)) {
            KeyFile twoSlots =
                    file.withSlot(KeySlots.wrapWithPassphrase(key, "other".toCharArray(), CHEAP, random, clock));
            assertThatThrownBy(() -> KeySlots.unlockWithPassphrase(twoSlots, "correct horse".toCharArray()))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("wrong passphrase: it opens none of the 2 passphrase key slots");
        }
        assertThatThrownBy(() -> KeySlots.unlockWithPassphrase(file, "Correct horse".toCharArray()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("wrong passphrase: it opens none of the 1 passphrase key slot");
    }

    @Test
    void wrongRecoveryPhraseFails() {
        KeyFile file = KeyFileTest.golden();
        try (RecoveryPhrase wrong = RecoveryPhrase.generate(random)) {
            assertThatThrownBy(() -> KeySlots.unlockWithRecoveryPhrase(file, wrong))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("wrong recovery phrase: it opens none of the 1 recovery-phrase key slot");
        }
    }

    @Test
    void unlockWithoutSlotsOfThatKindSaysSo() throws Exception {
        KeyFile onlyPhrase = KeyFileTest.golden().withoutSlot("a1b2c3d4");
        KeyFile onlyPassphrase = KeyFileTest.golden().withoutSlot("e5f6a7b8");
        assertThatThrownBy(() -> KeySlots.unlockWithPassphrase(onlyPhrase, "x".toCharArray()))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("this repository has no passphrase key slot: unlock it with the recovery phrase");
        try (RecoveryPhrase phrase = RecoveryPhrase.parse(KeyFileTest.GOLDEN_PHRASE)) {
            assertThatThrownBy(() -> KeySlots.unlockWithRecoveryPhrase(onlyPassphrase, phrase))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("this repository has no recovery-phrase key slot: unlock it with a passphrase");
        }
    }

    @Test
    void tamperedWrappedKeyFails() {
        KeySlot original = KeyFileTest.golden().slots().get(0);
        for (int position : new int[] {0, 12, 59}) {
            byte[] tampered = original.wrappedKey();
            tampered[position] ^= 0x01;
            KeySlot slot = KeySlot.passphrase(
                    original.id(),
                    original.created(),
                    original.salt(),
                    original.argon2Params().orElseThrow(),
                    tampered);
            KeyFile file = KeyFile.of(new byte[32], List.of(slot));
            assertThatThrownBy(() -> KeySlots.unlockWithPassphrase(file, KeyFileTest.GOLDEN_PASSPHRASE.toCharArray()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void wrappedKeyIsBoundToItsSlotId() {
        KeySlot original = KeyFileTest.golden().slots().get(1);
        KeySlot renamed =
                KeySlot.recoveryPhrase("e5f6a7b9", original.created(), original.salt(), original.wrappedKey());
        KeyFile file = KeyFile.of(new byte[32], List.of(renamed));
        try (RecoveryPhrase phrase = RecoveryPhrase.parse(KeyFileTest.GOLDEN_PHRASE)) {
            assertThatThrownBy(() -> KeySlots.unlockWithRecoveryPhrase(file, phrase))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void wrapWithPassphraseRefusesAnEmptyPassphrase() {
        try (MasterKey key = MasterKey.generate(random)) {
            assertThatThrownBy(() -> KeySlots.wrapWithPassphrase(key, new char[0], CHEAP, random, clock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the passphrase is empty");
        }
    }
}
