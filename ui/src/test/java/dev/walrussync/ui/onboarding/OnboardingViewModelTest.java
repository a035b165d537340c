package dev.walrussync.ui.onboarding;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Step;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnboardingViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    OnboardingViewModel vm;

    @BeforeEach
    void setUp() {
        gateway = new TestGateway(dir);
        vm = new OnboardingViewModel(gateway, DIRECT, DIRECT, new Random(7));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private void createWith(Network network) {
        vm.startCreate();
        vm.networkProperty().set(network);
        vm.networkChosen();
        vm.passphraseProperty().set("a long enough passphrase");
        vm.passphraseAgainProperty().set("a long enough passphrase");
        vm.createRepository();
    }

    @Test
    void localNetworkIsTheDefault() {
        assertThat(vm.networkProperty().get()).isEqualTo(Network.LOCAL);
    }

    @Test
    void rejectsShortOrDifferentPassphrases() {
        vm.passphraseProperty().set("short");
        vm.passphraseAgainProperty().set("short");
        assertThat(vm.passphraseValid().get()).isFalse();
        assertThat(vm.passphraseProblemProperty().get()).contains("at least");

        vm.passphraseProperty().set("a long enough passphrase");
        vm.passphraseAgainProperty().set("a long enough passphrase!");
        assertThat(vm.passphraseProblemProperty().get()).contains("differ");

        vm.createRepository();
        assertThat(gateway.exists()).isFalse();
    }

    @Test
    void createsTheRepositoryAndShowsTheRecoveryPhraseOnce() {
        createWith(Network.TESTNET);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(gateway.exists()).isTrue();
        assertThat(gateway.network()).isEqualTo(Network.TESTNET);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RECOVERY);
        assertThat(vm.recoveryWords()).hasSize(24);
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(vm.confirmIndices()).hasSize(3).doesNotHaveDuplicates().isSorted();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void asksThreeWordsBackAndRefusesAWrongOne() {
        createWith(Network.LOCAL);
        vm.recoveryWritten();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);
        List<String> words = List.copyOf(vm.recoveryWords());

        for (int i = 0; i < 3; i++) {
            vm.confirmAnswers().get(i).set(words.get(vm.confirmIndices().get(i)));
        }
        vm.confirmAnswers().get(1).set("walrus-not-a-word");
        assertThat(vm.confirmWords()).isFalse();
        assertThat(vm.errorProperty().get())
                .contains("Word " + (vm.confirmIndices().get(1) + 1));
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CONFIRM);

        vm.confirmAnswers()
                .get(1)
                .set(" " + words.get(vm.confirmIndices().get(1)).toUpperCase() + " ");
        assertThat(vm.confirmWords()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FOLDERS);
        assertThat(vm.recoveryWords())
                .as("the phrase is forgotten once confirmed")
                .isEmpty();
    }

    @Test
    void addedFoldersAreWatchedByTheRunningService() throws Exception {
        createWith(Network.LOCAL);
        Path docs = Files.createDirectories(dir.resolve("Documents"));
        vm.addFolder(docs);
        vm.addFolder(dir.resolve("missing"));

        assertThat(vm.folders()).containsExactly(docs.toString());
        assertThat(vm.errorProperty().get()).contains("not a folder");
        assertThat(SyncSettings.load(gateway.home()).folders())
                .extracting(f -> f.path())
                .containsExactly(docs);

        vm.finish();
        assertThat(vm.finishedProperty().get()).isNotNull();
        assertThat(vm.finishedProperty().get().sync().status().folders()).hasSize(1);
    }

    @Test
    void reportsAFailedCreation() throws Exception {
        Files.createDirectories(gateway.home());
        Files.writeString(gateway.home().resolve("config.json"), "{}");
        createWith(Network.LOCAL);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PASSPHRASE);
        assertThat(vm.errorProperty().get()).startsWith("The repository could not be created");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
