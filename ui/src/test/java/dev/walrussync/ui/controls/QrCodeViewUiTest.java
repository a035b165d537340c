package dev.walrussync.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The QR code as the screen draws it (on Monocle): a snapshot of the control reads back as the address. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QrCodeViewUiTest {
    private QrCodeView view;
    private StackPane root;

    @Start
    void start(Stage stage) {
        view = new QrCodeView();
        root = new StackPane(view);
        root.setStyle("-fx-background-color: #f4f6fa;");
        stage.setScene(new Scene(root, 300, 300));
        stage.show();
    }

    private static String decodeSnapshot(FxRobot robot, javafx.scene.Node node) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        int[] argb = new int[w * h];
        shot[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return QrDecoding.decode(argb, w, h);
    }

    @Test
    void theControlDrawsACodeThatReadsBackAsTheAddressInWholePixelsPerModule(FxRobot robot) throws Exception {
        assertThat(view.moduleScale()).isZero();

        robot.interact(() -> {
            view.setMinSize(184, 184);
            view.setMaxSize(184, 184);
            view.setQrCode(QrCode.encode(QrCodeTest.ADDRESS));
        });
        robot.interact(root::layout);

        assertThat(view.moduleScale()).isEqualTo(4); // 184 / 45 modules, rounded down
        assertThat(decodeSnapshot(robot, root)).isEqualTo(QrCodeTest.ADDRESS);
        assertThat(view.getAccessibleText()).isEqualTo("QR code of " + QrCodeTest.ADDRESS);

        robot.interact(() -> {
            view.setMinSize(100, 100);
            view.setMaxSize(100, 100);
        });
        robot.interact(root::layout);

        assertThat(view.moduleScale()).isEqualTo(2);
        assertThat(decodeSnapshot(robot, root)).isEqualTo(QrCodeTest.ADDRESS);

        robot.interact(() -> view.setQrCode(null));
        robot.interact(root::layout);

        assertThat(view.moduleScale()).isZero();
        assertThat(view.getAccessibleText()).isNull();
    }
}
