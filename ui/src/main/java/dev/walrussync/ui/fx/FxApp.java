package dev.walrussync.ui.fx;

import dev.walrussync.ui.main.AppFlow;
import javafx.application.Application;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The JavaFX application: glue between the toolkit's life cycle and {@link AppFlow}. JavaFX creates it by reflection,
 * so the composition root passes its {@link UiContext} through {@link #launch(UiContext)}.
 */
public final class FxApp extends Application {
    private static volatile @Nullable UiContext pending;
    private @Nullable AppFlow flow;

    /** Starts the toolkit and the app, and blocks until the app quits. Call once per process. */
    public static void launch(UiContext context) {
        pending = context;
        Application.launch(FxApp.class);
    }

    @Override
    public void start(Stage stage) {
        UiContext context = pending;
        if (context == null) {
            throw new IllegalStateException("FxApp must be started with FxApp.launch(UiContext)");
        }
        AppFlow f = new AppFlow(context, stage);
        flow = f;
        f.begin();
    }

    @Override
    public void stop() {
        if (flow != null) {
            flow.shutdown();
        }
    }
}
