package dev.walrussync.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the window in TestFX tests: conditions are checked on the FX thread. */
public final class FxWait {
    private FxWait() {}

    /** Waits up to 30 s for {@code condition}, evaluated on the FX thread; fails naming {@code what}. */
    public static void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Whether a node matching {@code query} exists and is visible. */
    public static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
