package dev.walrussync.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reading and waiting for the desktop app's window in the app's TestFX tests, which run against real networks. */
final class DesktopWindow {
    /** How long a step may take: these tests store on and recover from a local Walrus network. */
    static final long PATIENCE_SECONDS = 120;

    private DesktopWindow() {}

    /** The text of a label or a (read-only) text field. */
    static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        String t = n instanceof TextInputControl field ? field.getText() : ((Labeled) n).getText();
        return t == null ? "" : t;
    }

    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Waits for {@code condition}, read on the FX thread. */
    static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    PATIENCE_SECONDS,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
