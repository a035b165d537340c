package dev.walrussync.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view: {@code Xxx.fxml} beside {@code XxxController}, bound to a controller the caller built (with its view
 * model), with the UI's strings for {@code %key} references.
 */
public final class ViewLoader {
    /** The UI's strings; FXML refers to them as {@code %key}. */
    public static final ResourceBundle STRINGS = ResourceBundle.getBundle("dev.walrussync.ui.i18n.strings");

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {}

    private ViewLoader() {}

    /** Loads the FXML that belongs to {@code controller}'s class and binds it to {@code controller}. */
    public static <C> View<C> load(C controller) {
        Class<?> type = controller.getClass();
        String name = type.getSimpleName().replaceFirst("Controller$", "") + ".fxml";
        URL fxml = type.getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("no " + name + " beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, STRINGS);
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(controller)) {
                throw new IllegalStateException(
                        name + " names controller " + requested.getName() + ", not " + type.getName());
            }
            return controller;
        });
        try {
            return new View<>(loader.load(), controller);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** The app's style sheet, for scenes. */
    public static String styleSheet() {
        URL css = ViewLoader.class.getResource("app.css");
        if (css == null) {
            throw new IllegalStateException("app.css is missing beside " + ViewLoader.class.getName());
        }
        return css.toExternalForm();
    }
}
