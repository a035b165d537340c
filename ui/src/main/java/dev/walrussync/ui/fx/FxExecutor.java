package dev.walrussync.ui.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Runs tasks on the JavaFX application thread: the one place that marshals onto it. View models receive it as a plain
 * {@link Executor}; tests give them a direct executor instead.
 */
public final class FxExecutor implements Executor {
    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
