package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tests signing, verification and key import and export with {@link Ed25519Keypair}. */
class Ed25519KeypairTest {
    private static final byte[] TX = SuiTxVectors.txBytes("extend_blob");

    @Test
    void freshKeySignsAndVerifiesToItsOwnAddress() throws Exception {
        Ed25519Keypair key = Ed25519Keypair.generate(new SecureRandom());

        String signature = key.serializedSignature(TX);

        assertThat(Base64.getDecoder().decode(signature)).hasSize(97).startsWith(0);
        assertThat(Ed25519Keypair.verify(signature, TX)).isEqualTo(key.address());
    }

    @Test
    void suiPrivateKeyExportImportsToTheSameKey() {
        Ed25519Keypair key = Ed25519Keypair.generate(new SecureRandom());

        Ed25519Keypair imported = Ed25519Keypair.fromSuiPrivateKey(key.toSuiPrivateKey());

        assertThat(imported.address()).isEqualTo(key.address());
        assertThat(imported.publicKey()).isEqualTo(key.publicKey());
        assertThat(key.toString()).contains(key.address().toString()).doesNotContain("suiprivkey");
    }

    @Test
    void signingIsDeterministic() {
        Ed25519Keypair key = Ed25519Keypair.fromSeed(SuiTxVectors.SEED);

        assertThat(key.sign(TX)).isEqualTo(key.sign(TX)).hasSize(64);
    }

    @Test
    void signatureUnderAnotherIntentDoesNotVerifyAsATransaction() {
        Ed25519Keypair key = Ed25519Keypair.fromSeed(SuiTxVectors.SEED);
        String personal = Ed25519Keypair.serialize(key.signWithIntent(Intent.PERSONAL_MESSAGE, TX), key.publicKey());

        assertThatThrownBy(() -> Ed25519Keypair.verify(personal, TX)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void verifyRejectsMalformedSerializedSignatures() {
        String valid = SuiTxVectors.vector("extend_blob")
                .get("serializedSignatureBase64")
                .asText();
        byte[] raw = Base64.getDecoder().decode(valid);

        assertThatThrownBy(() -> Ed25519Keypair.verify("not base64!", TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("not valid Base64");
        assertThatThrownBy(() -> Ed25519Keypair.verify("", TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("empty");
        String shortSig = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 96));
        assertThatThrownBy(() -> Ed25519Keypair.verify(shortSig, TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("97 bytes, got 96");
        byte[] secp = raw.clone();
        secp[0] = 0x01;
        String secpSig = Base64.getEncoder().encodeToString(secp);
        assertThatThrownBy(() -> Ed25519Keypair.verify(secpSig, TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("unsupported signature scheme SECP256K1");
        byte[] unknown = raw.clone();
        unknown[0] = 0x7f;
        String unknownSig = Base64.getEncoder().encodeToString(unknown);
        assertThatThrownBy(() -> Ed25519Keypair.verify(unknownSig, TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("unknown flag 0x7f");
    }

    @Test
    void verifyRejectsAValidSignatureWithAnotherPublicKey() {
        byte[] raw = Base64.getDecoder()
                .decode(SuiTxVectors.vector("extend_blob")
                        .get("serializedSignatureBase64")
                        .asText());
        byte[] otherKey = Ed25519Keypair.generate(new SecureRandom()).publicKey();
        System.arraycopy(otherKey, 0, raw, 65, 32);
        String swapped = Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> Ed25519Keypair.verify(swapped, TX))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void seedMustBeThirtyTwoBytes() {
        assertThatThrownBy(() -> Ed25519Keypair.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intentMessageIsTheThreeIntentBytesThenTheValue() {
        assertThat(Intent.TRANSACTION_DATA.toBytes()).containsExactly(0, 0, 0);
        assertThat(Intent.PERSONAL_MESSAGE.toBytes()).containsExactly(3, 0, 0);
        assertThat(Intent.TRANSACTION_DATA.message(new byte[] {9})).containsExactly(0, 0, 0, 9);
    }
}
