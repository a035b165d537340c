package dev.walrussync.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests the JSON form of {@link KeyFile}: golden input, exact output shape, slot edits and parse errors. */
class KeyFileTest {
    /**
     * A key blob built independently of this code, with Node.js crypto (AES-256-GCM, HKDF) and
     * hash-wasm's Argon2id. Slot a1b2c3d4 opens with {@link #GOLDEN_PASSPHRASE}, slot e5f6a7b8 with the
     * recovery phrase of entropy 0x80 repeated ({@link #GOLDEN_PHRASE}); both wrap the master key
     * 00 01 02 … 1f.
     */
    static final String GOLDEN = """
            {
              "format": "walrus-sync-keys",
              "version": 1,
              "repositoryId": "030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc",
              "slots": [
                {
                  "id": "a1b2c3d4",
                  "kind": "passphrase",
                  "created": "2026-11-22T10:00:00Z",
                  "kdf": {
                    "name": "argon2id",
                    "salt": "ABEiM0RVZneImaq7zN3u/w==",
                    "memoryKiB": 1024,
                    "iterations": 1,
                    "parallelism": 1
                  },
                  "wrappedKey": "AQIDBAUGBwgJCgsMexrkxCO9eq+m4KSiONldTOI+KMCUke59EKY/n2fbql+nFnERr5JDX/twDiObpJTQ"
                },
                {
                  "id": "e5f6a7b8",
                  "kind": "recovery-phrase",
                  "created": "2026-11-22T10:05:00Z",
                  "kdf": {
                    "name": "hkdf-sha256",
                    "salt": "8OHSw7Sllod4aVpLPC0eDw=="
                  },
                  "wrappedKey": "oKGio6SlpqeoqaqrAuFXOj4FajOi7vKKpNlQcippFnmUJHS1OjLdwlIrNb4l2anKxHmWVJjLoc/b+xF5"
                }
              ]
            }
            """;

    static final String GOLDEN_PASSPHRASE = "Correct horse \u00e9t\u00e9 \u2713 staple";
    static final String GOLDEN_PHRASE = "letter advice cage absurd amount doctor acoustic avoid letter advice cage"
            + " absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless";

    /** {@link #GOLDEN} as {@link KeyFile#toJson()} writes it: compact, fields in the order of the spec. */
    private static final String GOLDEN_COMPACT = "{\"format\":\"walrus-sync-keys\",\"version\":1,"
            + "\"repositoryId\":\"030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc\",\"slots\":["
            + "{\"id\":\"a1b2c3d4\",\"kind\":\"passphrase\",\"created\":\"2026-11-22T10:00:00Z\","
            + "\"kdf\":{\"name\":\"argon2id\",\"salt\":\"ABEiM0RVZneImaq7zN3u/w==\",\"memoryKiB\":1024,"
            + "\"iterations\":1,\"parallelism\":1},"
            + "\"wrappedKey\":\"AQIDBAUGBwgJCgsMexrkxCO9eq+m4KSiONldTOI+KMCUke59EKY/n2fbql+nFnERr5JDX/twDiObpJTQ\"},"
            + "{\"id\":\"e5f6a7b8\",\"kind\":\"recovery-phrase\",\"created\":\"2026-11-22T10:05:00Z\","
            + "\"kdf\":{\"name\":\"hkdf-sha256\",\"salt\":\"8OHSw7Sllod4aVpLPC0eDw==\"},"
            + "\"wrappedKey\":\"oKGio6SlpqeoqaqrAuFXOj4FajOi7vKKpNlQcippFnmUJHS1OjLdwlIrNb4l2anKxHmWVJjLoc/b+xF5\"}]}";

    /**
     * The golden key blob's recovery-phrase slot with {@code "sealedPhrase"} added: the entropy of {@link
     * #GOLDEN_PHRASE} sealed under {@code K_phrase = HKDF(M, "walrus-sync", "v1 recovery phrase")} of the
     * golden master key, nonce b0 b1 … bb, associated data {@code "walrus-sync sealed phrase v1 e5f6a7b8"};
     * computed independently of this code with Python's hmac and pyca/cryptography's AESGCM.
     */
    static final String GOLDEN_SEALED_PHRASE =
            "sLGys7S1tre4ubq7+D0i7M3athVe9OlC8yKgQrF7iR7ArFx7k3LJF1Qyygsb1KexSNgcuD1tPAHWNhIh";

    /** {@link #GOLDEN_COMPACT} with {@link #GOLDEN_SEALED_PHRASE} in the recovery-phrase slot, after its wrapped key. */
    static final String GOLDEN_COMPACT_SEALED = GOLDEN_COMPACT.replace(
            "xHmWVJjLoc/b+xF5\"}]}", "xHmWVJjLoc/b+xF5\",\"sealedPhrase\":\"" + GOLDEN_SEALED_PHRASE + "\"}]}");

