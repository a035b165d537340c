package dev.walrussync.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming the address of a wallet key before using it, and what replacing the wallet does off Walrus. */
class WalletKeyTest {
    /** Private key bytes 0x00..0x1f with the Ed25519 flag (walrus-client's Bech32Test vector). */
    static final String KEY = "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn7";

    @TempDir
    Path tmp;

    @Test
    void aKeysAddressIsTheAddressItsKeyPairSignsFor() throws Exception {
        String address = Ed25519Keypair.fromSuiPrivateKey(KEY).address().toString();

        assertThat(Repositories.walletAddressOf(KEY))
                .isEqualTo(address)
                .startsWith("0x")
                .hasSize(66);
        assertThat(Repositories.walletAddressOf("  " + KEY + "\n")).isEqualTo(address);
    }

    @Test
    void somethingElseIsRefusedWithTheKeysFormatNamed() {
        for (String text : new String[] {"", "0x1234", KEY.substring(0, KEY.length() - 1) + "8", "suiprivkey1"}) {
            assertThatThrownBy(() -> Repositories.walletAddressOf(text))
                    .as(text)
                    .isInstanceOf(SyncException.class)
                    .hasMessageStartingWith("not a Sui Ed25519 private key (suiprivkey1…)");
        }
    }

    @Test
    void aRepositoryInAFolderRefusesANewWalletAndAMalformedKeyIsRefusedFirst() throws Exception {
        TestRepo repo = TestRepositories.init(tmp.resolve("repo"));
        try (RepositorySession session = repo.open()) {
            assertThatThrownBy(() -> session.replaceWallet("suiprivkey1nonsense"))
                    .isInstanceOf(SyncException.class)
                    .hasMessageStartingWith("not a Sui Ed25519 private key");
            assertThatThrownBy(() -> session.replaceWallet(KEY))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("not on Walrus");
            assertThat(session.home().resolve("wallet.json")).doesNotExist();
        }
    }
}
