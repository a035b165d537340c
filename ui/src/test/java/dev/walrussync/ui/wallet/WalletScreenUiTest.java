package dev.walrussync.ui.wallet;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.controls.QrCodeView;
import dev.walrussync.ui.fx.ViewLoader;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import dev.walrussync.ui.wallet.WalletViewModel.ImportStage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wallet screen on Monocle, with the keyboard: the key field is labelled and reachable, Enter reviews the key, the
 * confirmation takes the focus on Cancel, Escape cancels, and the typed key is gone from the field and its undo
 * history. The repository is in a folder, taken for one on Walrus so that the import card shows.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WalletScreenUiTest {
    @TempDir
    static Path dir;

    private TestGateway gateway;
    private SyncMonitor monitor;
    private WalletViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        gateway = new TestGateway(Files.createTempDirectory(dir, "run"));
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        RunningSync real = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(TestGateway.asIfOnWalrus(real), DIRECT, DIRECT);
        vm = new WalletViewModel(monitor);
        Scene scene = new Scene(ViewLoader.load(new WalletController(vm)).root(), 900, 700);
        scene.getStylesheets().add(ViewLoader.styleSheet());
        stage.setScene(scene);
        stage.show();
        vm.show(new WalletInfo("testnet", WalletViewModelTest.OLD, 2_500_000_000L, 1_000_000_000L));
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void aKeyIsReviewedAndCancelledWithTheKeyboardAndLeavesNoTrace(FxRobot robot) {
        PasswordField key = robot.lookup("#keyField").queryAs(PasswordField.class);
        Label keyLabel = robot.lookup("#keyLabel").queryAs(Label.class);
        assertThat(keyLabel.getLabelFor()).isSameAs(key);
        assertThat(keyLabel.isMnemonicParsing()).isTrue();
        assertThat(robot.lookup("#qrCode").queryAs(QrCodeView.class).getQrCode())
                .isNotNull();
        assertThat(showing(robot, "#confirmBox")).isFalse();
        assertThat(robot.lookup("#reviewButton").queryButton().isDisabled()).isTrue();

        robot.interact(key::requestFocus);
        robot.interact(() -> key.replaceSelection(WalletViewModelTest.KEY)); // as a paste does
        assertThat(key.isUndoable()).isTrue();
        assertThat(robot.lookup("#reviewButton").queryButton().isDisabled()).isFalse();
        robot.type(KeyCode.ENTER);

        assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.CONFIRM);
        assertThat(showing(robot, "#confirmBox")).isTrue();
        assertThat(robot.lookup("#confirmText").queryAs(Label.class).getText()).contains("forgets the old key");
        Button cancel = robot.lookup("#cancelButton").queryButton();
        assertThat(cancel.isFocused()).isTrue();
        assertThat(key.getText()).isEmpty();
        assertThat(key.isUndoable()).isFalse();
        assertThat(key.isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);

        assertThat(vm.importStageProperty().get()).isEqualTo(ImportStage.ENTER);
        assertThat(vm.holdsKey()).isFalse();
        assertThat(showing(robot, "#confirmBox")).isFalse();
        assertThat(robot.lookup("#importMessage").queryAs(Label.class).getText())
                .isEqualTo("Cancelled. Nothing was changed.");
        assertThat(key.isFocused()).isTrue();
        assertThat(key.getText()).isEmpty();
    }

    @Test
    void aMalformedKeyIsRefusedOnScreenAndTheFieldIsEmptied(FxRobot robot) {
        PasswordField key = robot.lookup("#keyField").queryAs(PasswordField.class);
        robot.interact(() -> key.setText("suiprivkey1notakey"));
        robot.clickOn("#reviewButton");

        Label importMessage = robot.lookup("#importMessage").queryAs(Label.class);
        assertThat(importMessage.getText()).startsWith("The key was refused:").endsWith("Nothing was changed.");
        assertThat(importMessage.getStyleClass()).contains("error-text");
        assertThat(key.getText()).isEmpty();
        assertThat(showing(robot, "#confirmBox")).isFalse();
    }
}