    static KeyFile goldenSealed() {
        return KeyFile.parse(GOLDEN_COMPACT_SEALED.getBytes(StandardCharsets.UTF_8));
    }

    static KeyFile golden() {
        return KeyFile.parse(GOLDEN.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesGoldenKeyFile() {
        KeyFile file = golden();

        assertThat(file.repositoryIdHex())
                .isEqualTo("030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc");
        assertThat(file.slots()).extracting(KeySlot::id).containsExactly("a1b2c3d4", "e5f6a7b8");

        KeySlot passphrase = file.slots().get(0);
        assertThat(passphrase.kind()).isEqualTo(KeySlot.Kind.PASSPHRASE);
        assertThat(passphrase.created()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(passphrase.kdfName()).isEqualTo("argon2id");
        assertThat(Hex.encode(passphrase.salt())).isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(passphrase.argon2Params()).contains(new Argon2Params(1024, 1, 1));
        assertThat(passphrase.wrappedKey()).hasSize(60);
        assertThat(Hex.encode(passphrase.wrappedKey())).startsWith("0102030405060708090a0b0c");

        KeySlot phrase = file.slots().get(1);
        assertThat(phrase.kind()).isEqualTo(KeySlot.Kind.RECOVERY_PHRASE);
        assertThat(phrase.created()).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(phrase.kdfName()).isEqualTo("hkdf-sha256");
        assertThat(Hex.encode(phrase.salt())).isEqualTo("f0e1d2c3b4a5968778695a4b3c2d1e0f");
        assertThat(phrase.argon2Params()).isEmpty();
    }

    @Test
    void toJsonWritesTheSpecShapeInFieldOrder() {
        KeyFile file = golden();
        assertThat(new String(file.toJson(), StandardCharsets.UTF_8)).isEqualTo(GOLDEN_COMPACT);
    }

    @Test
    void aKeyBlobWithoutSealedPhrasesStillParsesAndHasNone() {
        assertThat(golden().slots())
                .allSatisfy(slot -> assertThat(slot.sealedPhrase()).isEmpty());
    }

    @Test
    void theSealedPhraseIsReadAndWrittenAfterTheWrappedKey() {
        KeyFile file = goldenSealed();

        assertThat(file.slot("e5f6a7b8").orElseThrow().sealedPhrase())
                .hasValueSatisfying(bytes ->
                        assertThat(Base64.getEncoder().encodeToString(bytes)).isEqualTo(GOLDEN_SEALED_PHRASE));
        assertThat(file.slot("a1b2c3d4").orElseThrow().sealedPhrase()).isEmpty();
        assertThat(new String(file.toJson(), StandardCharsets.UTF_8)).isEqualTo(GOLDEN_COMPACT_SEALED);
        assertThat(KeyFile.parse(file.toJson())).isEqualTo(file).isNotEqualTo(golden());
    }

    @Test
    void aSealedPhraseIsRefusedOnAPassphraseSlotAndWhenMalformed() {
        String onPassphrase = GOLDEN_COMPACT.replace(
                "\"wrappedKey\":\"AQID", "\"sealedPhrase\":\"" + GOLDEN_SEALED_PHRASE + "\",\"wrappedKey\":\"AQID");
        String tooShort = GOLDEN_COMPACT_SEALED.replace(GOLDEN_SEALED_PHRASE, "AAAA");
        String notText = GOLDEN_COMPACT_SEALED.replace("\"" + GOLDEN_SEALED_PHRASE + "\"", "42");

        assertThatThrownBy(() -> KeyFile.parse(onPassphrase.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessage(
                        "invalid key file: slot 1 (a1b2c3d4) is a passphrase slot but has a \"sealedPhrase\" field");
        assertThatThrownBy(() -> KeyFile.parse(tooShort.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessage("invalid key file: \"sealedPhrase\" of slot 2 (e5f6a7b8) has 3 bytes, expected 60");
        assertThatThrownBy(() -> KeyFile.parse(notText.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessage("invalid key file: \"sealedPhrase\" of slot 2 (e5f6a7b8) must be a string, got 42");
    }

    @Test
    void toJsonRoundTripsThroughParse() {
        KeyFile file = golden();
        assertThat(KeyFile.parse(file.toJson())).isEqualTo(file);
    }

    @Test
    void withSlotAppendsAndWithoutSlotRemoves() {
        KeyFile file = golden();
        KeySlot extra =
                KeySlot.recoveryPhrase("0000abcd", Instant.parse("2026-11-23T00:00:00Z"), new byte[16], new byte[60]);

        KeyFile more = file.withSlot(extra);
        assertThat(more.slots()).extracting(KeySlot::id).containsExactly("a1b2c3d4", "e5f6a7b8", "0000abcd");
        assertThat(file.slots()).hasSize(2);

        KeyFile less = more.withoutSlot("a1b2c3d4");
        assertThat(less.slots()).extracting(KeySlot::id).containsExactly("e5f6a7b8", "0000abcd");
        assertThat(less.repositoryId()).isEqualTo(file.repositoryId());
    }

    @Test
    void withSlotRefusesADuplicateId() {
        KeyFile file = golden();
        assertThatThrownBy(() -> file.withSlot(file.slots().get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key slot ID a1b2c3d4 is already in use in this key file");
    }

    @Test
    void withoutSlotRefusesToRemoveTheLastSlot() {
        KeyFile one = golden().withoutSlot("e5f6a7b8");
        assertThat(one.slots()).hasSize(1);
        assertThatThrownBy(() -> one.withoutSlot("a1b2c3d4"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot remove key slot a1b2c3d4: it is the only key slot, and a repository must always"
                        + " keep at least one; add another passphrase or recovery phrase first");
    }

    @Test
    void withoutSlotRejectsAnUnknownId() {
        assertThatThrownBy(() -> golden().withoutSlot("99999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no key slot with ID 99999999");
    }

    @Test
    void ofRequiresAtLeastOneSlotAndA32ByteId() {
        assertThatThrownBy(() -> KeyFile.of(new byte[32], List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a key file must have at least one key slot");
        assertThatThrownBy(() -> KeyFile.of(new byte[31], golden().slots()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a repository ID has 32 bytes, got 31");
    }

    @Test
    void looksLikeKeyFileRecognisesOnlyTheFormatMarkerNearTheStart() {
        assertThat(KeyFile.looksLikeKeyFile(golden().toJson())).isTrue();
        assertThat(KeyFile.looksLikeKeyFile(GOLDEN.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(KeyFile.looksLikeKeyFile("{\"format\":\"walrus-sync-keys\"".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(KeyFile.looksLikeKeyFile(new byte[0])).isFalse();
        assertThat(KeyFile.looksLikeKeyFile("{\"format\":\"walrus-sync-key".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(KeyFile.looksLikeKeyFile(" {\"format\":\"walrus-sync-keys\"".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(KeyFile.looksLikeKeyFile(
                        ("{" + " ".repeat(50) + "\"walrus-sync-keys\"").getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(KeyFile.looksLikeKeyFile(new byte[] {'W', 'S', 'P', 'K', 1, 0}))
                .isFalse();
    }

    @Test
    void parseRejectsInputThatIsNotJson() {
        assertThatThrownBy(() -> KeyFile.parse("WSPK\u0001 not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Walrus Sync key file: not valid JSON (");
        assertThatThrownBy(() -> KeyFile.parse(new byte[0]))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessageStartingWith("not a Walrus Sync key file:");
        assertThatThrownBy(() -> KeyFile.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessage("not a Walrus Sync key file: not a JSON object");
        assertThatThrownBy(() -> KeyFile.parse((GOLDEN + " {}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessageStartingWith("not a Walrus Sync key file: not valid JSON (");
    }

    /** Each row replaces one piece of the compact golden JSON and names the expected message. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"format\":\"walrus-sync-keys\",|[{\"format\":\"walrus-sync-keys\",|not a Walrus Sync key file: not valid JSON",
                "\"format\":\"walrus-sync-keys\"|\"format\":\"something-else\""
                        + "|not a Walrus Sync key file: \"format\" is \"something-else\", expected \"walrus-sync-keys\"",
                "\"format\":\"walrus-sync-keys\",|\"formats\":\"walrus-sync-keys\","
                        + "|not a Walrus Sync key file: it has no \"format\" field",
                "\"version\":1|\"version\":2|unsupported key file version 2: this version of Walrus Sync reads only"
                        + " version 1; a newer Walrus Sync may be needed",
                "\"version\":1|\"version\":\"1\"|invalid key file: \"version\" of the key file must be an integer, got \"1\"",
                "\"version\":1|\"version\":1.5|invalid key file: \"version\" of the key file must be an integer, got 1.5",
                "\"version\":1,|\"version\":1,\"extra\":true,"
                        + "|invalid key file: the key file has an unexpected field \"extra\"",
                "\"version\":1,|\"version\":1,\"version\":1,|not a Walrus Sync key file: not valid JSON (Duplicate field 'version')",
                "030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc|030a11"
                        + "|invalid key file: \"repositoryId\" of the key file has 6 characters, expected 64 hex characters",
                "030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc"
                        + "|zz0a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dc"
                        + "|invalid key file: \"repositoryId\" of the key file is not hexadecimal",
                "\"ABEiM0RVZneImaq7zN3u/w==\"|\"ABEiM0RVZneI*aq7zN3u/w==\""
                        + "|invalid key file: \"salt\" of the kdf of slot 1 (a1b2c3d4) is not valid base64",
                "\"ABEiM0RVZneImaq7zN3u/w==\"|\"ABEiM0RVZneImaq7zN3u\""
                        + "|invalid key file: \"salt\" of the kdf of slot 1 (a1b2c3d4) has 15 bytes, expected 16",
                "\"wrappedKey\":\"oKGio6Sl|\"wrappedKey\":\"AAAAoKGio6Sl"
                        + "|invalid key file: \"wrappedKey\" of slot 2 (e5f6a7b8) has 63 bytes, expected 60",
                "\"id\":\"e5f6a7b8\"|\"id\":\"a1b2c3d4\"|invalid key file: slot ID a1b2c3d4 appears twice",
                "\"id\":\"e5f6a7b8\"|\"id\":\"E5F6A7B8\""
                        + "|invalid key file: \"id\" of slot 2 is not 8 lower-case hex characters: 'E5F6A7B8'",
                "\"kind\":\"recovery-phrase\"|\"kind\":\"yubikey\"|invalid key file: \"kind\" of slot 2 (e5f6a7b8) is"
                        + " \"yubikey\", expected \"passphrase\" or \"recovery-phrase\"",
                "\"name\":\"hkdf-sha256\"|\"name\":\"argon2id\"|invalid key file: the kdf of slot 2 (e5f6a7b8) is"
                        + " \"argon2id\", but a recovery-phrase slot uses \"hkdf-sha256\"",
                "\"memoryKiB\":1024,|| invalid key file: the kdf of slot 1 (a1b2c3d4) has no \"memoryKiB\" field",
                "\"memoryKiB\":1024|\"memoryKiB\":99999999|invalid key file: slot 1 (a1b2c3d4): Argon2 memory must be"
                        + " 8 to 4194304 KiB (at least 8 KiB per lane), got 99999999",
                "\"memoryKiB\":1024|\"memoryKiB\":1e3|invalid key file: \"memoryKiB\" of the kdf of slot 1 (a1b2c3d4)"
                        + " must be an integer, got 1000.0",
                "\"salt\":\"8OHSw7Sllod4aVpLPC0eDw==\"}|\"salt\":\"8OHSw7Sllod4aVpLPC0eDw==\",\"iterations\":1}"
                        + "|invalid key file: the kdf of slot 2 (e5f6a7b8) has an unexpected field \"iterations\"",
                "\"created\":\"2026-11-22T10:05:00Z\"|\"created\":\"yesterday\"|invalid key file: \"created\" of slot 2"
                        + " (e5f6a7b8) is not a UTC timestamp such as 2026-11-22T10:00:00Z: 'yesterday'",
                "\"kdf\":{\"name\":\"hkdf-sha256\"|\"kdf\":[],\"x\":{\"name\":\"hkdf-sha256\""
                        + "|invalid key file: slot 2 (e5f6a7b8) has an unexpected field \"x\"",
            })
    void parseNamesWhatIsMalformed(String original, String replacement, String message) {
        assertThat(GOLDEN_COMPACT).contains(original);
        String broken = GOLDEN_COMPACT.replace(original, replacement == null ? "" : replacement);
        assertThatThrownBy(() -> KeyFile.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessageStartingWith(message.strip());
    }

    @Test
    void parseRejectsAnEmptySlotList() {
        String noSlots = GOLDEN_COMPACT.substring(0, GOLDEN_COMPACT.indexOf("\"slots\":[") + 9) + "]}";
        assertThatThrownBy(() -> KeyFile.parse(noSlots.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessage("invalid key file: it has no key slots");
    }

    @Test
    void slotFactoriesCopyTheirArrays() {
        byte[] salt = new byte[16];
        byte[] wrapped = Base64.getDecoder()
                .decode("oKGio6SlpqeoqaqrAuFXOj4FajOi7vKKpNlQcippFnmUJHS1OjLdwlIrNb4l2anKxHmWVJjLoc/b+xF5");
        KeySlot slot = KeySlot.recoveryPhrase("e5f6a7b8", Instant.EPOCH, salt, wrapped);
        salt[0] = 1;
        wrapped[0] = 0;
        slot.salt()[1] = 1;
        assertThat(slot.salt()).isEqualTo(new byte[16]);
        assertThat(slot.wrappedKey()[0]).isEqualTo((byte) 0xa0);
    }
}
