package dev.walrussync.ui.onboarding;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.KeySlotInfo;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TestRepositories.TestRepo;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Credential;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Field;
import dev.walrussync.ui.onboarding.OnboardingViewModel.Step;
import dev.walrussync.ui.onboarding.RecoverySteps.State;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RecoverySource;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onboarding's restore path on real repositories: machine A backs up into a directory store; machine B (a fresh app
 * home) recovers it through the gateway, which recovers "Walrus" from A's store. Executors are direct, so each call
 * runs to its end.
 */
class RecoverViewModelTest {
    private static final String WALLET_KEY =
            Ed25519Keypair.generate(new SecureRandom()).toSuiPrivateKey();
    private static final String DAILY = "a daily passphrase for B";

    @TempDir
    Path dir;

    TestRepo machineA;
    String phrase;
    TestGateway gateway;
    OnboardingViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        machineA = TestRepositories.init(dir.resolve("a"));
        Path documents = Files.createDirectories(dir.resolve("Documents"));
        Files.writeString(documents.resolve("notes.txt"), "hello from machine A");
        try (RepositorySession session = machineA.open()) {
            TestRepositories.backup(session, documents);
        }
        phrase = String.join(" ", machineA.created().recoveryWords());
        gateway = new TestGateway(dir.resolve("b").resolve("home"), machineA.store());
        vm = new OnboardingViewModel(gateway, DIRECT, DIRECT, new Random(7));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private void toKeys(Network network) {
        vm.startRestore();
        vm.networkProperty().set(network);
        vm.networkChosen();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_KEYS);
    }

    private List<String> stepTexts() {
        return vm.recoverySteps().stream().map(RecoverySteps.Step::text).toList();
    }

    @Test
    void theWelcomePageOffersBothPathsAndTheNetworkPageIsShared() {
        vm.startRestore();
        assertThat(vm.restoringProperty().get()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NETWORK);
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.WELCOME);
        vm.startCreate();
        assertThat(vm.restoringProperty().get()).isFalse();
        vm.networkChosen();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PASSPHRASE);
        // Before anything runs, the four steps wait.
        assertThat(vm.recoverySteps()).extracting(RecoverySteps.Step::state).containsOnly(State.WAITING);
    }

    @Test
    void recoversWithThePhraseStepByStepThenAddsADailyPassphrase() throws Exception {
        toKeys(Network.TESTNET);
        vm.walletKeyProperty().set("  " + WALLET_KEY + "\n");
        // Pasted from a paper copy: new lines and double spaces between the words.
        vm.recoveryPhraseProperty().set(phrase.replaceFirst(" ", "\n").replaceFirst(" ", "  ") + "\n");
        assertThat(vm.recoveryPhraseCountProperty().get()).isEqualTo("24 words");
        List<List<State>> seen = new ArrayList<>();
        vm.recoverySteps().addListener((javafx.collections.ListChangeListener<RecoverySteps.Step>) c -> seen.add(
                vm.recoverySteps().stream().map(RecoverySteps.Step::state).toList()));

        vm.startRecovery();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_SUMMARY);
        assertThat(gateway.recoveredFrom()).isEqualTo(new RecoverySource.OnWalrus(Network.TESTNET, WALLET_KEY));
        // Every step was shown running before it was done, and in order.
        assertThat(seen)
                .contains(
                        List.of(State.RUNNING, State.WAITING, State.WAITING, State.WAITING),
                        List.of(State.DONE, State.RUNNING, State.WAITING, State.WAITING),
                        List.of(State.DONE, State.DONE, State.DONE, State.RUNNING),
                        List.of(State.DONE, State.DONE, State.DONE, State.DONE));
        assertThat(stepTexts())
                .containsExactly(
                        "Listed the blobs: " + (machineA.blobFiles().size()) + " found",
                        "Read the index records of 1 pack",
                        "No other pack headers to read",
                        "Rebuilt the index from 1 snapshot");
        assertThat(vm.recoveryProgressProperty().get()).isEqualTo(1.0);
        String id8 = machineA.created().repositoryId().substring(0, 8);
        assertThat(vm.summaryProperty().get())
                .startsWith("Backup " + id8 + " is set up on this computer, with 1 snapshot.")
                .contains("Everything it holds can be restored.");
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.unrecoverable()).isEmpty();
        assertThat(vm.walletKeyProperty().get()).as("secrets are dropped").isEmpty();
        assertThat(vm.recoveryPhraseProperty().get()).isEmpty();
        assertThat(vm.finishedProperty().get()).as("not before the passphrase").isNull();

        vm.summaryRead();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_PASSPHRASE);
        vm.passphraseProperty().set(DAILY);
        vm.passphraseAgainProperty().set(DAILY + "?");
        vm.addPassphrase();
        assertThat(vm.finishedProperty().get()).as("two different passphrases").isNull();
        vm.passphraseAgainProperty().set(DAILY);
        vm.addPassphrase();

        RunningSync running = vm.finishedProperty().get();
        assertThat(running).isNotNull();
        assertThat(vm.recoveredProperty().get()).isTrue();
        List<KeySlotInfo> slots = running.sync().callBetweenBackups(s -> s.keySlots(), Duration.ofSeconds(10));
        assertThat(slots)
                .extracting(KeySlotInfo::kind)
                .containsExactlyInAnyOrder("passphrase", "recovery-phrase", "passphrase");
        List<SnapshotInfo> snapshots =
                running.sync().callBetweenBackups(RepositorySession::snapshots, Duration.ofSeconds(10));
        assertThat(snapshots).hasSize(1);

        // The next start unlocks with the new passphrase, and so does A's old one: both belong to the repository.
        gateway.close();
        gateway.unlock(DAILY.toCharArray()).close();
        gateway.unlock(TestRepositories.PASSPHRASE.toCharArray()).close();
    }

    @Test
    void recoversFromAFolderWithAPassphraseAndOpensTheMainWindowFromTheSummary() throws Exception {
        vm.startRestore();
        vm.fromFolderProperty().set(true);
        vm.networkChosen();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.NETWORK);
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.FOLDER);
        assertThat(vm.errorProperty().get()).isEqualTo("Choose the folder that holds the backup.");
        vm.folderChosen(machineA.store());
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.networkChosen();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_KEYS);

        vm.credentialProperty().set(Credential.PASSPHRASE);
        vm.startRecovery();
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.PASSPHRASE);
        assertThat(vm.errorProperty().get()).startsWith("Enter a passphrase of the backup");

        vm.existingPassphraseProperty().set(TestRepositories.PASSPHRASE);
        vm.startRecovery();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_SUMMARY);
        assertThat(gateway.recoveredFrom()).isEqualTo(new RecoverySource.InFolder(machineA.store()));
        assertThat(vm.usedRecoveryPhraseProperty().get()).isFalse();
        assertThat(vm.existingPassphraseProperty().get()).isEmpty();

        vm.summaryRead();
        assertThat(vm.finishedProperty().get()).isNotNull();
        assertThat(vm.recoveredProperty().get()).isTrue();
    }

    @Test
    void theNumberOfWordsIsCheckedBeforeAnythingRuns() {
        toKeys(Network.MAINNET);
        vm.walletKeyProperty().set(WALLET_KEY);
        List<String> words = machineA.created().recoveryWords();

        vm.recoveryPhraseProperty().set(String.join(" ", words.subList(0, 23)));
        assertThat(vm.recoveryPhraseCountProperty().get()).isEqualTo("23 of 24 words");
        vm.startRecovery();
        assertThat(vm.errorProperty().get())
                .isEqualTo("The recovery phrase has 24 words, and 23 are typed: 1 word is missing. Check your paper"
                        + " for a line you skipped.");
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.RECOVERY_PHRASE);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_KEYS);

        vm.recoveryPhraseProperty().set(phrase + " " + words.get(3) + " " + words.get(4));
        vm.startRecovery();
        assertThat(vm.errorProperty().get())
                .startsWith("The recovery phrase has 24 words, and 26 are typed: 2 words are too many.");

        vm.recoveryPhraseProperty().set("   ");
        vm.startRecovery();
        assertThat(vm.errorProperty().get()).isEqualTo("Type the 24 words of your recovery phrase, in order.");

        assertThat(gateway.recoveredFrom()).as("the engine was not called").isNull();
        assertThat(Files.exists(gateway.home())).isFalse();
        assertThat(vm.walletKeyProperty().get()).isEqualTo(WALLET_KEY);
    }

    @Test
    void aMalformedWalletKeyIsRefusedAtOnce() {
        toKeys(Network.TESTNET);
        vm.recoveryPhraseProperty().set(phrase);
        vm.startRecovery();
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.WALLET_KEY);
        assertThat(vm.errorProperty().get()).startsWith("Enter the wallet key");

        vm.walletKeyProperty().set("0x1234");
        vm.startRecovery();
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.WALLET_KEY);
        assertThat(vm.errorProperty().get()).startsWith("This wallet key is not a Sui private key: ");
        assertThat(gateway.recoveredFrom()).isNull();
    }

    @Test
    void aWrongPhraseIsNamedTheInputKeptAndTheNextTryWorks() throws Exception {
        toKeys(Network.TESTNET);
        vm.walletKeyProperty().set(WALLET_KEY);
        String other = String.join(
                " ", TestRepositories.init(dir.resolve("x")).created().recoveryWords());
        vm.recoveryPhraseProperty().set(other);

        vm.startRecovery();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_KEYS);
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.RECOVERY_PHRASE);
        assertThat(vm.errorProperty().get())
                .startsWith("These 24 words do not open the backup. The recovery phrase does not open the"
                        + " repository " + machineA.created().repositoryId().substring(0, 8));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.recoveryPhraseProperty().get()).isEqualTo(other);
        assertThat(vm.walletKeyProperty().get()).isEqualTo(WALLET_KEY);
        assertThat(gateway.exists()).isFalse();

        vm.recoveryPhraseProperty().set(phrase);
        vm.startRecovery();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_SUMMARY);
    }

    @Test
    void aWordOutsideTheWordListPointsAtThePhrase() {
        toKeys(Network.TESTNET);
        vm.walletKeyProperty().set(WALLET_KEY);
        vm.recoveryPhraseProperty().set(phrase.replaceFirst("^\\S+", "walrusx"));
        vm.startRecovery();
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.RECOVERY_PHRASE);
        assertThat(vm.errorProperty().get())
                .isEqualTo("The recovery phrase is not right: Word 1, 'walrusx', is not in the BIP-39 English word"
                        + " list.");
    }

    @Test
    void aWrongPassphraseIsNamedAndKept() {
        toKeys(Network.TESTNET);
        vm.walletKeyProperty().set(WALLET_KEY);
        vm.credentialProperty().set(Credential.PASSPHRASE);
        vm.existingPassphraseProperty().set("not the passphrase");
        vm.startRecovery();
        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.PASSPHRASE);
        assertThat(vm.errorProperty().get()).startsWith("This passphrase does not open the backup. ");
        assertThat(vm.existingPassphraseProperty().get()).isEqualTo("not the passphrase");
    }

    @Test
    void aStoreWithoutABackupPointsAtTheWalletAndTheNetwork() throws Exception {
        TestRepo empty = TestRepositories.init(dir.resolve("y"));
        for (Path f : empty.blobFiles()) {
            Files.delete(f);
        }
        gateway.close();
        gateway = new TestGateway(dir.resolve("b").resolve("home"), empty.store());
        vm = new OnboardingViewModel(gateway, DIRECT, DIRECT, new Random(7));
        toKeys(Network.MAINNET);
        vm.walletKeyProperty().set(WALLET_KEY);
        vm.recoveryPhraseProperty().set(phrase);

        vm.startRecovery();

        assertThat(vm.problemFieldProperty().get()).isEqualTo(Field.WALLET_KEY);
        assertThat(vm.errorProperty().get())
                .startsWith("No backup was found for this wallet on Walrus mainnet. No Walrus Sync repository in ")
                .endsWith("Press Back to choose another network.");
        assertThat(gateway.exists()).isFalse();
    }

    @Test
    void whatCannotBeRecoveredIsListed() throws Exception {
        TestRepo big = TestRepositories.init(dir.resolve("big"), 1L << 20);
        Path src = Files.createDirectories(dir.resolve("src"));
        Random random = new Random(1);
        for (int i = 0; i < 3; i++) {
            byte[] data = new byte[1_200_000];
            random.nextBytes(data);
            Files.write(src.resolve("file" + i + ".bin"), data);
        }
        try (RepositorySession session = big.open()) {
            TestRepositories.backup(session, src);
        }
        List<String> marked;
        try (Stream<Path> marks = Files.list(big.store().resolve("marks"))) {
            marked = marks.map(p -> p.getFileName().toString()).toList();
        }
        Path lost = big.packFiles().stream()
                .filter(p -> !marked.contains(p.getFileName().toString()))
                .findFirst()
                .orElseThrow();
        Files.delete(lost);

        vm.startRestore();
        vm.folderChosen(big.store());
        vm.networkChosen();
        vm.recoveryPhraseProperty().set(String.join(" ", big.created().recoveryWords()));
        vm.startRecovery();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESTORE_SUMMARY);
        assertThat(vm.completeProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).endsWith("Most of it can be restored; what cannot is listed below.");
        assertThat(vm.unrecoverable())
                .first()
                .asString()
                .startsWith("Blob " + lost.getFileName() + ": no longer in the store; it held ");
        assertThat(vm.unrecoverable().subList(1, vm.unrecoverable().size()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("Snapshot ").contains(src.toString()));
    }
}
