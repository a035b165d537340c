package dev.walrussync.ui.controls;

import javafx.scene.control.Label;

/** How a screen's message line looks: red when it reports a failure, green when it reports success. */
public final class MessageStyle {
    private MessageStyle() {}

    /** Styles {@code label} as a failure ({@code error-text}) or a success ({@code ok-text}). */
    public static void apply(Label label, boolean error) {
        label.getStyleClass().removeAll("error-text", "ok-text");
        label.getStyleClass().add(error ? "error-text" : "ok-text");
    }
}
